// Run by forgotten-await.check.mjs in a jest cell (setupFilesAfterEnv: expect-http/jest): a suite that
// forgets an `await`, on purpose.
const { startSlowJsonServer } = require('./slow-json-server.cjs');
const { defineStatusFailureTests } = require('./forgotten-await.status-cases.cjs');
const { configure } = require('expect-http');

configure({ readBodyOnFailure: true });

let server;
beforeAll(async () => (server = await startSlowJsonServer()));
afterAll(() => server.close());

test('forgets the await on a failing body matcher', async () => {
  const res = await fetch(server.url);
  expect(res).toHaveJsonBody({ id: 2 }); // line 15
});

test('forgets the await on a passing body matcher', async () => {
  const res = await fetch(server.url);
  expect(res).toHaveJsonBody({ id: 1 });
});

test('a later test', async () => {
  await new Promise((resolve) => setTimeout(resolve, 400));
});

defineStatusFailureTests({ test, expect, url: () => server.url });
