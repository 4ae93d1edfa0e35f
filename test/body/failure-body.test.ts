import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import { expect as playwrightExpect } from '@playwright/test';
import { request } from 'playwright-core';
import { request as undiciRequest } from 'undici';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/config.js';
import { configure, matchers, readBody } from '../../src/index.js';
import { asyncFailureOf, failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

// The body in the failure of a status, header or cookie assertion: at hand (held by the client, or read by
// readBody or a body matcher) on every runner; read for the failure under vitest with readBodyOnFailure.
expect.extend(matchers);

const PROBLEM = JSON.stringify({
  type: 'https://example.test/validation',
  title: 'Your request is not valid',
  status: 422,
  errors: [{ field: 'email', message: 'must be an email address' }],
});

const stalled: ServerResponse[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/stall') {
      stalled.push(res);
      res.writeHead(500, { 'content-type': 'application/json' });
      res.flushHeaders();
      return;
    }
    if (req.url === '/large') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('x'.repeat(200_000));
      return;
    }
    if (req.url === '/down') {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"still down"}');
      return;
    }
    if (req.url === '/flaky') {
      flakyCalls++;
      if (flakyCalls < 3) res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"warming up"}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    res.writeHead(422, { 'content-type': 'application/problem+json' }).end(PROBLEM);
  });
});
afterAll(async () => {
  for (const res of stalled) res.destroy();
  await server.close();
});
afterEach(() => resetConfig());
let flakyCalls = 0;

const incoming = (path: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => httpGet(`${server.url}${path}`, resolve).on('error', reject));

describe('a body at hand is shown by every failure, on every runner', () => {
  it('after readBody, a failing toHaveStatus on an undici.request stream shows the body, synchronously', async () => {
    const res = await undiciRequest(`${server.url}/problem`);
    await readBody(res);
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toContain('Body (');
    expect(message).toContain('"title": "Your request is not valid"');
    expect(message).toContain('"field": "email"');
  });

  it('after a body matcher, a failing header assertion on a fetch Response shows the body', async () => {
    const res = await fetch(`${server.url}/problem`);
    await expect(res).toMatchJsonBody({ status: 422 });
    const message = failureOf(() => expect(res).toHaveHeader('x-request-id'));
    expect(message).toContain('"message": "must be an email address"');
  });

  it('without readBodyOnFailure, a failure on an unread stream stays synchronous and reads nothing', async () => {
    const res = await fetch(`${server.url}/problem`);
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).not.toContain('Body');
    expect(res.bodyUsed).toBe(false);
    expect(await res.json()).toMatchObject({ status: 422 });
  });
});

