import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from './app.js';

const server = createApp();
let base = '';

beforeAll(async () => {
  // Port 0: the OS picks a free port, so parallel runs never collide.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('with fetch', () => {
  test('GET /health is 200', async () => {
    const res = await fetch(`${base}/health`);
    expect(res).toHaveStatus(200);
    expect(res).toHaveContentType('json');
    expect(await res.json()).toEqual({ ok: true }); // the matchers leave the body unread
  });

  test('POST /login redirects with 303 to /dashboard', async () => {
    // redirect: 'manual' returns the 3xx itself instead of following it.
    const res = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual' });
    expect(res).toBeRedirectWithLocation('/dashboard', { status: 303 });
  });

  test('an unknown route is 404', async () => {
    const res = await fetch(`${base}/nope`);
    expect(res).toBeClientError();
    expect(res).toHaveStatus(404);
  });
});

describe('with undici.request', () => {
  test('GET /health is 200', async () => {
    const res = await request(`${base}/health`);
    expect(res).toHaveStatus(200);
    await expect(res).toHaveJsonBody({ ok: true }); // reads (and so consumes) the body
  });

  test('GET /old-docs is a permanent redirect to /docs', async () => {
    // undici.request never follows redirects unless told to.
    const res = await request(`${base}/old-docs`);
    expect(res).toBeRedirect();
    // undici.request keeps no URL, so the Location is compared as written: a relative one with a path.
    expect(res).toBeRedirectWithLocation('/docs', { status: 308 });
    await res.body.dump();
  });

  test('GET /reports is rate limited', async () => {
    const res = await request(`${base}/reports`);
    expect(res).toHaveStatus(429);
    expect(res).not.toBeServerError();
    expect(res).toHaveHeader('retry-after');
    await res.body.dump();
  });
});

// Fails on purpose, to show what expect-http prints: run with SHOW_FAILURE=1.
test.runIf(process.env.SHOW_FAILURE)('shows a failure: login redirects somewhere else than expected', async () => {
  const res = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual' });
  expect(res).toBeRedirectWithLocation('/home');
});
