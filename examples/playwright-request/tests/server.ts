import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The API under test: a cart, where checkout needs a session cookie. */
export async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const route = `${req.method} ${req.url}`;
    if (route === 'GET /cart') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
    } else if (route === 'POST /checkout' && !req.headers.cookie?.includes('session=')) {
      res.writeHead(303, { location: '/login?next=/checkout' }).end();
    } else if (route === 'POST /checkout') {
      res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"the cart is empty"}');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
