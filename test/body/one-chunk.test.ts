import { get as httpGet, type IncomingMessage } from 'node:http';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from '../../src/index.js';
import { toHaveJsonBody } from '../../src/matchers/to-have-json-body.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveJsonBody });

// A small body usually arrives in one chunk, and the reader keeps that chunk without copying it, unless the chunk
// is a view into a larger buffer (Node's HTTP parser hands out slices of the socket's read, headers included):
// then it keeps a copy of the body alone, so a cached body does not keep the whole read alive.
const BODY = { id: 7, name: 'Ada', tags: ['admin'] };
const TEXT = JSON.stringify(BODY);

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-padding': 'p'.repeat(2000) }).end(TEXT);
  });
});
afterAll(() => server.close());

function ownsItsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
}

describe('a body that arrives in one chunk', () => {
  it('from http.get: read as its own bytes, not the socket read around it', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      httpGet(server.url, resolve).on('error', reject),
    );
    await expect(res).toHaveJsonBody(BODY);
    const body = await readBody(res);
    expect(new TextDecoder().decode(body.bytes)).toBe(TEXT);
    expect(ownsItsBuffer(body.bytes)).toBe(true);
  });

  it('from undici.request: read as its own bytes, and the same read afterwards', async () => {
    const res = await request(server.url);
    await expect(res).toHaveJsonBody(BODY);
    const body = await readBody(res);
    expect(body.text).toBe(TEXT);
    expect(ownsItsBuffer(body.bytes)).toBe(true);
  });

  it('from a fetch Response: passes, fails under .not, and leaves the Response readable', async () => {
    const res = new Response(TEXT, { headers: { 'content-type': 'application/json' } });
    await expect(res).toHaveJsonBody(BODY);
    const failure = await asyncFailureOf(() => expect(res).not.toHaveJsonBody(BODY));
    expect(failure).toContain('expect(response).not.toHaveJsonBody(expected)');
    expect(failure).toContain('"name": "Ada"');
    expect((await readBody(res)).text).toBe(TEXT);
    expect(await res.json()).toEqual(BODY);
  });
});
