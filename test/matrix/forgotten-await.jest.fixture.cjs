// Run by forgotten-await.check.mjs in a jest cell (setupFilesAfterEnv: expect-http/jest): a suite that
// forgets an `await`, on purpose.
const { startSlowJsonServer } = require('./slow-json-server.cjs');
const { configure } = require('expect-http');

configure({ readBodyOnFailure: true });

let server;
beforeAll(async () => (server = await startSlowJsonServer()));
afterAll(() => server.close());

test('forgets the await on a failing body matcher', async () => {
  const res = await fetch(server.url);
  expect(res).toHaveJsonBody({ id: 2 }); // line 14
});

test('forgets the await on a passing body matcher', async () => {
  const res = await fetch(server.url);
  expect(res).toHaveJsonBody({ id: 1 });
});

test('a later test', async () => {
  await new Promise((resolve) => setTimeout(resolve, 400));
});

// The body in a status failure (readBodyOnFailure, set above): under vitest a failing status assertion reads an
// excerpt and then fails; under jest it fails at once, without it. Either way it never passes.
test('forgets the await on a failing status matcher', async () => {
  const res = await fetch(`${server.url}/500`);
  expect(res).toHaveStatus(200);
});

test('awaits a failing status matcher', async () => {
  const res = await fetch(`${server.url}/500`);
  await expect(res).toHaveStatus(200);
});

test('a passing status matcher stays synchronous and reads nothing', async () => {
  const res = await fetch(`${server.url}/500`);
  const returned = expect(res).toHaveStatus(500);
  if (typeof returned?.then === 'function') throw new Error('a passing status assertion returned a promise');
  if (res.bodyUsed) throw new Error('a passing status assertion read the body');
  await res.arrayBuffer();
});

test('the body is still readable after a failing status matcher', async () => {
  const res = await fetch(`${server.url}/500`);
  try {
    await expect(res).toHaveStatus(200);
  } catch {
    // The failure is the point; the body must still be there.
  }
  const body = await res.json();
  if (body.error !== 'database down') throw new Error(`the body read afterwards was ${JSON.stringify(body)}`);
});
