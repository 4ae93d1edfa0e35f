import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import axios from 'axios';
import got from 'got';
import { request as playwrightRequest } from 'playwright-core';
import supertest from 'supertest';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { resetConfig } from '../../src/config.js';
import { configure, HttpMatcherUsageError, readBody } from '../../src/index.js';
import { toHaveJsonBody } from '../../src/matchers/to-have-json-body.js';
import { toHaveTextBody } from '../../src/matchers/to-have-text-body.js';
import { toMatchJsonBody } from '../../src/matchers/to-match-json-body.js';
import { toMatchSchema } from '../../src/matchers/to-match-schema.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, statusRoutes, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveJsonBody, toMatchJsonBody, toHaveTextBody, toMatchSchema });

const USER = { id: 7, name: 'Ada', tags: ['admin'] };

// Routes the status helper does not have: a body that never ends, a large body, a user.
function routes(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/user') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(USER));
  } else if (url.pathname === '/never-ends') {
    // Headers and one event, then nothing: the connection stays open until the server closes it.
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: 1\n\n');
  } else if (url.pathname === '/large') {
    const body = JSON.stringify({ data: 'x'.repeat(4096) });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (url.searchParams.has('length')) headers['content-length'] = String(Buffer.byteLength(body));
    res.writeHead(200, headers);
    // Several writes without Content-Length: chunked, so only reading finds the size.
    for (let i = 0; i < body.length; i += 1000) res.write(body.slice(i, i + 1000));
    res.end();
  } else {
    statusRoutes(req, res);
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());
afterEach(() => resetConfig());

function incoming(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => httpGet(`${server.url}${path}`, resolve).on('error', reject));
}

const clients: Array<[string, (path: string) => Promise<unknown>]> = [
  ['fetch', (path) => fetch(`${server.url}${path}`)],
  ['undici.request', (path) => request(`${server.url}${path}`)],
  ['http.get', incoming],
  ['supertest', (path) => supertest(routes).get(path)],
  ['axios', (path) => axios.get(`${server.url}${path}`, { validateStatus: () => true })],
  ['got', (path) => got(`${server.url}${path}`, { throwHttpErrors: false, retry: { limit: 0 } })],
  [
    'playwright',
    async (path) => {
      const context = await playwrightRequest.newContext();
      disposers.push(() => context.dispose());
      return context.get(`${server.url}${path}`);
    },
  ],
];
const disposers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const dispose of disposers) await dispose();
});

describe('readBody', () => {
  it.each(clients)('reads a JSON body from %s, once, with text, bytes, json() and contentType', async (_name, send) => {
    const res = await send('/user');
    const body = await readBody(res);
    expect(body.json()).toEqual(USER);
    expect(JSON.parse(body.text)).toEqual(USER);
    expect(new TextDecoder().decode(body.bytes)).toBe(body.text);
    expect(body.contentType).toBe('application/json; charset=utf-8');
    // The same read every time: a single-use stream is not read twice.
    expect(await readBody(res)).toBe(body);
    await expect(res).toHaveJsonBody(USER);
  });

  it.each(clients)('works destructured, as the README writes it, on %s', async (_name, send) => {
    const res = await send('/user');
    await expect(res).toHaveJsonBody(USER);
    const { text, bytes, json } = await readBody(res); // the same cached body
    expect(json()).toEqual(USER);
    expect(text).toBe(JSON.stringify(USER));
    expect(bytes.byteLength).toBe(text.length);
  });

  it('reads a fetch body under fake timers, and leaves it readable (the turn after a clone is not a timer)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'setInterval', 'Date'] });
    try {
      const res = new Response(JSON.stringify(USER), { headers: { 'content-type': 'application/json' } });
      await expect(res).toHaveJsonBody(USER);
      await expect(res.json()).resolves.toEqual(USER);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a fetch Response readable: the matchers read a clone', async () => {
    const res = await fetch(`${server.url}/user`);
    await expect(res).toHaveJsonBody(USER);
    await expect(res).toMatchJsonBody({ name: 'Ada' });
    expect(res.bodyUsed).toBe(false);
    await expect(res.json()).resolves.toEqual(USER);
  });

  it('runs several body matchers on one undici.request response, and the test still gets the body', async () => {
    const res = await request(`${server.url}/user`);
    await expect(res).toHaveJsonBody(USER);
    await expect(res).toMatchJsonBody({ tags: ['admin'] });
    await expect(res).toMatchSchema(z.object({ id: z.number(), name: z.string() }));
    await expect(res).toHaveTextBody(/"name":"Ada"/);
    await expect(res).not.toHaveTextBody('something else');
    expect(res.body.bodyUsed).toBe(true);
    expect((await readBody(res)).json()).toEqual(USER);
  });

  it('gives the body of a Node IncomingMessage to the test after a matcher', async () => {
    const res = await incoming('/user');
    await expect(res).toMatchJsonBody({ id: 7 });
    expect((await readBody(res)).text).toBe(JSON.stringify(USER));
  });

  it('uses the value a client already parsed: json() returns it, text is its JSON', async () => {
    const res = await axios.get(`${server.url}/user`);
    const body = await readBody(res);
    expect(body.json()).toBe(res.data);
    expect(body.text).toBe(JSON.stringify(USER));
  });

  it('reads an empty body (204) as empty, not as an error', async () => {
    for (const res of [
      await fetch(`${server.url}/status/204`),
      await request(`${server.url}/status/204`),
      await incoming('/status/204'),
    ]) {
      const body = await readBody(res);
      expect(body.text).toBe('');
      expect(body.bytes.length).toBe(0);
      expect(() => body.json()).toThrow(SyntaxError);
    }
  });

  it('throws a usage error for a status code number, which has no body', async () => {
    await expect(readBody(200)).rejects.toThrow(
      'readBody: received the status code 200, which has no body: pass the response itself.',
    );
    await expect(readBody({ foo: 1 })).rejects.toThrow(HttpMatcherUsageError);
  });
});

