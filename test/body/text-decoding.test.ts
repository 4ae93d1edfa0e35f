import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import axios from 'axios';
import { got } from 'got';
import supertest from 'supertest';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from '../../src/index.js';
import { toHaveJsonBody } from '../../src/matchers/to-have-json-body.js';
import { toHaveTextBody } from '../../src/matchers/to-have-text-body.js';
import { toMatchJsonBody } from '../../src/matchers/to-match-json-body.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveJsonBody, toHaveTextBody, toMatchJsonBody });

const JSON_BODY = '{"name":"Zoë","city":"Kraków"}';
const BOM = '\ufeff';

/** UTF-16 big-endian: Node's Buffer has only the little-endian form, so its byte pairs are swapped. */
function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const send = (type: string, body: Buffer | string, extra: Record<string, string> = {}): void => {
    res.writeHead(200, { 'content-type': type, ...extra }).end(body);
  };
  if (path === '/latin1') return send('text/plain; charset=iso-8859-1', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  if (path === '/latin1-json')
    return send('application/json; charset=iso-8859-1', Buffer.from('{"word":"café"}', 'latin1'));
  if (path === '/unknown-charset') return send('text/plain; charset=x-made-up', 'café');
  if (path === '/utf16le') return send('application/json; charset=utf-16le', Buffer.from(JSON_BODY, 'utf16le'));
  if (path === '/utf16be') return send('application/json; charset=utf-16be', utf16be(JSON_BODY));
  if (path === '/bom-json') return send('application/json', `${BOM}{"a":1}`);
  if (path === '/bom-text') return send('text/plain; charset=utf-8', `${BOM}hello`);
  // A JSON string: what axios and got (responseType: 'json') parse into the string "123".
  if (path === '/json-string') return send('application/json', '"123"');
  if (path === '/json-string-chunked') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('"hel');
    return void res.end('lo"');
  }
  if (path === '/not-json') return send('application/json', 'hello');
  res.writeHead(404).end();
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());

type Get = (path: string) => Promise<unknown>;
const incoming: Get = (path) =>
  new Promise<IncomingMessage>((resolve, reject) => httpGet(`${server.url}${path}`, resolve).on('error', reject));

// The clients that hand over the bytes (or keep them: got's rawBody), so the declared charset can be honoured.
const bytesClients: Array<[string, Get]> = [
  ['fetch', (path) => fetch(`${server.url}${path}`)],
  ['undici.request', (path) => request(`${server.url}${path}`)],
  ['http.get', incoming],
  ['got', (path) => got(`${server.url}${path}`)],
];
const everyClient: Array<[string, Get]> = [
  ...bytesClients,
  // got throws ParseError where it cannot parse (a BOM); the error carries the response.
  [
    'got (responseType: json)',
    (path) => got(`${server.url}${path}`, { responseType: 'json' }).catch((e: unknown) => e),
  ],
  ['axios', (path) => axios.get(`${server.url}${path}`)],
  ['supertest', (path) => supertest(server.url).get(path)],
];

describe.each(bytesClients)('a declared charset, with %s', (_, get) => {
  it('decodes iso-8859-1: caf\\xE9 is café, in the verdict and in the excerpt', async () => {
    await expect(await get('/latin1')).toHaveTextBody('café');
    const message = await asyncFailureOf(async () => expect(await get('/latin1')).not.toHaveTextBody('café'));
    expect(message).toContain('Body (4 B):\n  café');
    const json = await asyncFailureOf(async () => expect(await get('/latin1-json')).toHaveJsonBody({ word: 'cafe' }));
    expect(json).not.toContain('binary');
    expect(json).toContain('"word": "café"');
  });

  it.each(['utf16le', 'utf16be'])('decodes a %s JSON body as such', async (charset) => {
    await expect(await get(`/${charset}`)).toHaveJsonBody({ name: 'Zoë', city: 'Kraków' });
    const message = await asyncFailureOf(async () => expect(await get(`/${charset}`)).toMatchJsonBody({ name: 'Zoe' }));
    expect(message).toContain('"city": "Kraków"');
    expect(message).not.toContain('binary');
  });

  it('falls back to UTF-8 for a charset it does not know, and says so', async () => {
    await expect(await get('/unknown-charset')).toHaveTextBody('café');
    const message = await asyncFailureOf(async () => expect(await get('/unknown-charset')).toHaveTextBody('tea'));
    expect(message).toContain('Body (5 B; unknown charset x-made-up, shown as UTF-8):\n  café');
  });
});

describe.each(everyClient)('a UTF-8 BOM never decides the verdict, with %s', (_, get) => {
  it('JSON after a BOM is JSON, under .not too', async () => {
    await expect(await get('/bom-json')).toHaveJsonBody({ a: 1 });
    const message = await asyncFailureOf(async () => expect(await get('/bom-json')).not.toHaveJsonBody({ a: 1 }));
    expect(message).not.toContain(BOM);
    expect(message).not.toContain('Unexpected token');
  });

  it('readBody gives the text without it', async () => {
    const body = await readBody(await get('/bom-json'));
    expect(body.text.startsWith(BOM)).toBe(false);
    expect(body.json()).toEqual({ a: 1 });
  });
});

describe.each(everyClient.filter(([name]) => name !== 'axios' && name !== 'got (responseType: json)'))(
  'a text body after a BOM, with %s',
  (_, get) => {
    it('is the text without it', async () => {
      await expect(await get('/bom-text')).toHaveTextBody('hello');
    });
  },
);

describe.each([
  ['axios', (path: string) => axios.get(`${server.url}${path}`)],
  ['axios (responseType: json)', (path: string) => axios.get(`${server.url}${path}`, { responseType: 'json' })],
  ['got (responseType: json)', (path: string) => got(`${server.url}${path}`, { responseType: 'json' })],
])('a JSON string body parsed by %s', (_, get) => {
  it('is the string "123", not the number 123, under .not too', async () => {
    await expect(await get('/json-string')).toHaveJsonBody('123');
    await expect(await get('/json-string')).not.toHaveJsonBody(123);
    const message = await asyncFailureOf(async () => expect(await get('/json-string')).toHaveJsonBody(123));
    expect(message).toContain('Expected body:   JSON equal to the expected value');
  });
});

describe('axios, where a JSON string and a body that is not JSON look the same after parsing', () => {
  const get = (path: string) => axios.get(`${server.url}${path}`);

  it('tells them apart by Content-Length: hello is not JSON, under .not too', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/not-json')).toHaveJsonBody('hello'));
    expect(message).toContain('The body is not valid JSON (Content-Type: application/json)');
    await expect(await get('/not-json')).not.toHaveJsonBody('hello');
  });

  it('takes a chunked body (no Content-Length) as the text axios kept', async () => {
    // "hello" with its quotes arrives as hello: without the raw bytes it reads as text that is not JSON.
    const message = await asyncFailureOf(async () => expect(await get('/json-string-chunked')).toHaveJsonBody('hello'));
    expect(message).toContain('The body is not valid JSON');
  });
});
