import axios from 'axios';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let api: ReturnType<typeof axios.create>;
beforeAll(async () => {
  server = await startServer();
  api = axios.create({ baseURL: server.url });
});
afterAll(() => server.close());

test('a found order is 200', async () => {
  const res = await api.get('/orders/1');
  expect(res).toHaveStatus(200);
  expect(res).toHaveContentType('json');
  await expect(res).toMatchJsonBody({ total: 42 });
});

test('axios rejects on 404: assert on the AxiosError itself', async () => {
  // axios throws for 4xx/5xx by default; the matchers read the response the error carries.
  const err = await api.get('/orders/2').catch((error: unknown) => error);
  expect(err).toBeClientError();
  expect(err).toHaveStatus(404);
});

test('or through .rejects', async () => {
  await expect(api.delete('/orders/1')).rejects.toHaveStatus(403);
});

test('or tell axios not to throw', async () => {
  const res = await api.get('/report', { validateStatus: () => true });
  expect(res).toBeServerError();
});

// Fails on purpose, to show what expect-http prints: run with SHOW_FAILURE=1.
test.runIf(process.env.SHOW_FAILURE)('shows a failure: a 403 where 204 was expected', async () => {
  const err = await api.delete('/orders/1').catch((error: unknown) => error);
  expect(err).toHaveStatus(204);
});
