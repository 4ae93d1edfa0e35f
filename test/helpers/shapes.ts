import { get, type IncomingMessage } from 'node:http';

/**
 * A browser's opaque redirect: fetch with redirect: 'manual' gives type 'opaqueredirect', status 0 and no headers.
 * Node's fetch never makes one (it shows the 3xx), and Response itself refuses status 0: hence this shape.
 */
export class OpaqueRedirect extends Response {
  constructor() {
    super(null, { status: 302 });
  }
  override get type(): ResponseType {
    return 'opaqueredirect';
  }
  override get status(): number {
    return 0;
  }
}

/** node:http with room for a response with thousands of headers (the defaults are 16 KB and 2,000 headers). */
export function getWithManyHeaders(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(url, { maxHeaderSize: 10_000_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.maxHeadersCount = 0;
    req.on('error', reject);
  });
}
