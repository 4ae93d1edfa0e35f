// Run by forgotten-await.check.mjs in a vitest cell: a suite that forgets an `await`, on purpose.
import 'expect-http/vitest';
import { configure } from 'expect-http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const { startSlowJsonServer } = require('./slow-json-server.cjs');
const { defineStatusFailureTests } = require('./forgotten-await.status-cases.cjs');
configure({ readBodyOnFailure: true });

let server;
beforeAll(async () => (server = await startSlowJsonServer()));
afterAll(() => server.close());

test('forgets the await on a failing body matcher', async () => {
  const res = await fetch(server.url);
  expect(res).toHaveJsonBody({ id: 2 }); // line 18
});

test('forgets the await on a passing body matcher', async () => {
  const res = await fetch(server.url);
  expect(res).toHaveJsonBody({ id: 1 });
});

test('a later test', async () => {
  await new Promise((resolve) => setTimeout(resolve, 400));
});

defineStatusFailureTests({ test, expect, url: () => server.url });

test('soft: forgets the await on a failing status matcher', async () => {
  const res = await fetch(`${server.url}/500`);
  expect.soft(res).toHaveStatus(200);
});
