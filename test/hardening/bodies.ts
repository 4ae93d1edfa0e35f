import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import axios from 'axios';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/config.js';
import { configure, HttpMatcherUsageError, readBody } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/server.js';

// The engine of the bodies suite: a server that streams 1 GiB or never ends, the clients that stream, and what
// a matcher must do with such a body. Each matcher's test file hands its call to `bodies` or `keepsBody`
// (through harden()); test/hardening/bodies.test.ts holds what is about the body across matchers.

const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;
const CHUNK = Buffer.from(`"${'x'.repeat(64 * 1024 - 4)}",`);

/** What the server saw of one streamed response: how much it wrote, and when the client hung up. */
export interface Stream {
  written: number;
  readonly closed: Promise<void>;
  readonly ended: boolean;
}
const streams: Stream[] = [];

/** Writes a JSON array of 64 KiB strings, with backpressure, until `total` bytes or the client hangs up. */
function streamBody(res: ServerResponse, total: number, headers: Record<string, string> = {}): void {
  let markClosed!: () => void;
  const stream = { written: 0, ended: false, closed: new Promise<void>((resolve) => (markClosed = resolve)) };
  streams.push(stream);
  res.on('close', markClosed);
  // Writing after the client hung up fails the write; the 'close' above is what we track.
  res.on('error', () => {});
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  res.write('[');
  const pump = (): void => {
    while (!res.destroyed && stream.written < total) {
      stream.written += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) {
      stream.ended = true;
      res.end('"end"]');
    }
  };
  pump();
}

function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/gib') return streamBody(res, GiB);
  // Says its size at once: the matcher need not read a byte.
  if (path === '/gib-declared') return streamBody(res, GiB - 7, { 'content-length': String(GiB) });
  if (path === '/never-ends') {
    let markClosed!: () => void;
    streams.push({ written: 6, ended: false, closed: new Promise<void>((resolve) => (markClosed = resolve)) });
    res.on('close', markClosed);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"a": ');
    return;
  }
  if (path === '/problem') {
    res
      .writeHead(404, { 'content-type': 'application/problem+json' })
      .end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 7, name: 'Ada' }));
}

/** Where the streaming server is: set by `useBodyServer` before its tests run. */
export const bodyServer = { url: '' };

/**
 * Starts the streaming server for the tests of the current describe block, and checks when they are done that
 * nothing they started outlives them: no socket, server or timer.
 */
