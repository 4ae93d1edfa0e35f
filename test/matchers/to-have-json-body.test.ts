import type { IncomingMessage, ServerResponse } from 'node:http';
import axios from 'axios';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import supertest from 'supertest';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError, readBody } from '../../src/index.js';
import { toHaveJsonBody } from '../../src/matchers/to-have-json-body.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, statusRoutes, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { asymmetric, jsonValue } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on } from '../hardening/harden.js';

expect.extend({ toHaveJsonBody });

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(2150, 0)]);
const BAD_GATEWAY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/logo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  else if (path === '/proxy-error') res.writeHead(502, { 'content-type': 'text/html' }).end(BAD_GATEWAY_PAGE);
  else if (path === '/user')
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"id":2,"name":"Ada","apiToken":"tok_live_12345","role":"admin"}');
  else if (path === '/crash')
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"database unavailable"}');
  else statusRoutes(req, res);
}

const API = 'https://api.example.test';
const mock = setupServer(http.get(`${API}/users/1`, () => HttpResponse.json({ id: 1, name: 'Grace' })));

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
  mock.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  mock.close();
  await server.close();
});

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`);

describe('toHaveJsonBody', () => {
  it('passes when the JSON equals the expected value, asymmetric matchers included', async () => {
    const res = await get('/user');
    await expect(res).toHaveJsonBody({ id: 2, name: 'Ada', apiToken: expect.stringMatching(/^tok_/), role: 'admin' });
    await expect(res).toHaveJsonBody(expect.objectContaining({ id: 2 }));
    await expect(res).not.toHaveJsonBody({ id: 3 });
  });

  it('without an argument, passes for any valid JSON', async () => {
    await expect(await get('/user')).toHaveJsonBody();
    await expect(await get('/proxy-error')).not.toHaveJsonBody();
  });

  it('works with msw, supertest, axios and undici.request responses', async () => {
    const mocked = await fetch(`${API}/users/1`);
    await expect(mocked).toHaveJsonBody({ id: 1, name: 'Grace' });
    await expect(mocked.json()).resolves.toEqual({ id: 1, name: 'Grace' });
    await expect(await supertest(routes).get('/status/201')).toHaveJsonBody({ status: 201 });
    await expect(await axios.get(`${server.url}/status/200`)).toHaveJsonBody({ status: 200 });
    const undiciRes = await request(`${server.url}/user`);
    await expect(undiciRes).toHaveJsonBody(expect.objectContaining({ name: 'Ada' }));
    expect((await readBody(undiciRes)).json()).toMatchObject({ id: 2 });
  });

  it('shows the runner diff, with the body secret redacted and matched asymmetric members shown as equal', async () => {
    const res = await get('/user');
    expect(
      await asyncFailureOf(() =>
        expect(res).toHaveJsonBody({ id: 1, name: expect.any(String), apiToken: 'tok_live_12345', role: 'owner' }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(response).toHaveJsonBody(expected)

      Expected body:   JSON equal to the expected value
      Received status: 200 OK (2xx Successful)

      - Expected
      + Received

        {
          "apiToken": "[redacted]",
      -   "id": 1,
      +   "id": 2,
          "name": "Ada",
      -   "role": "owner",
      +   "role": "admin",
        }

      URL: http://127.0.0.1:PORT/user

      Response headers (1 of 5 shown):
        content-type: application/json

      Body (64 B, JSON):
        {
          "id": 2,
          "name": "Ada",
          "apiToken": "[redacted]",
          "role": "admin"
        }"
    `);
    // The response stays usable.
    await expect(res.json()).resolves.toMatchObject({ id: 2 });
  });

  it('reads the response an AxiosError carries (axios rejects on a 5xx by default)', async () => {
    const error: unknown = await axios.get(`${server.url}/crash`).catch((e: unknown) => e);
    expect(axios.isAxiosError(error)).toBe(true);
    await expect(error).toHaveJsonBody({ error: 'database unavailable' });
    expect((await readBody(error)).json()).toEqual({ error: 'database unavailable' });
  });

  it('explains the status when the body is an error: a mismatch on a 500 says what the 500 means', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/crash')).toHaveJsonBody({ id: 1 }));
    expect(message).toContain('Received status: 500 Internal Server Error (5xx Server Error)\n\nMeaning: ');
    expect(message).toContain('-   "id": 1,\n+   "error": "database unavailable",');
  });

  it('says an HTML error page came back where JSON was expected, with its title and start, not a SyntaxError', async () => {
    expect(await asyncFailureOf(async () => expect(await get('/proxy-error')).toHaveJsonBody({ id: 1 })))
      .toMatchInlineSnapshot(`
        "expect(response).toHaveJsonBody(expected)

        Expected body:   JSON equal to the expected value
        Received status: 502 Bad Gateway (5xx Server Error)

        Meaning: A gateway or proxy got an invalid response from the upstream server it forwarded the request to. (RFC 9110 §15.6.3)
        Hint:    A gateway or proxy got a bad answer from the upstream: the app may have crashed, closed the connection, or not be listening on the port the proxy targets; check the app and proxy logs.

        The body is an HTML page, not JSON (Content-Type: text/html): often an error page from a proxy, gateway or the framework, not from your handler.
        Its title: "502 Bad Gateway".

        URL: http://127.0.0.1:PORT/proxy-error

        Response headers (1 of 5 shown):
          content-type: text/html

        Body (152 B, HTML as text):
          Title: 502 Bad Gateway
          502 Bad Gateway
          nginx"
      `);
  });

  it('says the body of a 204 is empty', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/status/204')).toHaveJsonBody());
    expect(message).toContain('Expected body:   valid JSON\nReceived status: 204 No Content (2xx Successful)');
    expect(message).toContain(
      'The body is empty (a 204 never has a body), so there is no JSON to parse (no Content-Type).',
    );
  });

  it('names the parser complaint and the start of a body that is almost JSON', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await get(`/status/200?type=application/json&body=${encodeURIComponent('{"id": 1,')}`)).toHaveJsonBody(),
    );
    expect(message).toMatch(
      /The body is not valid JSON \(Content-Type: application\/json\): .*JSON.*\.\nThe body starts with "\{\\"id\\": 1,"\./,
    );
  });

  it('summarises a binary body instead of printing it', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/logo.png')).toHaveJsonBody({}));
    expect(message).toContain('The body is binary data, not JSON (Content-Type: image/png).');
    expect(message).toContain('Body: <binary, 2.1 KB, image/png>');
    expect(message).not.toContain('PNG');
  });

  it('under .not, fails when the body equals the value, naming what it did not want', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await get('/status/200')).not.toHaveJsonBody({ status: 200 }),
    );
    expect(message).toContain(
      'expect(response).not.toHaveJsonBody(expected)\n\nExpected body:   not JSON equal to the expected value\nReceived status: 200 OK (2xx Successful)',
    );
    expect(message).not.toContain('Meaning:');
    expect(message).toContain('Body (14 B, JSON):\n  {\n    "status": 200\n  }');
  });

  it('throws a usage error for something that is not a response, also under .not', async () => {
    // Thrown, not a rejected promise: checked before anything async (Bun loses the class of a rejection).
    expect(() => expect({ foo: 1 }).not.toHaveJsonBody({})).toThrow(HttpMatcherUsageError);
    await expect(expect(200).toHaveJsonBody({})).rejects.toThrow(
      'toHaveJsonBody: received the status code 200, which has no body: pass the response itself.',
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toHaveJsonBody', {
  mode: 'async',
  fuzzArgs: either(
    fc.oneof(
      fc.constant([]),
      fc.tuple(jsonValue),
      fc.tuple(asymmetric),
      fc.tuple(fc.anything({ maxDepth: 2, withBigInt: true })),
    ),
  ),
  secrets: [on(401, false, { error: 'other' }), on(401, true)],
  hostile: [{ title: 'calm' }],
  bodies: [],
});

harden(cases, { interceptors: [mock] });
