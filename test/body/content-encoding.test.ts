import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import axios from 'axios';
import { got } from 'got';
import supertest from 'supertest';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/config.js';
import { configure, readBody } from '../../src/index.js';
import { toHaveJsonBody } from '../../src/matchers/to-have-json-body.js';
import { toHaveTextBody } from '../../src/matchers/to-have-text-body.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveJsonBody, toHaveTextBody });

const BODY = JSON.stringify({ id: 7, name: 'Ada' });
const ENCODERS: Record<string, (b: Buffer) => Buffer> = {
  gzip: gzipSync,
  deflate: deflateSync,
  br: brotliCompressSync,
};

// 100 MB of zeros, gzipped as it is written: about 100 KB on the wire.
let bomb: Buffer;
async function gzippedZeros(total: number): Promise<Buffer> {
  const gzip = createGzip();
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < total; written += zeros.length) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(out);
}

function routes(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const [, coding = ''] = /^\/([\w-]+)$/.exec(url.pathname) ?? [];
  if (coding === 'bomb') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb);
  } else if (coding === 'repeat') {
    // 1,002 bytes that gzip to about 30.
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(gzipSync(JSON.stringify('a'.repeat(1000))));
  } else if (coding === 'raw-deflate') {
    // Raw deflate where RFC 9110 asks for zlib's format: some servers send it.
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' });
    res.end(deflateRawSync(BODY));
  } else if (coding === 'gzip-then-br') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip, br' });
    res.end(brotliCompressSync(gzipSync(BODY)));
  } else if (coding === 'compress') {
    // LZW, which nothing decodes any more: these bytes stand for it.
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'compress' });
    res.end(Buffer.from([0x1f, 0x9d, 0x90, 0x1b, 0x00, 0x07]));
  } else if (coding === 'corrupt') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d]));
  } else {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
    res.end(ENCODERS[coding]!(Buffer.from(BODY)));
  }
}

let server: TestServer;
beforeAll(async () => {
  bomb = await gzippedZeros(100 * 1024 * 1024);
  server = await startServer(routes);
});
afterAll(() => server.close());
afterEach(() => resetConfig());

const incoming = (path: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => httpGet(`${server.url}${path}`, resolve).on('error', reject));

// The clients that hand over the bytes as sent: expect-http decodes them.
const raw: Array<[string, (path: string) => Promise<unknown>]> = [
  ['http.get', incoming],
  ['undici.request', (path) => request(`${server.url}${path}`)],
];
// The clients that decode by themselves: expect-http must not decode again.
const decoding: Array<[string, (path: string) => Promise<unknown>]> = [
  ['fetch', (path) => fetch(`${server.url}${path}`)],
  ['axios', (path) => axios.get(`${server.url}${path}`)],
  ['got', (path) => got(`${server.url}${path}`)],
  ['supertest', (path) => supertest(server.url).get(path)],
];

describe.each([...raw, ...decoding])('a Content-Encoding body with %s', (_, get) => {
  it.each(['gzip', 'deflate', 'br'])('is judged decoded (%s), under .not too', async (coding) => {
    await expect(await get(`/${coding}`)).toHaveJsonBody({ id: 7, name: 'Ada' });
    const message = await asyncFailureOf(async () =>
      expect(await get(`/${coding}`)).not.toHaveJsonBody({ id: 7, name: 'Ada' }),
    );
    expect(message).toContain('"name": "Ada"');
  });
});

// got and supertest fail on it themselves (zlib's "incorrect header check").
describe.each([...raw, ...decoding.slice(0, 2)])('deflate sent raw (no zlib header) with %s', (_, get) => {
  it('is judged decoded', async () => {
    await expect(await get('/raw-deflate')).toHaveTextBody(BODY);
  });
});

describe.each(raw)('bytes as sent, from %s', (_, get) => {
  it('say in the excerpt that they were decoded, and show them decoded', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/gzip')).toHaveJsonBody({ id: 8 }));
    expect(message).toContain('Body (21 B, JSON; decoded from Content-Encoding: gzip):');
    expect(message).toContain('"name": "Ada"');
    expect(message).not.toContain('binary');
    expect(message).not.toContain('\\x1f');
  });

  it('are decoded in the reverse of the order the codings were applied', async () => {
    const res = await get('/gzip-then-br');
    await expect(res).toHaveTextBody(BODY);
    expect((await readBody(res)).json()).toEqual({ id: 7, name: 'Ada' });
  });

  it('name a coding that cannot be decoded, and print none of its bytes, under .not too', async () => {
    for (const not of [false, true]) {
      const res = await get('/compress');
      const assertion = not ? expect(res).not : expect(res);
      const error = await assertion.toHaveJsonBody({ id: 7 }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toBe(
        'toHaveJsonBody: the body is encoded with "compress" (Content-Encoding: compress), which expect-http cannot decode here, so its 6 B were not checked. (Response: 200 OK (2xx Successful), Content-Type: application/json.)\n' +
          'Ask the server for a body it can read: send Accept-Encoding: gzip, deflate, br (or identity).',
      );
    }
  });

  it('say a corrupt body could not be decoded, with the error escaped', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/corrupt')).toHaveTextBody('x'));
    expect(message).toMatch(
      /^toHaveTextBody: the body could not be decoded \(Content-Encoding: gzip\): .+; 9 B had arrived/,
    );
    expect(message).not.toContain('\x1b');
  });

  it('stop a decompression bomb (100 MB of zeros, gzipped) at bodyLimit, with memory far below 100 MB', async () => {
    const before = process.memoryUsage().rss;
    const message = await asyncFailureOf(async () => expect(await get('/bomb')).toHaveJsonBody({}));
    expect(message).toContain(
      'toHaveJsonBody: the body is larger than bodyLimit (10.0 MB): reading stopped after 10.0 MB once decoded (Content-Encoding: gzip), so it was not checked.',
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
  });

  it('stop at a smaller bodyLimit once decoded, though the encoded body is under it', async () => {
    configure({ bodyLimit: 100 });
    const message = await asyncFailureOf(async () => expect(await get('/repeat')).toHaveJsonBody({}));
    expect(message).toMatch(
      /bodyLimit \(100 B\): reading stopped after [\d.]+ (B|KB) once decoded \(Content-Encoding: gzip\)/,
    );
  });
});
