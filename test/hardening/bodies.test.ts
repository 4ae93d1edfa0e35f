import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import axios from 'axios';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resetConfig } from '../../src/config.js';
import { configure, HttpMatcherUsageError, matchers, readBody } from '../../src/index.js';
import type { MatcherContext } from '../../src/types.js';
import { startServer, type TestServer } from '../helpers/server.js';

// Every matcher is checked for what it does to a body, so all of them are registered.
expect.extend(matchers);

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const CHUNK = Buffer.from(`"${'x'.repeat(64 * 1024 - 4)}",`);

/** What the server saw of one streamed response: how much it wrote, and when the client hung up. */
interface Stream {
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

let server: TestServer;
let baseline: Map<string, number>;
beforeAll(async () => {
  baseline = resources();
  server = await startServer(routes);
});
afterEach(() => resetConfig());
afterAll(async () => {
  await server.close();
  // Nothing we started may outlive the tests: no socket, server or timer (vitest exits by itself).
  // Sockets close a few event-loop turns after the server drops them, so this waits, boundedly.
  for (let turn = 0; turn < 250 && leftOver().length > 0; turn++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(leftOver()).toEqual([]);
});

function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

function leftOver(): string[] {
  const now = resources();
  return [...now]
    .filter(([name, count]) => count > (baseline.get(name) ?? 0))
    .map(([name, count]) => `${name} × ${count - (baseline.get(name) ?? 0)}`);
}

/** The last stream the server started. */
const lastStream = (): Stream => streams[streams.length - 1]!;

// ---- clients that stream (the ones that buffer the whole body, supertest and got, cannot get a 1 GiB body) ----

interface StreamingClient {
  name: string;
  get(path: string): Promise<unknown>;
  /** What the test does with the body afterwards, if the matcher did not end the connection. */
  release(res: unknown): Promise<void>;
}

const CLIENTS: StreamingClient[] = [
  {
    name: 'fetch',
    get: (path) => fetch(`${server.url}${path}`),
    // The user's Response is a branch of the body the matcher's clone read; the test ends it.
    release: async (res) => (res as Response).body?.cancel(),
  },
  {
    name: 'undici.request',
    get: (path) => undiciRequest(`${server.url}${path}`),
    release: async () => {},
  },
  {
    name: 'http.get',
    get: (path) => new Promise((resolve, reject) => httpGet(`${server.url}${path}`, resolve).on('error', reject)),
    release: async () => {},
  },
  {
    name: 'axios (responseType: stream)',
    get: (path) => axios.get(`${server.url}${path}`, { responseType: 'stream' }),
    release: async () => {},
  },
];

/** A call of each body matcher. A body matcher without an entry fails the suite. */
const BODY_CALLS: Record<string, unknown[]> = {
  toHaveJsonBody: [],
  toMatchJsonBody: [{ id: 7 }],
  toHaveTextBody: [/Ada/],
  toMatchSchema: [z.object({ id: z.number() })],
  toBeProblemDetails: [],
};

/** Matchers that return a promise: the ones that read the body. */
function isBodyMatcher(name: string): boolean {
  const fn = (matchers as Record<string, (this: MatcherContext, ...args: unknown[]) => unknown>)[name]!;
  const ctx = { isNot: false, utils: {}, equals: () => false } as unknown as MatcherContext;
  try {
    // With its entry's arguments: a body matcher checks them before it returns its promise.
    const result = fn.call(ctx, 200, ...(BODY_CALLS[name] ?? []));
    if (result instanceof Promise) {
      result.catch(() => {});
      return true;
    }
  } catch {
    // A sync matcher's usage error.
  }
  return false;
}

const bodyMatchers = Object.keys(matchers).filter(isBodyMatcher);

/** The call as the user writes it: `await expect(res)[.not].<name>(...args)`. */
async function call(name: string, res: unknown, args: readonly unknown[], not = false): Promise<unknown> {
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
async function hangUp(stream: Stream): Promise<void> {
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

describe('the body matchers', () => {
  it('are all covered here', () => {
    expect(bodyMatchers.length).toBeGreaterThan(0);
    expect(
      bodyMatchers.filter((n) => !(n in BODY_CALLS)),
      'body matchers without an entry',
    ).toEqual([]);
    expect(
      Object.keys(BODY_CALLS).filter((n) => !bodyMatchers.includes(n)),
      'entries for matchers that are not body matchers',
    ).toEqual([]);
  });
});

describe.each(CLIENTS)('a 1 GiB body streamed to $name', (client) => {
  it.each(bodyMatchers)(
    '%s stops at bodyLimit, with memory growth far below the body size, and the connection ends',
    async (name) => {
      let stream!: Stream;
      let res: unknown;
      const growth = await peakRssGrowth(async () => {
        res = await client.get('/gib');
        stream = lastStream();
        const error = await call(name, res, BODY_CALLS[name]!).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(HttpMatcherUsageError);
        expect((error as Error).message).toMatch(
          new RegExp(`^${name}: the body is larger than bodyLimit \\(10\\.0 MB\\): reading stopped after 10\\.\\d MB`),
        );
        // The same cap under .not: an unread body is never a pass.
        await expect(call(name, res, BODY_CALLS[name]!, true)).rejects.toThrow(/larger than bodyLimit/);
      });
      await client.release(res);
      await hangUp(stream);
      expect(stream.ended).toBe(false);
      // What the server got out before the hang-up: the cap, plus what socket buffers held.
      expect(stream.written).toBeLessThan(64 * MiB);
      expect(growth).toBeLessThan(256 * MiB);
    },
  );

  it('a declared Content-Length over the cap is refused before reading', async () => {
    const res = await client.get('/gib-declared');
    const stream = lastStream();
    await expect(call('toHaveJsonBody', res, [])).rejects.toThrow(
      /its Content-Length is 1\.0 GB, so it was not checked/,
    );
    await client.release(res);
    await hangUp(stream);
    expect(stream.written).toBeLessThan(64 * MiB);
  });

  it('a body that never ends fails at bodyTimeout and the connection ends', async () => {
    configure({ bodyTimeout: 200 });
    for (const name of bodyMatchers) {
      const res = await client.get('/never-ends');
      const stream = lastStream();
      await expect(call(name, res, BODY_CALLS[name]!)).rejects.toThrow(
        new RegExp(
          `^${name}: the body did not end within bodyTimeout \\(200 ms\\); 6 B had arrived, so it was not checked`,
        ),
      );
      await client.release(res);
      await hangUp(stream);
    }
  });
});

describe('the body stays the user’s', () => {
  /** One call of every matcher, passing or failing: what each does to the body must not matter. */
  const ANY_CALL: Record<string, unknown[]> = {
    ...BODY_CALLS,
    toHaveStatus: [200],
    toHaveStatusClass: ['4xx'],
    toBeInformational: [],
    toBeSuccessful: [],
    toBeRedirect: [],
    toBeClientError: [],
    toBeServerError: [],
    toBeRedirectWithLocation: ['/x'],
    toHaveHeader: ['content-type', /json/],
    toHaveContentType: ['json'],
    toHaveCookie: ['session'],
  };

  it('has a call for every matcher', () => {
    expect(Object.keys(matchers).filter((n) => !(n in ANY_CALL))).toEqual([]);
  });

  it.each(Object.keys(matchers))(
    'after %s, with and without .not, the test can still read a fetch Response',
    async (name) => {
      for (const path of ['/json', '/problem']) {
        const res = await fetch(`${server.url}${path}`);
        for (const not of [false, true]) {
          await call(name, res, ANY_CALL[name]!, not).catch((error: unknown) => {
            if (error instanceof HttpMatcherUsageError) throw error;
          });
        }
        expect(res.bodyUsed).toBe(false);
        const body = (await res.json()) as { title?: string; name?: string };
        expect(body.name ?? body.title).toBe(path === '/json' ? 'Ada' : 'Not Found');
      }
    },
  );

  it('after every body matcher on one undici.request response, readBody still gives the body', async () => {
    const res = await undiciRequest(`${server.url}/json`);
    for (const name of bodyMatchers) await call(name, res, BODY_CALLS[name]!).catch(() => {});
    expect((await readBody(res)).json()).toEqual({ id: 7, name: 'Ada' });
  });
});
