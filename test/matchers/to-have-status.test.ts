import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { failureOf } from '../helpers/message.js';
import { OpaqueRedirect } from '../helpers/shapes.js';
import { startServer, type TestServer } from '../helpers/server.js';
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

      Response headers (2 of 6 shown):
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

  it('throws a usage error for a list with holes or non-codes, which every() would skip or let through', async () => {
    const res = await get('/status/200');
    // eslint-disable-next-line no-sparse-arrays
    for (const bad of [new Array(2), [200, , 201], Array(3).fill(undefined), [200, '201'], [200, Number.NaN]]) {
      expect(() => expect(res).toHaveStatus(bad as never)).toThrow(HttpMatcherUsageError);
      expect(() => expect(res).not.toHaveStatus(bad as never)).toThrow(HttpMatcherUsageError);
    }
    expect(failureOf(() => expect(res).not.toHaveStatus(new Array(2) as never))).toMatchInlineSnapshot(
      `"toHaveStatus: expected must be a status code (a whole number from 100 to 599), a non-empty array of them, or an asymmetric matcher such as expect.any(Number); got [, ] (item 0 is an empty slot)."`,
    );
    // eslint-disable-next-line no-sparse-arrays
    expect(failureOf(() => expect(res).toHaveStatus([200, , 201] as never))).toMatchInlineSnapshot(
      `"toHaveStatus: expected must be a status code (a whole number from 100 to 599), a non-empty array of them, or an asymmetric matcher such as expect.any(Number); got [200, , 201] (item 1 is an empty slot)."`,
    );
    expect(failureOf(() => expect(res).toHaveStatus([200, '201'] as never))).toMatchInlineSnapshot(
      `"toHaveStatus: expected must be a status code (a whole number from 100 to 599), a non-empty array of them, or an asymmetric matcher such as expect.any(Number); got [200, "201"] (item 1 is "201", not a status code)."`,
    );
  });

  it('property: any list with a hole or a non-code is a usage error, under .not too; a list of codes never is', async () => {
    const res = await get('/status/404');
    const code = fc.integer({ min: 100, max: 599 });
    const notCode = fc
      .oneof(fc.anything(), fc.integer(), fc.double())
      .filter((v) => !Number.isInteger(v) || v < 100 || v > 599);
    const withHole = fc.sparseArray(code, { maxLength: 12 }).filter((list) => Object.keys(list).length < list.length);
    const withNonCode = fc
      .tuple(fc.array(code, { maxLength: 6 }), notCode, fc.array(code, { maxLength: 6 }))
      .map(([before, bad, after]) => [...before, bad, ...after]);
    fc.assert(
      fc.property(fc.oneof(withHole, withNonCode), (bad) => {
        expect(() => expect(res).not.toHaveStatus(bad as never)).toThrow(
          /toHaveStatus: expected must be a status code/,
        );
        expect(() => expect(res).toHaveStatus(bad as never)).toThrow(HttpMatcherUsageError);
      }),
    );
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 12 }), (codes) => {
        if (codes.includes(404)) expect(res).toHaveStatus(codes);
        else expect(res).not.toHaveStatus(codes);
      }),
    );
  });

  it('on an opaque redirect, fails both ways for a code its hidden 3xx could be, and says why', () => {
    const opaque = new OpaqueRedirect();
    for (const wanted of [302, [200, 301], [301, 302, 303, 307, 308]]) {
      expect(() => expect(opaque).not.toHaveStatus(wanted as never)).toThrow('An opaque redirect hides its 3xx code');
      expect(() => expect(opaque).toHaveStatus(wanted as never)).toThrow('An opaque redirect.');
    }
    // Decided when no 3xx, or every 3xx, is wanted.
    expect(opaque).not.toHaveStatus([200, 404]);
    expect(opaque).toHaveStatus(expect.any(Number));
    expect(failureOf(() => expect(opaque).not.toHaveStatus(302))).toMatchInlineSnapshot(`
      "expect(response).not.toHaveStatus(expected)

      Expected status: not 302 Found (3xx Redirection)
      Received status: 0 (an opaque redirect: fetch hides the real status)

      An opaque redirect hides its 3xx code, so .not cannot tell that it is not this one: it fails, as the assertion does without .not. toBeRedirect() checks the class; to see the code, let fetch follow the redirect."
    `);
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
