// For the forgotten-await fixtures: a real server whose JSON body ends 200 ms after its headers, so a test
// function that forgot its `await` has long returned when the body matcher (or a failure's body read) decides.
const { createServer } = require('node:http');

/** Starts it on 127.0.0.1 and a random port: `{ url, close() }`. */
async function startSlowJsonServer() {
  const server = createServer((req, res) => {
    // /500: a server error whose JSON body (with a credential in it) also ends 200 ms after its headers.
    const failing = req.url === '/500';
    res.writeHead(failing ? 500 : 200, { 'content-type': 'application/json' }).flushHeaders();
    const body = failing ? '{"error":"database down","token":"tok_9f8e7d6c5b4a"}' : '{"id":1}';
    setTimeout(() => res.end(body), 200);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startSlowJsonServer };
