// Under jest a failing status assertion stays synchronous: it shows the body when it is at hand (read by readBody
// or a body matcher), and never reads one itself, readBodyOnFailure or not (jest cannot hold a test open for an
// assertion nobody awaited). Against the built package.
const { createServer } = require('node:http');
const { configure, readBody } = require('expect-http');

let server;
let base;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"email is not valid"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => configure({ readBodyOnFailure: false }));

const failureOf = (fn) => {
  try {
    fn();
  } catch (error) {
    return error.message;
  }
  throw new Error('expected the assertion to fail');
};

test('a body already read is shown by a later synchronous failure', async () => {
  const res = await fetch(base);
  await readBody(res);
  expect(failureOf(() => expect(res).toHaveStatus(200))).toContain('"error": "email is not valid"');
});

test('with readBodyOnFailure, jest still fails at once, and leaves an unread body alone', async () => {
  configure({ readBodyOnFailure: true });
  const res = await fetch(base);
  const message = failureOf(() => expect(res).toHaveStatus(200));
  expect(message).toContain('Received status: 422');
  expect(message).not.toContain('email is not valid');
  expect(res.bodyUsed).toBe(false);
  expect(await res.json()).toEqual({ error: 'email is not valid' });
});