describe('with readBodyOnFailure, under vitest', () => {
  it.each([
    ['fetch', () => fetch(`${server.url}/problem`)],
    ['undici.request', () => undiciRequest(`${server.url}/problem`)],
    ['http.get', () => incoming('/problem')],
  ] as const)(
    'a failing toHaveStatus on a %s body reads and shows it, and the body stays usable',
    async (name, send) => {
      configure({ readBodyOnFailure: true });
      const res = await send();
      const message = await asyncFailureOf(async () => expect(res).toHaveStatus(200));
      expect(message).toContain('Received status: 422 Unprocessable Content (4xx Client Error)');
      expect(message).toMatch(/Body \(\d+ B, JSON\):\n {2}\{\n {4}"type": "https:\/\/example\.test\/validation",/);
      if (name === 'fetch') expect(await (res as Response).json()).toMatchObject({ status: 422 });
      else expect((await readBody(res)).json()).toMatchObject({ title: 'Your request is not valid' });
    },
  );

  it('a passing assertion stays synchronous and touches no body', async () => {
    configure({ readBodyOnFailure: true });
    const res = await undiciRequest(`${server.url}/problem`);
    const returned: unknown = expect(res).toHaveStatus(422);
    expect(typeof (returned as { then?: unknown } | undefined)?.then).not.toBe('function');
    expect(res.body.readableDidRead).toBe(false);
    expect(await res.body.json()).toMatchObject({ status: 422 });
  });

  it('under .not too, and for a header assertion on an msw mock', async () => {
    configure({ readBodyOnFailure: true });
    const mock = setupServer(
      http.get('https://api.example.test/me', () =>
        HttpResponse.json({ error: 'invalid_token' }, { status: 401, headers: { 'www-authenticate': 'Bearer' } }),
      ),
    );
    mock.listen({ onUnhandledRequest: 'bypass' });
    try {
      const res = await fetch('https://api.example.test/me');
      const not = await asyncFailureOf(async () => expect(res).not.toBeClientError());
      expect(not).toContain('"error": "invalid_token"');
      const header = await asyncFailureOf(async () => expect(res).toHaveHeader('x-request-id'));
      expect(header).toContain('"error": "invalid_token"');
      expect(await res.json()).toEqual({ error: 'invalid_token' });
    } finally {
      mock.close();
    }
  });

  it('reads no more than an excerpt needs from a large fetch body, and says it is the start', async () => {
    configure({ readBodyOnFailure: true });
    const res = await fetch(`${server.url}/large`);
    const message = await asyncFailureOf(async () => expect(res).toHaveStatus(200));
    expect(message).toMatch(
      /Body \(first 64\.0 KB\):\n {2}x{1024}\n {2}… \(cut at 1,024 characters; only the first 64\.0 KB of the body were read\)/,
    );
    expect((await res.text()).length).toBe(200_000);
  });

  it('a stalled body fails within the excerpt time, with one line on why there is no body', async () => {
    configure({ readBodyOnFailure: true });
    for (const send of [() => fetch(`${server.url}/stall`), () => undiciRequest(`${server.url}/stall`)]) {
      const res = await send();
      const message = await asyncFailureOf(async () => expect(res).toHaveStatus(200));
      expect(message).toContain('Received status: 500 Internal Server Error');
      expect(message).toMatch(
        /Body: not shown, because (no byte of it arrived within 1000 ms\.|it had not ended within 1000 ms \(the read goes on for readBody\(res\)\)\.)/,
      );
    }
  });

  it('works inside expect.poll: retries read their excerpts, and the passing attempt reads nothing', async () => {
    configure({ readBodyOnFailure: true });
    flakyCalls = 0;
    await expect.poll(() => fetch(`${server.url}/flaky`), { interval: 20, timeout: 5000 }).toHaveStatus(200);
    expect(flakyCalls).toBe(3);
  });

  it('expect.poll that never passes: every attempt reads its excerpt, and no timer is left behind', async () => {
    configure({ readBodyOnFailure: true });
    const timers = trackTimers();
    const message = await asyncFailureOf(() =>
      expect.poll(() => fetch(`${server.url}/down`), { interval: 10, timeout: 500 }).toHaveStatus(200),
    );
    expect(message).toContain('Received status: 503');
    expect(message).toContain('"error": "still down"');
    expect(timers.stop()).toEqual({ ours: expect.any(Number), pending: [] });
    expect(timers.stop().ours).toBeGreaterThan(1);
  });

  it("Playwright's toPass retries a failing status assertion until it passes, and reports ours when it never does", async () => {
    playwrightExpect.extend(matchers);
    const context = await request.newContext();
    try {
      flakyCalls = 0;
      await playwrightExpect(async () => {
        playwrightExpect(await context.get(`${server.url}/flaky`)).toHaveStatus(200);
      }).toPass({ intervals: [10], timeout: 5000 });
      expect(flakyCalls).toBe(3);
      const timers = trackTimers();
      const message = await asyncFailureOf(() =>
        playwrightExpect(async () => {
          playwrightExpect(await context.get(`${server.url}/down`)).toHaveStatus(200);
        }).toPass({ intervals: [10], timeout: 300 }),
      );
      expect(message).toContain('expect(response).toHaveStatus(expected)');
      expect(message).toContain('Received status: 503');
      // Under Playwright the assertion stays synchronous: it sets no timer at all.
      expect(timers.stop()).toEqual({ ours: 0, pending: [] });
    } finally {
      await context.dispose();
    }
  });

  it('Playwright keeps the body: its APIResponse body is shown and can still be read', async () => {
    configure({ readBodyOnFailure: true });
    const context = await request.newContext();
    try {
      const res = await context.get(`${server.url}/problem`);
      const message = await asyncFailureOf(async () => expect(res).toHaveStatus(200));
      expect(message).toContain('"title": "Your request is not valid"');
      expect(await res.json()).toMatchObject({ status: 422 });
    } finally {
      await context.dispose();
    }
  });
});

/**
 * Watches the timers set from this library's code (src/) until stop(): how many, and which are still pending. A
 * read for an excerpt that forgot to clear its time cap would be left pending.
 */
function trackTimers(): { stop(): { ours: number; pending: string[] } } {
  const { setTimeout: realSet, clearTimeout: realClear } = globalThis;
  const live = new Map<unknown, string>();
  let ours = 0;
  globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const where = new Error().stack?.split('\n').find((line) => line.includes('/src/')) ?? '';
    const handle: unknown = realSet(
      (...a: unknown[]) => {
        live.delete(handle);
        fn(...a);
      },
      ms,
      ...args,
    );
    if (where !== '') {
      ours += 1;
      live.set(handle, where.trim());
    }
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    live.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout;
  let result: { ours: number; pending: string[] } | undefined;
  return {
    stop() {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
      return (result ??= { ours, pending: [...live.values()] });
    },
  };
}
