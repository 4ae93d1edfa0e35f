import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { asymmetric } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on, status } from '../hardening/harden.js';

expect.extend({ toHaveStatus });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`, { redirect: 'manual' });

describe('toHaveStatus', () => {
  it('passes on the exact code, any code of a list, or an asymmetric matcher', async () => {
    const res = await get('/status/201');
    expect(res).toHaveStatus(201);
    expect(res).toHaveStatus([200, 201]);
    expect(res).toHaveStatus(expect.any(Number));
    expect(res).not.toHaveStatus(200);
    expect(res).not.toHaveStatus([200, 204]);
  });

  it('explains the received code: meaning, hint and the telling headers', async () => {
    const res = await get('/status/503?h.retry-after=120');
    expect(failureOf(() => expect(res).toHaveStatus(200))).toMatchInlineSnapshot(`
      "expect(response).toHaveStatus(expected)

      Expected status: 200 OK (2xx Successful)
      Received status: 503 Service Unavailable (5xx Server Error)

      Meaning: The server cannot handle the request right now, because it is overloaded, in maintenance or not ready yet. (RFC 9110 §15.6.4)
      Hint:    Overloaded, in maintenance or still starting up; honour Retry-After, and in CI wait for the health check to pass before the first test.

      URL: http://127.0.0.1:PORT/status/503?h.retry-after=120

      Response headers:
        content-type: application/json
        retry-after: 120"
    `);
  });

  it('names every code of a list it expected', async () => {
    const res = await get('/status/404');
    expect(failureOf(() => expect(res).toHaveStatus([200, 204]))).toContain(
      'Expected status: one of 200 OK (2xx Successful), 204 No Content (2xx Successful)\nReceived status: 404 Not Found (4xx Client Error)',
    );
  });

  it('under .not, says which code it did not want and skips the explanation of a code the user expected', async () => {
    const res = await get('/status/200');
    const message = failureOf(() => expect(res).not.toHaveStatus(200));
    expect(message).toContain('expect(response).not.toHaveStatus(expected)');
    expect(message).toContain('Expected status: not 200 OK (2xx Successful)\nReceived status: 200 OK (2xx Successful)');
    expect(message).not.toContain('Meaning:');
  });

  it('shows the evidence for the code: Allow on 405, WWW-Authenticate on 401', async () => {
    const res405 = await get('/status/405?h.allow=GET,%20HEAD');
    expect(failureOf(() => expect(res405).toHaveStatus(200))).toContain('allow: GET, HEAD');
    const res401 = await get('/status/401?h.www-authenticate=Bearer%20realm%3D%22api%22');
    const message = failureOf(() => expect(res401).toHaveStatus(200));
    expect(message).toContain('www-authenticate: Bearer realm="api"');
    expect(message).toContain('Authorization header');
  });

  it('says so for unofficial and unregistered codes', async () => {
    expect(failureOf(() => expect(520).toHaveStatus(200))).toContain(
      'Received status: 520 Web Server Returned an Unknown Error (5xx Server Error; unofficial, Cloudflare)',
    );
    const message = failureOf(() => expect(299).toHaveStatus(200));
    expect(message).toContain('Received status: 299 (2xx Successful; unregistered)');
    expect(message).toContain('clients treat it as 200 OK (RFC 9110 §15)');
  });

  it('leaves the response usable: the body can still be read after the assertion', async () => {
    const res = await get('/status/200');
    expect(res).toHaveStatus(200);
    expect(() => expect(res).toHaveStatus(500)).toThrow();
    await expect(res.json()).resolves.toEqual({ status: 200 });
  });

  it('throws a usage error for a bad expected value, also under .not', async () => {
    const res = await get('/status/200');
    for (const bad of [600, 200.5, '200', [], null]) {
      expect(() => expect(res).toHaveStatus(bad as never)).toThrow(HttpMatcherUsageError);
      expect(() => expect(res).not.toHaveStatus(bad as never)).toThrow(/toHaveStatus: expected must be a status code/);
    }
  });

  it('throws a usage error naming what it accepts for something that is not a response', () => {
    // An object we cannot place gets the list; a plain one is most likely a parsed body (test/adapters/mistakes.test.ts).
    expect(() =>
      expect(
        new (class Widget {
          foo = 1;
        })(),
      ).not.toHaveStatus(200),
    ).toThrow(
      /toHaveStatus: received value must be an HTTP response: .*fetch Response.*\nReceived: a Widget with keys \{ foo \}/s,
    );
    expect(() => expect({ foo: 1 }).not.toHaveStatus(200)).toThrow(
      /toHaveStatus: received what looks like a parsed body \(an object with keys \{ foo \}\)/,
    );
    expect(() => expect('200').toHaveStatus(200)).toThrow(HttpMatcherUsageError);
    expect(() => expect(99).toHaveStatus(200)).toThrow(/received 99, which is not an HTTP status code/);
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toHaveStatus', {
  mode: 'sync',
  fuzzArgs: either(
    fc.oneof(fc.tuple(status), fc.tuple(fc.array(status, { minLength: 1, maxLength: 4 })), fc.tuple(asymmetric)),
  ),
  secrets: [on(401, false, 200), on(401, true, 401)],
  hostile: [200],
  keepsBody: [200],
});

harden(cases);
