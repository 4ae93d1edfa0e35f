import type { IncomingMessage, ServerResponse } from 'node:http';
import axios from 'axios';
import got from 'got';
import supertest from 'supertest';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError, readBody } from '../../src/index.js';
import { toHaveTextBody } from '../../src/matchers/to-have-text-body.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, statusRoutes, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { textArgument } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on } from '../hardening/harden.js';

expect.extend({ toHaveTextBody });

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(600, 0)]);

function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/health') res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
  else if (path === '/login')
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<html><head><title>Sign in</title></head></html>');
  else if (path === '/latin1')
    res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  else if (path === '/logo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  else if (path === '/report') res.writeHead(200, { 'content-type': 'text/csv' }).end('id,name\n1,Ada\n2,Grace\n');
  else if (path === '/echo-auth')
    res.writeHead(401, { 'content-type': 'text/plain' }).end('rejected Authorization: Bearer abc.def.ghi');
  else statusRoutes(req, res);
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`);

describe('toHaveTextBody', () => {
  it('passes on the exact text, a RegExp that finds a match, or an asymmetric matcher', async () => {
    const res = await get('/login');
    await expect(res).toHaveTextBody('<html><head><title>Sign in</title></head></html>');
    await expect(res).toHaveTextBody(/<title>Sign in<\/title>/);
    await expect(res).toHaveTextBody(expect.stringContaining('Sign in'));
    await expect(res).not.toHaveTextBody('Sign in');
    await expect(res).not.toHaveTextBody(/Welcome/);
    await expect(res.text()).resolves.toContain('Sign in');
  });

  it('a global RegExp gives the same verdict every time (lastIndex is not used)', async () => {
    const res = await get('/health');
    const re = /OK/g;
    await expect(res).toHaveTextBody(re);
    await expect(res).toHaveTextBody(re);
  });

  it('decodes by the Content-Type charset', async () => {
    await expect(await get('/latin1')).toHaveTextBody('café');
  });

  it('works on undici.request, supertest, axios and got responses', async () => {
    const undiciRes = await request(`${server.url}/health`);
    await expect(undiciRes).toHaveTextBody('OK');
    expect((await readBody(undiciRes)).text).toBe('OK');
    await expect(await supertest(routes).get('/health')).toHaveTextBody('OK');
    await expect(await axios.get(`${server.url}/health`)).toHaveTextBody('OK');
    await expect(await got(`${server.url}/health`)).toHaveTextBody('OK');
  });

  it('an empty 204 body is the empty string', async () => {
    await expect(await get('/status/204')).toHaveTextBody('');
    await expect(await request(`${server.url}/status/204`)).toHaveTextBody('');
  });

  it('shows a line diff for a text mismatch', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await get('/report')).toHaveTextBody('id,name\n1,Ada\n2,Alan\n'),
    );
    expect(message).toMatchInlineSnapshot(`
      "expect(response).toHaveTextBody(expected)

      Expected body:   "id,name\\n1,Ada\\n2,Alan\\n"
      Received status: 200 OK (2xx Successful)

      - Expected
      + Received

        id,name
        1,Ada
      - 2,Alan
      + 2,Grace


      URL: http://127.0.0.1:PORT/report

      Response headers (1 of 5 shown):
        content-type: text/csv

      Body (22 B):
        id,name
        1,Ada
        2,Grace
        "
    `);
  });

  it('for a RegExp, names the pattern and shows the body; on a 401 it explains the 401 and hides the token', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/echo-auth')).toHaveTextBody(/accepted/));
    expect(message).toContain(
      'Expected body:   matching /accepted/\nReceived status: 401 Unauthorized (4xx Client Error)',
    );
    expect(message).toContain('Meaning: ');
    expect(message).toContain('Body (42 B):\n  rejected Authorization: Bearer [redacted]');
    expect(message).not.toContain('abc.def.ghi');
  });

  it('summarises a binary body and does not diff it', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/logo.png')).toHaveTextBody('OK'));
    expect(message).toContain('The body is binary data, not text.');
    expect(message).toContain('Body: <binary, 616 B, image/png>');
    expect(message).not.toContain('- Expected');
  });

  it('under .not, fails when the text matches', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/health')).not.toHaveTextBody('OK'));
    expect(message).toContain(
      'expect(response).not.toHaveTextBody(expected)\n\nExpected body:   not "OK"\nReceived status: 200 OK (2xx Successful)',
    );
    expect(message).toContain('Body (2 B):\n  OK');
  });

  it('throws a usage error for an expected value that is not text, also under .not', async () => {
    const res = await get('/health');
    // Thrown, not a rejected promise: checked before anything async (Bun loses the class of a rejection).
    expect(() => expect(res).not.toHaveTextBody(42 as never)).toThrow(HttpMatcherUsageError);
    expect(() => expect(res).toHaveTextBody(undefined as never)).toThrow(
      'toHaveTextBody: expected must be a string, a RegExp or an asymmetric matcher; got undefined.',
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toHaveTextBody', {
  mode: 'async',
  fuzzArgs: either(fc.tuple(textArgument)),
  withRegExp: (re) => [re],
  secrets: [on(401, false, 'nope'), on(401, true, /EXPIRED/)],
  hostile: ['calm'],
  bodies: [/Ada/],
});

harden(cases);
