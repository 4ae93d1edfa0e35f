import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { failureOf } from '../helpers/message.js';
import { startServer, statusRoutes, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveStatus });

// The methods that reached /target, so a test can see what a client sent after a redirect.
const targetMethods: string[] = [];
function routes(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/see-other') {
    res.writeHead(303, { location: '/target' }).end();
  } else if (req.url === '/target') {
    targetMethods.push(req.method ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end(req.method === 'HEAD' ? undefined : 'here');
  } else statusRoutes(req, res);
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());

async function messageFor(code: number): Promise<string> {
  const res = await fetch(`${server.url}/status/${code}`, { redirect: 'manual' });
  const message = failureOf(() => expect(res).toHaveStatus(200));
  await res.body?.cancel();
  return message;
}

// What an audit against RFC 9110, IANA and vendor docs found wrong or missing in the hints, as the
// failure message of a real response shows it.
describe('hints a failing status assertion gives', () => {
  it.each([
    [301, ['Cacheable by default, so a browser may follow it again without asking the server'], []],
    [303, ['a HEAD stays a HEAD'], ['always a GET']],
    [400, ['The generic answer when no more specific 4xx fits'], []],
    [401, ['Authorization header', 'token expiry', 'session cookie', 'API-key header'], ['header is missing, expired']],
    [
      403,
      ['AWS API Gateway answers an unknown path or method with 403 Missing Authentication Token'],
      ['knows who you are'],
    ],
    [404, ['Express answers a wrong method on an existing route with 404 Cannot POST /x, not 405'], []],
    [412, ['weak ETag in If-Match', 'If-None-Match: * on a create-only PUT', 'If-Unmodified-Since', 'compression'], []],
    [422, ['FastAPI, Laravel and Rails answer validation errors with 422 where Express-style APIs use 400'], []],
    [460, ["Seen only in the load balancer's logs, never by the client"], []],
    [505, ['HTTP/2.0 written as HTTP/1.x text'], ['unencoded space']],
    [530, ['1xxx number in the response body', '1016', '1033'], ['Origin DNS Error (']],
    [599, ['your client made it up for a timeout or a failed connection', 'such as Tornado'], []],
  ] as const)('%i', async (code, present, absent) => {
    const message = await messageFor(code);
    for (const text of present) expect(message).toContain(text);
    for (const text of absent) expect(message).not.toContain(text);
  });

  it('gives 530 a neutral reason, since Cloudflare defines none', async () => {
    expect(await messageFor(530)).toContain(
      'Received status: 530 1xxx Error (5xx Server Error; unofficial, Cloudflare)',
    );
  });

  it('names an (Unused) code without the placeholder in its label', async () => {
    const message = await messageFor(418);
    expect(message).toContain('Received status: 418 (4xx Client Error; unused)');
    expect(message).toContain("Defined as I'm a teapot");
  });
});

// The facts behind two of the corrections, checked against the real thing.
describe('evidence', () => {
  it('a HEAD that meets a 303 stays a HEAD, while a POST becomes a GET', async () => {
    targetMethods.length = 0;
    const head = await fetch(`${server.url}/see-other`, { method: 'HEAD' });
    const post = await fetch(`${server.url}/see-other`, { method: 'POST', body: 'x' });
    await post.text();
    expect([head.status, post.status]).toEqual([200, 200]);
    expect(targetMethods).toEqual(['HEAD', 'GET']);
  });

  it('Node answers an unencoded space in the path with 400, not 505', async () => {
    const { port } = new URL(server.url);
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.end('GET /a b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
  });
});
