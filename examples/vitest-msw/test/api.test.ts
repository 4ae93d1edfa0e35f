import { describe, expect, test } from 'vitest';

const api = 'https://api.example.test';

describe('GET /me', () => {
  test('answers 200 with the profile for a valid token', async () => {
    const res = await fetch(`${api}/me`, { headers: { Authorization: 'Bearer good-token' } });
    expect(res).toHaveStatus(200);
    await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
  });

  test('answers 401 with a Bearer challenge without one', async () => {
    const res = await fetch(`${api}/me`);
    expect(res).toHaveStatus(401);
    expect(res).toBeClientError();
    expect(res).toHaveHeader('WWW-Authenticate', /^Bearer /);
  });
});

describe('POST /users', () => {
  test('creates a user and says where', async () => {
    const res = await fetch(`${api}/users`, { method: 'POST', body: JSON.stringify({ email: 'ada@example.test' }) });
    expect(res).toHaveStatus(201);
    expect(res).toHaveHeader('Location', '/users/2');
  });

  test('rejects an invalid email with 422 problem details', async () => {
    const res = await fetch(`${api}/users`, { method: 'POST', body: JSON.stringify({ email: 'ada' }) });
    expect(res).toHaveStatus(422);
    // application/problem+json with the RFC 9457 members; only the members listed here are compared.
    await expect(res).toBeProblemDetails({ status: 422, detail: expect.stringContaining('email') });
  });
});

// Fails on purpose, to show what expect-http prints: run with SHOW_FAILURE=1.
test.runIf(process.env.SHOW_FAILURE)('shows a failure: a 401 where 200 was expected', async () => {
  const res = await fetch(`${api}/me`, { headers: { Authorization: 'Bearer expired-token' } });
  expect(res).toHaveStatus(200);
});
