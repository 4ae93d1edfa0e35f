// expect-http/jest registers the response snapshot serializer: a response in toMatchSnapshot or
// toMatchInlineSnapshot is written as HTTP text, its changing headers masked. Against the built package.
const { createServer } = require('node:http');
const { httpSnapshot, readBody } = require('expect-http');

let server;
let base;
let calls = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    calls += 1;
    res.writeHead(200, {
      'content-type': 'application/json',
      date: new Date(Date.UTC(2026, 0, 1, 0, 0, calls)).toUTCString(),
      'x-request-id': `req-${calls}`,
    });
    res.end(JSON.stringify({ id: calls, name: 'Ada', token: 'tok_3f9a8b7c6d' }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('a fetch Response, read first, snapshots as HTTP text with its id masked and its token redacted', async () => {
  for (let run = 0; run < 2; run += 1) {
    const res = await fetch(base);
    await readBody(res);
    expect(httpSnapshot(res, { json: { '$.id': expect.any(Number) } })).toMatchInlineSnapshot(`
HTTP 200 OK
content-type: application/json
date: [masked]
x-request-id: [masked]

{
  "id": Any<Number>,
  "name": "Ada",
  "token": "[redacted]"
}
`);
  }
});

test('an unread stream is a usage error that says how to read it first', async () => {
  const res = await fetch(base);
  expect(() => expect(res).toMatchInlineSnapshot()).toThrow(
    /await readBody\(res\); expect\(res\)\.toMatchSnapshot\(\)/,
  );
  expect((await res.json()).name).toBe('Ada');
});
