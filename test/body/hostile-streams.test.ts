import { get as httpGet, type IncomingMessage } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/config.js';
import { configure, HttpMatcherUsageError } from '../../src/index.js';
import { toHaveJsonBody } from '../../src/matchers/to-have-json-body.js';
import { toHaveTextBody } from '../../src/matchers/to-have-text-body.js';
import { asyncFailureOf } from '../helpers/message.js';

expect.extend({ toHaveJsonBody, toHaveTextBody });
afterEach(() => resetConfig());

// Streams no server sends this way: chunks that arrive without ever waiting for I/O, so a reader that only
// awaits them runs on microtasks alone. A ReadableStream behind a real Response is how a test (msw, a mock
// fetch) hands one over.

type Shape =
  | { kind: 'empty chunks' }
  | { kind: 'tiny chunks'; size: number }
  | { kind: 'never answers'; after: number }
  | { kind: 'errors'; after: number }
  | { kind: 'mixed'; pattern: number[] };

const shapes: fc.Arbitrary<Shape> = fc.oneof(
  fc.constant({ kind: 'empty chunks' as const }),
  fc.record({ kind: fc.constant('tiny chunks' as const), size: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('never answers' as const), after: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('errors' as const), after: fc.nat({ max: 5 }) }),
  // Empty, 1-byte and larger chunks in some order, repeated forever.
  fc.record({
    kind: fc.constant('mixed' as const),
    pattern: fc.array(fc.constantFrom(0, 1, 2048), { minLength: 1, maxLength: 6 }),
  }),
);

function streamOf(shape: Shape): ReadableStream<Uint8Array> {
  let pulls = 0;
  return new ReadableStream({
    pull(controller) {
      pulls++;
      switch (shape.kind) {
        case 'empty chunks':
          return controller.enqueue(new Uint8Array(0));
        case 'tiny chunks':
          return controller.enqueue(new Uint8Array(shape.size).fill(0x31));
        case 'mixed':
          return controller.enqueue(new Uint8Array(shape.pattern[pulls % shape.pattern.length]!).fill(0x31));
        case 'never answers':
          if (pulls > shape.after) return new Promise<void>(() => {});
          return controller.enqueue(new Uint8Array([0x31]));
        case 'errors':
          if (pulls > shape.after) return controller.error(new Error('connection reset \x1b[31mred'));
          return controller.enqueue(new Uint8Array([0x31]));
      }
    },
  });
}

/** The cap message each shape must end with. */
function capFor(shape: Shape): RegExp {
  if (shape.kind === 'errors') return /reading the body failed after \d+ B: connection reset \\x1b\[31mred/;
  if (shape.kind === 'tiny chunks' || shape.kind === 'mixed') return /bodyTimeout \(100 ms\)|bodyLimit \(64\.0 KB\)/;
  return /the body did not end within bodyTimeout \(100 ms\)/;
}

describe('a body stream that never waits, stalls or errors', () => {
  it('settles every matcher with the cap message, under .not too (generated stream shapes)', async () => {
    configure({ bodyTimeout: 100, bodyLimit: 64 * 1024 });
    await fc.assert(
      fc.asyncProperty(
        shapes,
        fc.constantFrom('toHaveTextBody', 'toHaveJsonBody'),
        fc.boolean(),
        async (shape, matcher, not) => {
          const assertion = not ? expect(new Response(streamOf(shape))).not : expect(new Response(streamOf(shape)));
          const run = (assertion as unknown as Record<string, (x: unknown) => Promise<void>>)[matcher]!('1');
          const error = await run.then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(HttpMatcherUsageError);
          expect((error as Error).message).toMatch(capFor(shape));
          expect((error as Error).message).toContain(`${matcher}: `);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps the bytes in order however small and large chunks alternate (generated chunk sizes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(0, 1, 3, 1000, 1500, 70_000), { maxLength: 12 }), async (sizes) => {
        const chunks = sizes.map((size, i) => 'abcdefghijklmnop'[i]!.repeat(size));
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
            controller.close();
          },
        });
        await expect(new Response(stream)).toHaveTextBody(chunks.join(''));
      }),
      { numRuns: 40 },
    );
  });

  it('lets timers run while it reads a stream of empty chunks, so the runner can still time the test out', async () => {
    configure({ bodyTimeout: 60_000 });
    let stop = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (stop) controller.error(new Error('stopped by the test'));
        else controller.enqueue(new Uint8Array(0));
      },
    });
    const pending = expect(new Response(stream)).toHaveTextBody('x');
    // Resolves only if a task turn comes while the matcher reads: a loop on microtasks alone would starve it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop = true;
    await expect(pending).rejects.toThrow(/reading the body failed after 0 B: stopped by the test/);
  });

  it('keeps memory far below the chunk count for 1-byte chunks, stopping at bodyLimit or bodyTimeout', async () => {
    configure({ bodyTimeout: 300, bodyLimit: 1024 * 1024 });
    const before = process.memoryUsage().rss;
    const message = await asyncFailureOf(() =>
      expect(new Response(streamOf({ kind: 'tiny chunks', size: 1 }))).toHaveTextBody('x'),
    );
    expect(message).toMatch(/bodyLimit \(1\.0 MB\): reading stopped after 1\.0 MB|bodyTimeout \(300 ms\)/);
    // A list of a million 1-byte arrays costs over 100 MB; one growing buffer costs the bytes.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});

// ---- response data in usage errors ----

// node:http refuses to send a control character in a header; a raw socket sends what it is given.
let raw: Server;
let rawUrl: string;
const sockets = new Set<Socket>();
beforeAll(async () => {
  raw = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', () =>
      socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: text/plain\x1b[31m; charset=utf-8\r\nContent-Length: 99999999\r\n\r\nhello',
      ),
    );
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => raw.close(resolve));
});

describe('a Content-Type with an ESC in a usage error', () => {
  // Strict parsers (undici, Node's default) refuse the header; Node's lenient one, opted into, lets it through.
  it('is escaped in the body-limit error (http.get with insecureHTTPParser)', async () => {
    configure({ bodyLimit: 1024 });
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      httpGet(rawUrl, { insecureHTTPParser: true }, resolve).on('error', reject),
    );
    const error = await expect(res)
      .toHaveTextBody('hello')
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(error).toBeInstanceOf(HttpMatcherUsageError);
    expect(error?.message).toContain('Content-Type: text/plain\\x1b[31m; charset=utf-8');
    expect(error?.message).not.toContain('\x1b');
  });
});
