// jest 30, global `expect` extended by `expect-http/jest` (setupFilesAfterEnv in jest.config.cjs), against the
// built package: this is what a jest user runs.
const { createServer } = require('node:http');
const { stripVTControlCharacters } = require('node:util');
const { HttpMatcherUsageError } = require('expect-http');

let server;
let base;
beforeAll(async () => {
  server = createServer((req, res) => {
    const code = Number(req.url.slice(1)) || 404;
    const headers = { 'content-type': 'application/json' };
    if (code === 429) headers['retry-after'] = '30';
    if (code === 302) headers.location = '/login';
    res.writeHead(code, headers).end(JSON.stringify({ code }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const failureOf = (fn) => {
  try {
    fn();
  } catch (error) {
    return stripVTControlCharacters(error.message);
  }
  throw new Error('expected the assertion to fail');
};

test('status matchers pass and fail under jest, with the explained message', async () => {
  const ok = await fetch(`${base}/200`);
  expect(ok).toHaveStatus(200);
  expect(ok).toBeSuccessful();
  expect(ok).not.toBeClientError();

  const limited = await fetch(`${base}/429`);
  const message = failureOf(() => expect(limited).toBeSuccessful());
  expect(message).toContain('expect(response).toBeSuccessful()');
  expect(message).toContain('Received status: 429 Too Many Requests (4xx Client Error)');
  expect(message).toContain('retry-after: 30');
  expect(message).toContain('Hint:');
});

test('toHaveStatus takes jest asymmetric matchers, and works as one', async () => {
  const res = await fetch(`${base}/201`);
  expect(res).toHaveStatus(expect.any(Number));
  expect({ res }).toEqual({ res: expect.toHaveStatus(201) });
  expect({ res }).not.toEqual({ res: expect.toHaveStatus(500) });
});

test('redirect matcher resolves a relative Location', async () => {
  const res = await fetch(`${base}/302`, { redirect: 'manual' });
  expect(res).toBeRedirectWithLocation('/login');
  expect(res).toBeRedirectWithLocation(`${base}/login`, { status: 302 });
  expect(failureOf(() => expect(res).toBeRedirectWithLocation('/home'))).toContain('Received location: /login');
});

test('usage errors are thrown, also under .not', () => {
  expect(() => expect({ nope: true }).not.toBeServerError()).toThrow(HttpMatcherUsageError);
  expect(() => expect(200).toHaveStatusClass('6xx')).toThrow(/toHaveStatusClass: class must be/);
});
