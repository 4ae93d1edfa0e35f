// A vitest suite of N tests, each one mocked fetch, for bench/openapi-mocks.mjs: with CHECK_MOCKS=1 under
// checkMocksAgainst (from the built expect-http/openapi/vitest, as a user has it). Writes to $SUITE_OUT the time
// from the first test's start to the end of the last afterEach, in ms.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, test } from 'vitest';
import { packageEntry } from './lib.mjs';

const N = Number(process.env.SUITE_TESTS ?? 500);
const API = 'http://petstore.test/v1';
const server = setupServer(
  http.get(`${API}/pets/:petId`, ({ params }) => HttpResponse.json({ id: Number(params.petId), name: 'Rex' })),
);
if (process.env.CHECK_MOCKS === '1') {
  const { checkMocksAgainst } = await import(packageEntry('openapi/vitest.js'));
  checkMocksAgainst(server, fileURLToPath(new URL('../test/openapi/specs/petstore-3.0.yaml', import.meta.url)));
}
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

let started;
for (let i = 0; i < N; i++)
  test(`pet ${i}`, async () => {
    started ??= performance.now();
    const res = await fetch(`${API}/pets/${i}`);
    await res.json();
  });

afterAll(() => {
  writeFileSync(process.env.SUITE_OUT, String(performance.now() - started));
  server.close();
});
