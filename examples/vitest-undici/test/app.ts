import { createServer, type Server } from 'node:http';

/** The app under test: a few routes of a small JSON API, as a plain node:http server. */
export function createApp(): Server {
  return createServer((req, res) => {
    const route = `${req.method} ${req.url}`;
    if (route === 'GET /health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    } else if (route === 'POST /login') {
      // Post/Redirect/Get: after a form POST, send the browser on with 303 See Other.
      res.writeHead(303, { location: '/dashboard' }).end();
    } else if (route === 'GET /old-docs') {
      res.writeHead(308, { location: '/docs' }).end();
    } else if (route === 'GET /reports') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' }).end('{"error":"slow down"}');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
}
