import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toBeClientError } from '../../src/matchers/to-be-client-error.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { harden, matcherCases, noArgs, on } from '../hardening/harden.js';

expect.extend({ toBeClientError });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`, { redirect: 'manual' });

describe('toBeClientError', () => {
  it('passes on any 4xx, official or not', async () => {
    expect(await get('/status/404')).toBeClientError();
    expect(await get('/status/429?h.retry-after=30')).toBeClientError();
    expect(499).toBeClientError();
    expect(await get('/status/500')).not.toBeClientError();
  });

  it('fails on a 500 and explains it', async () => {
    const res = await get('/status/500?body=upstream%20timed%20out');
    expect(failureOf(() => expect(res).toBeClientError())).toMatchInlineSnapshot(`
      "expect(response).toBeClientError()

      Expected:        a 4xx Client Error status
      Received status: 500 Internal Server Error (5xx Server Error)

      Meaning: The server hit an unexpected condition, typically an unhandled exception, and could not complete the request. (RFC 9110 §15.6.1)
      Hint:    A server-side exception: look at the server logs and the response body for the stack trace or error id; your input may trigger it, but the bug is on the server.

      URL: http://127.0.0.1:PORT/status/500?body=upstream%20timed%20out

      Response headers (1 of 5 shown):
        content-type: text/plain"
    `);
  });

  it('under .not, says it did not want a 4xx and shows the evidence (Allow on a 405)', async () => {
    const res = await get('/status/405?h.allow=GET,%20HEAD');
    expect(failureOf(() => expect(res).not.toBeClientError())).toMatchInlineSnapshot(`
      "expect(response).not.toBeClientError()

      Expected:        not a 4xx Client Error status
      Received status: 405 Method Not Allowed (4xx Client Error)

      URL: http://127.0.0.1:PORT/status/405?h.allow=GET,%20HEAD

      Response headers (2 of 6 shown):
        allow: GET, HEAD
        content-type: application/json"
    `);
  });

  it('throws a usage error for an argument, also under .not', () => {
    expect(() => expect(404).not.toBeClientError(...([404] as unknown as []))).toThrow(HttpMatcherUsageError);
    expect(() => expect('404').toBeClientError()).toThrow(
      'toBeClientError: received the string "404", not the response: pass the response object your client returned, or the status as a number (404).',
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toBeClientError', {
  mode: 'sync',
  fuzzArgs: noArgs,
  secrets: [on(200, false), on(401, true)],
  hostile: [],
  keepsBody: [],
});

harden(cases);
