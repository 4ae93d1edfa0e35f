import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toBeServerError } from '../../src/matchers/to-be-server-error.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { harden, matcherCases, noArgs, on } from '../hardening/harden.js';

expect.extend({ toBeServerError });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`, { redirect: 'manual' });

describe('toBeServerError', () => {
  it('passes on any 5xx, official or not', async () => {
    expect(await get('/status/502')).toBeServerError();
    expect(await get('/status/503?h.retry-after=120')).toBeServerError();
    expect(520).toBeServerError();
    expect(await get('/status/404')).not.toBeServerError();
  });

  it('fails on a 404 and explains it', async () => {
    const res = await get('/status/404');
    expect(failureOf(() => expect(res).toBeServerError())).toMatchInlineSnapshot(`
      "expect(response).toBeServerError()

      Expected:        a 5xx Server Error status
      Received status: 404 Not Found (4xx Client Error)

      Meaning: The server has nothing at the target URI, or will not admit that something exists there. (RFC 9110 §15.5.5)
      Hint:    Check the path, the ids in it and the base URL (a missing prefix or version segment is common), and that the route is registered. Express answers a wrong method on an existing route with 404 Cannot POST /x, not 405.

      URL: http://127.0.0.1:PORT/status/404

      Response headers (1 of 5 shown):
        content-type: application/json"
    `);
  });

  it('under .not, says it did not want a 5xx and shows Retry-After and rate-limit headers', async () => {
    const res = await get('/status/503?h.retry-after=120&h.x-ratelimit-remaining=0');
    expect(failureOf(() => expect(res).not.toBeServerError())).toMatchInlineSnapshot(`
      "expect(response).not.toBeServerError()

      Expected:        not a 5xx Server Error status
      Received status: 503 Service Unavailable (5xx Server Error)

      URL: http://127.0.0.1:PORT/status/503?h.retry-after=120&h.x-ratelimit-remaining=0

      Response headers (3 of 7 shown):
        content-type: application/json
        retry-after: 120
        x-ratelimit-remaining: 0"
    `);
  });

  it('says so for an unofficial code', () => {
    expect(failureOf(() => expect(200).toBeServerError())).toContain('Received status: 200 OK (2xx Successful)');
    expect(failureOf(() => expect(524).not.toBeServerError())).toContain(
      'Received status: 524 A Timeout Occurred (5xx Server Error; unofficial, Cloudflare)',
    );
  });

  it('throws a usage error for an argument, also under .not', () => {
    expect(() => expect(500).not.toBeServerError(...([500] as unknown as []))).toThrow(HttpMatcherUsageError);
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toBeServerError', {
  mode: 'sync',
  fuzzArgs: noArgs,
  secrets: [on(401, false), on(500, true)],
  hostile: [],
  keepsBody: [],
});

harden(cases);
