// For the forgotten-await fixtures: a real server whose JSON body ends 200 ms after its headers, so a test
// function that forgot its `await` has long returned when the body matcher decides.
const { createServer } = require('node:http');

/** Starts it on 127.0.0.1 and a random port: `{ url, close() }`. */
async function startSlowJsonServer() {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
    setTimeout(() => res.end('{"id":1}'), 200);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startSlowJsonServer };