export function useBodyServer(): void {
  let server: TestServer;
  let baseline: Map<string, number>;
  beforeAll(async () => {
    baseline = resources();
    server = await startServer(routes);
    bodyServer.url = server.url;
  });
  afterEach(() => resetConfig());
  afterAll(async () => {
    await server.close();
    // Sockets close a few event-loop turns after the server drops them, so this waits, boundedly.
    for (let turn = 0; turn < 250 && leftOver(baseline).length > 0; turn++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(leftOver(baseline)).toEqual([]);
  });
}

function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

function leftOver(baseline: Map<string, number>): string[] {
  const now = resources();
  return [...now]
    .filter(([name, count]) => count > (baseline.get(name) ?? 0))
    .map(([name, count]) => `${name} × ${count - (baseline.get(name) ?? 0)}`);
}

/** The last stream the server started. */
export const lastStream = (): Stream => streams[streams.length - 1]!;

// ---- clients that stream (the ones that buffer the whole body, supertest and got, cannot get a 1 GiB body) ----

export interface StreamingClient {
  name: string;
  get(path: string): Promise<unknown>;
  /** What the test does with the body afterwards, if the matcher did not end the connection. */
  release(res: unknown): Promise<void>;
}

export const CLIENTS: StreamingClient[] = [
  {
    name: 'fetch',
    get: (path) => fetch(`${bodyServer.url}${path}`),
    // The user's Response is a branch of the body the matcher's clone read; the test ends it.
    release: async (res) => (res as Response).body?.cancel(),
  },
  {
    name: 'undici.request',
    get: (path) => undiciRequest(`${bodyServer.url}${path}`),
    release: async () => {},
  },
  {
    name: 'http.get',
    get: (path) => new Promise((resolve, reject) => httpGet(`${bodyServer.url}${path}`, resolve).on('error', reject)),
    release: async () => {},
  },
  {
    name: 'axios (responseType: stream)',
    get: (path) => axios.get(`${bodyServer.url}${path}`, { responseType: 'stream' }),
    release: async () => {},
  },
];

/** The call as the user writes it: `await expect(res)[.not].<name>(...args)`. */
export async function call(name: string, res: unknown, args: readonly unknown[], not = false): Promise<unknown> {
  const assertion = not ? expect(res).not : expect(res);
  return await Reflect.apply(
    (assertion as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!,
    assertion,
    args,
  );
}

/** Resident memory sampled while `work` runs; returns the largest growth over the start. */
async function peakRssGrowth(work: () => Promise<void>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - start;
}

/** Waits for the server to see the client hang up, bounded so a leak fails instead of hanging. */
export async function hangUp(stream: Stream): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the connection stayed open after ${(stream.written / MiB).toFixed(0)} MiB`)),
      5000,
    );
  });
  try {
    await Promise.race([stream.closed, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Registers the tests of one body matcher on bodies too large or too slow, over every streaming client. */
export function bodies(name: string, args: readonly unknown[]): void {
  describe('a body too large or too slow', () => {
    useBodyServer();

    describe.each(CLIENTS)('streamed to $name', (client) => {
      it(`${name} stops a 1 GiB body at bodyLimit, with memory growth far below the body size, and the connection ends`, async () => {
        let stream!: Stream;
        let res: unknown;
        const growth = await peakRssGrowth(async () => {
          res = await client.get('/gib');
          stream = lastStream();
          const error = await call(name, res, args).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(HttpMatcherUsageError);
          expect((error as Error).message).toMatch(
            new RegExp(
              `^${name}: the body is larger than bodyLimit \\(10\\.0 MB\\): reading stopped after 10\\.\\d MB`,
            ),
          );
          // The same cap under .not: an unread body is never a pass.
          await expect(call(name, res, args, true)).rejects.toThrow(/larger than bodyLimit/);
        });
        await client.release(res);
        await hangUp(stream);
        expect(stream.ended).toBe(false);
        // What the server got out before the hang-up: the cap, plus what socket buffers held.
        expect(stream.written).toBeLessThan(64 * MiB);
        expect(growth).toBeLessThan(256 * MiB);
      });

      it(`${name} fails at bodyTimeout on a body that never ends, and the connection ends`, async () => {
        configure({ bodyTimeout: 200 });
        const res = await client.get('/never-ends');
        const stream = lastStream();
        await expect(call(name, res, args)).rejects.toThrow(
          new RegExp(
            `^${name}: the body did not end within bodyTimeout \\(200 ms\\); 6 B had arrived, so it was not checked`,
          ),
        );
        await client.release(res);
        await hangUp(stream);
      });
    });

    it(`after ${name} on an undici.request response, readBody still gives the body`, async () => {
      const res = await undiciRequest(`${bodyServer.url}/json`);
      await call(name, res, args).catch(() => {});
      expect((await readBody(res)).json()).toEqual({ id: 7, name: 'Ada' });
    });
  });
}

/** Registers the test that any call of one matcher, with and without .not, leaves a fetch Response readable. */
export function keepsBody(name: string, args: readonly unknown[]): void {
  describe('the body stays the user’s', () => {
    useBodyServer();

    it(`after ${name}, with and without .not, the test can still read a fetch Response`, async () => {
      for (const path of ['/json', '/problem']) {
        const res = await fetch(`${bodyServer.url}${path}`);
        for (const not of [false, true]) {
          await call(name, res, args, not).catch((error: unknown) => {
            if (error instanceof HttpMatcherUsageError) throw error;
          });
        }
        expect(res.bodyUsed).toBe(false);
        const body = (await res.json()) as { title?: string; name?: string };
        expect(body.name ?? body.title).toBe(path === '/json' ? 'Ada' : 'Not Found');
      }
    });
  });
}
