import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const routes: Record<string, [number, Record<string, string>, string]> = {
  'GET /orders/1': [200, { 'content-type': 'application/json' }, '{"id":1,"total":42}'],
  'GET /orders/2': [404, { 'content-type': 'application/json' }, '{"error":"no such order"}'],
  'DELETE /orders/1': [403, { 'content-type': 'application/json' }, '{"error":"orders cannot be deleted once paid"}'],
  'GET /report': [503, { 'content-type': 'application/json', 'retry-after': '120' }, '{"error":"report service is restarting"}'],
};

/** A real HTTP server on 127.0.0.1 and a free port; call close() when done. */
export async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const [status, headers, body] = routes[`${req.method} ${req.url}`] ?? [404, { 'content-type': 'text/plain' }, 'not found'];
    res.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
