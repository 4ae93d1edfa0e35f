import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, fetch as undiciFetch, request as undiciRequest } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resetConfig } from '../../src/config.js';
import { configure, matchers, readBody } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/server.js';

// Sync and async matchers run side by side on each response, so all of them are registered.
expect.extend(matchers);

const IN_FLIGHT = 200;

/**
 * Holds every response until IN_FLIGHT requests are open at once (or a bounded wait runs out), then
 * answers each with its own id, in two chunks, so 200 bodies stream in interleaved.
 */
function barrierRoutes(): {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  peak: () => number;
  reset: () => void;
} {
  let waiting: Array<() => void> = [];
  let open = 0;
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  const release = (): void => {
    clearTimeout(timer);
    timer = undefined;
    for (const go of waiting.splice(0)) go();
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const id = Number(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('id'));
    open += 1;
    peak = Math.max(peak, open);
    res.on('close', () => (open -= 1));
    waiting.push(() => {
      const body = JSON.stringify({ id, pad: `${id}-`.repeat(2000) });
      res.writeHead(200, { 'content-type': 'application/json', 'x-id': String(id) });
      // Two chunks a turn apart: the bodies of all responses interleave on the wire.
      res.write(body.slice(0, 1000));
      setImmediate(() => res.end(body.slice(1000)));
    });
    if (waiting.length >= IN_FLIGHT) release();
    // Bounded: if fewer requests ever arrive, answer anyway and let the peak assertion fail.
    else timer ??= setTimeout(release, 10_000);
  };
  return {
    handler,
    peak: () => peak,
    reset: () => {
      peak = 0;
      waiting = [];
    },
  };
}

const routes = barrierRoutes();
let server: TestServer;
// undici allows unlimited connections per origin by default; say so, so the 200 run at once, not pipelined or queued.
const agent = new Agent({ connections: IN_FLIGHT, pipelining: 1 });
beforeAll(async () => {
  // 200 bodies at once on 2 busy cores (other test files run beside this one) can take longer than the default 5 s
  // bodyTimeout; what this file proves is that each keeps its own body, within its own 20 s bound.
  configure({ bodyTimeout: 20_000 });
  server = await startServer(routes.handler);
});
afterAll(async () => {
  resetConfig();
  await agent.close();
  await server.close();
});

/** Every assertion on one response, sync and async, started together. */
async function assertAll(res: unknown, id: number): Promise<void> {
  expect(res).toHaveStatus(200);
  expect(res).toHaveHeader('x-id', String(id));
  await Promise.all([
    expect(res).toHaveJsonBody({ id, pad: expect.stringMatching(new RegExp(`^(${id}-)+$`)) }),
    expect(res).toMatchJsonBody({ id }),
    expect(res).not.toMatchJsonBody({ id: id + 1 }),
    expect(res).toHaveTextBody(new RegExp(`^\\{"id":${id},`)),
    expect(res).toMatchSchema(z.object({ id: z.literal(id) })),
    // A failure's message quotes this response's own body, not another's.
    expect(res)
      .toHaveJsonBody({ id: -1 })
      .then(
        () => {
          throw new Error('expected a failure');
        },
        (error: Error) => expect(error.message).toContain(`"id": ${id},`),
      ),
    Promise.resolve().then(() => expect(res).toHaveContentType('json')),
  ]);
}

/** Runs `work` for ids 0..IN_FLIGHT-1 at once, bounded in time. */
async function allAtOnce(work: (id: number) => Promise<void>): Promise<void> {
  routes.reset();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('200 requests did not finish within 20 s')), 20_000);
  });
  try {
    await Promise.race([Promise.all(Array.from({ length: IN_FLIGHT }, (_, id) => work(id))), late]);
  } finally {
    clearTimeout(timer);
  }
  expect(routes.peak()).toBe(IN_FLIGHT);
}

describe(`${IN_FLIGHT} responses in flight, each checked by every kind of matcher at once`, () => {
  it('undici.request: each response keeps its own body, for the matchers and for readBody afterwards', async () => {
    await allAtOnce(async (id) => {
      const res = await undiciRequest(`${server.url}/?id=${id}`, { dispatcher: agent });
      await assertAll(res, id);
      expect((await readBody(res)).json()).toMatchObject({ id });
    });
  }, 30_000);

  it('fetch: each response keeps its own body, and the test still reads it', async () => {
    await allAtOnce(async (id) => {
      const res = await undiciFetch(`${server.url}/?id=${id}`, { dispatcher: agent });
      await assertAll(res, id);
      expect(await res.json()).toMatchObject({ id });
    });
  }, 30_000);

  it('both clients mixed, with the body matchers started before the sync ones', async () => {
    await allAtOnce(async (id) => {
      const res =
        id % 2 === 0
          ? await undiciRequest(`${server.url}/?id=${id}`, { dispatcher: agent })
          : await undiciFetch(`${server.url}/?id=${id}`, { dispatcher: agent });
      const body = expect(res).toHaveJsonBody(expect.objectContaining({ id }));
      expect(res).toHaveHeader('x-id', String(id));
      await body;
      expect((await readBody(res)).json()).toMatchObject({ id });
    });
  }, 30_000);
});
