// jest 30 prints its own diff of what a body matcher hands it: what our redaction and escaping did not
// touch would reach the log through it. Against the built package, as a jest user runs it.
const { createServer } = require('node:http');

let server;
let base;
beforeAll(async () => {
  server = createServer((req, res) => {
    let deep = { token: 'JestDeepSecret-4242', n: 1 };
    for (let i = 0; i < 40; i++) deep = { level: deep };
    const bodies = {
      '/deep': JSON.stringify(deep),
      '/proto': '{"__proto__": {"x": "\\u001b[8mconcealed"}, "a": 2}',
      '/unmentioned': JSON.stringify({ ok: false, credentials: { user: 'admin', pass: 'JestCredPass-5151' } }),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(bodies[req.url] ?? '{}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const messageOf = (promise) =>
  promise.then(
    () => {
      throw new Error('expected the assertion to fail');
    },
    (error) => error.message,
  );

test('a secret-named field deeper than 32 levels stays out of jest’s diff', async () => {
  const res = await fetch(`${base}/deep`);
  const message = await messageOf(expect(res).toHaveJsonBody({ level: 1 }));
  expect(message).toContain('Expected body');
  expect(message).not.toContain('JestDeepSecret-4242');
});

test('a member the expectation does not mention is redacted by its own name', async () => {
  const res = await fetch(`${base}/unmentioned`);
  const message = await messageOf(expect(res).toHaveJsonBody({ ok: true }));
  expect(message).not.toContain('JestCredPass-5151');
});

test('a "__proto__" member cannot carry a raw escape sequence through jest’s diff', async () => {
  const res = await fetch(`${base}/proto`);
  const message = await messageOf(expect(res).toHaveJsonBody({ a: 1 }));
  expect(message).toContain('concealed');
  expect(message).not.toContain('\u001b[8m');
});
