import got, { HTTPError } from 'got';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let client: typeof got;
beforeAll(async () => {
  server = await startServer();
  // retry: 0, or got retries the 503 (after its Retry-After) before the test sees it.
  client = got.extend({ prefixUrl: server.url, retry: { limit: 0 } });
});
afterAll(() => server.close());

test('a found order is 200', async () => {
  const res = await client.get('orders/1');
  expect(res).toHaveStatus(200);
  await expect(res).toHaveJsonBody({ id: 1, total: 42 });
});

test('with throwHttpErrors: false, got resolves a 404 instead of rejecting', async () => {
  const res = await client.get('orders/2', { throwHttpErrors: false });
  expect(res).toBeClientError();
  expect(res).toHaveStatus(404);
});

test("got's HTTPError carries the response", async () => {
  const err = await client.get('report').catch((error: unknown) => error);
  expect(err).toBeInstanceOf(HTTPError);
  expect((err as HTTPError).response).toBeServerError();
  expect((err as HTTPError).response).toHaveHeader('retry-after', '120');
});