describe('a body already consumed by the test', () => {
  it('fetch: says the body was read before the matcher and what to do instead', async () => {
    const res = await fetch(`${server.url}/user`);
    await res.json();
    const error = await expect(res)
      .toHaveJsonBody(USER)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpMatcherUsageError);
    expect((error as Error).message).toBe(
      'toHaveJsonBody: this fetch Response was already read (bodyUsed is true), e.g. by `await res.json()` before the matcher, so there is no body left to check.\n' +
        "Run the body matchers before reading the body yourself, and get the body afterwards from readBody(res) ('expect-http'): it returns the read the matchers share.",
    );
    // A usage error, never a pass: .not throws it too.
    await expect(expect(res).not.toHaveJsonBody({})).rejects.toThrow(HttpMatcherUsageError);
  });

  it('undici.request: says the stream was already read', async () => {
    const res = await request(`${server.url}/user`);
    await res.body.text();
    await expect(expect(res).toMatchJsonBody({ id: 7 })).rejects.toThrow(
      "toMatchJsonBody: the body stream of this undici.request() result was already read (by .json()/.text(), a 'data' listener or a for await loop), so there is no body left to check.",
    );
  });

  it('a body read through readBody first stays available to the matchers and to fetch', async () => {
    const res = await fetch(`${server.url}/user`);
    expect((await readBody(res)).json()).toEqual(USER);
    await expect(res).toHaveJsonBody(USER);
    await expect(res.text()).resolves.toBe(JSON.stringify(USER));
  });
});

describe('bounded reading', () => {
  it.each([
    ['fetch', (path: string) => fetch(`${server.url}${path}`)],
    ['undici.request', (path: string) => request(`${server.url}${path}`)],
    ['http.get', incoming],
  ] as const)('stops a %s body that never ends at bodyTimeout, and cancels the stream', async (_name, send) => {
    configure({ bodyTimeout: 200 });
    const res = await send('/never-ends');
    const error = await expect(res)
      .toHaveTextBody('data: 1\n\n')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpMatcherUsageError);
    expect((error as Error).message).toBe(
      'toHaveTextBody: the body did not end within bodyTimeout (200 ms); 9 B had arrived, so it was not checked. (Response: 200 OK (2xx Successful), Content-Type: text/event-stream.)\n' +
        "An event stream does not end by itself: assert on its status and headers instead. If the body is only slow, raise the limit: configure({ bodyTimeout: 800 }) from 'expect-http' (in ms).",
    );
    // Under .not the unread body must not count as "not equal": the same error, at once, from the cache.
    await expect(expect(res).not.toHaveTextBody('x')).rejects.toThrow(/did not end within bodyTimeout/);
    if (_name === 'undici.request') expect((res as { body: { destroyed: boolean } }).body.destroyed).toBe(true);
    if (_name === 'http.get') expect((res as IncomingMessage).destroyed).toBe(true);
  });

  it.each([
    ['fetch', (path: string) => fetch(`${server.url}${path}`)],
    ['undici.request', (path: string) => request(`${server.url}${path}`)],
    ['http.get', incoming],
  ] as const)(
    'stops reading a chunked %s body past bodyLimit and fails with a usage error, also under .not',
    async (_name, send) => {
      configure({ bodyLimit: 1024 });
      const res = await send('/large');
      const message = await asyncFailureOf(() => expect(res).not.toHaveJsonBody({ data: 'y' }));
      expect(message).toMatch(
        /^toHaveJsonBody: the body is larger than bodyLimit \(1\.0 KB\): reading stopped after \d\.\d KB, so it was not checked\. \(Response: 200 OK \(2xx Successful\), Content-Type: application\/json\.\)\n/,
      );
      expect(message).toContain(
        "To check bodies this large, raise the limit: configure({ bodyLimit: 2048 }) from 'expect-http' (in bytes).",
      );
      if (_name === 'undici.request') expect((res as { body: { destroyed: boolean } }).body.destroyed).toBe(true);
      if (_name === 'http.get') expect((res as IncomingMessage).destroyed).toBe(true);
    },
  );

  it('refuses a body whose Content-Length is over bodyLimit without reading it; the fetch Response stays readable', async () => {
    configure({ bodyLimit: 1024 });
    const res = await fetch(`${server.url}/large?length`);
    const message = await asyncFailureOf(() => expect(res).toMatchJsonBody({ data: expect.any(String) }));
    expect(message).toContain(
      'toMatchJsonBody: the body is larger than bodyLimit (1.0 KB): its Content-Length is 4.0 KB, so it was not checked.',
    );
    expect(message).toContain('configure({ bodyLimit: 4107 })');
    expect((await res.text()).length).toBe(4107);
  });

  it('leaves the fetch Response readable after the clone was cancelled at bodyLimit', async () => {
    configure({ bodyLimit: 1024 });
    const res = await fetch(`${server.url}/large`);
    await expect(expect(res).toHaveJsonBody()).rejects.toThrow(/larger than bodyLimit/);
    expect((await res.json()) as unknown).toEqual({ data: 'x'.repeat(4096) });
  });
});
