import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A real HTTP server on 127.0.0.1 and a random port. The default routes:
 *   /status/<code>?h.<name>=<value>&body=<text>&type=<content-type>
 * answer <code> with those headers (repeat h.<name> for repeated headers) and body
 * (default: a JSON body `{"status":<code>}`); anything else is 404.
 */
export async function startServer(handler: Handler = statusRoutes): Promise<TestServer> {
  const server = createServer(handler);
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export function statusRoutes(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = /^\/status\/(\d{3})$/.exec(url.pathname);
  if (!match) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
    return;
  }
  const code = Number(match[1]);
  const headers: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) {
    if (key.startsWith('h.')) (headers[key.slice(2)] ??= []).push(value);
  }
  const body = url.searchParams.get('body') ?? (code === 204 || code === 304 ? '' : JSON.stringify({ status: code }));
  const type = url.searchParams.get('type') ?? (url.searchParams.has('body') ? 'text/plain' : 'application/json');
  if (body !== '') headers['content-type'] ??= [type];
  res.writeHead(
    code,
    Object.entries(headers).flatMap(([k, vs]) => vs.flatMap((v) => [k, v])),
  );
  res.end(code === 204 || code === 304 ? undefined : body);
}
