import { describe, expect, test } from 'vitest';

test('runs in a real browser', () => {
  // Not Node: the matchers below run on the browser's own fetch Response.
  expect(navigator.userAgent).toContain('Chrome');
  expect(typeof window).toBe('object');
});

describe('GET /api/me', () => {
  test('is 200 with a token', async () => {
    const res = await fetch('/api/me', { headers: { Authorization: 'Bearer t0ken' } });
    expect(res).toHaveStatus(200);
    await expect(res).toHaveJsonBody({ id: 1, name: 'Ada' });
  });

  test('is 401 without one', async () => {
    const res = await fetch('/api/me');
    expect(res).toHaveStatus(401);
    expect(res).toHaveHeader('WWW-Authenticate', 'Bearer realm="api"');
  });
});

test('a moved endpoint redirects (redirect: manual gives an opaque redirect in browsers)', async () => {
  // Browsers hide a manual redirect's status and Location (status 0, type "opaqueredirect").
  const res = await fetch('/api/old-profile', { redirect: 'manual' });
  expect(res).toBeRedirect();
});

test('a failing upstream is a 5xx', async () => {
  const res = await fetch('/api/orders', { method: 'POST' });
  expect(res).toBeServerError();
  expect(res).toHaveStatus(502);
});

// Fails on purpose, to show what expect-http prints: run with SHOW_FAILURE=1 (see `env` in vitest.config.ts).
test.runIf(import.meta.env.SHOW_FAILURE)('shows a failure: a 502 where 201 was expected', async () => {
  const res = await fetch('/api/orders', { method: 'POST' });
  expect(res).toHaveStatus(201);
});
