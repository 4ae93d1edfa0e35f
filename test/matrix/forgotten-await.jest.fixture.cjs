// Run by forgotten-await.check.mjs in a jest cell (setupFilesAfterEnv: expect-http/jest): a suite that
// forgets an `await`, on purpose.
const { createServer } = require('node:http');

let server;
let base = '';
beforeAll(async () => {
  // The body ends 200 ms after the headers: the test function has long returned when the matcher decides.
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
    setTimeout(() => res.end('{"id":1}'), 200);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('forgets the await on a failing body matcher', async () => {
  const res = await fetch(base);
  expect(res).toHaveJsonBody({ id: 2 }); // line 20
});

test('forgets the await on a passing body matcher', async () => {
  const res = await fetch(base);
  expect(res).toHaveJsonBody({ id: 1 });
});

test('a later test', async () => {
  await new Promise((resolve) => setTimeout(resolve, 400));
});
