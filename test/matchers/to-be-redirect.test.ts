import { got } from 'got';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toBeRedirect } from '../../src/matchers/to-be-redirect.js';
import { failureOf } from '../helpers/message.js';
import { OpaqueRedirect } from '../helpers/shapes.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { harden, matcherCases, noArgs, on } from '../hardening/harden.js';

expect.extend({ toBeRedirect });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('toBeRedirect', () => {
  it('passes on any 3xx, 304 included (it is a 3xx, if not a redirect)', async () => {
    for (const path of [
      '/status/301?h.location=/',
      '/status/303?h.location=/',
      '/status/304',
      '/status/308?h.location=/',
    ]) {
      expect(await fetch(`${server.url}${path}`, { redirect: 'manual' })).toBeRedirect();
    }
    expect(await fetch(`${server.url}/status/200`)).not.toBeRedirect();
  });

  it('fails on a fetch that followed the redirect, and says how to stop it', async () => {
    const res = await fetch(`${server.url}/status/302?h.location=/status/200`);
    expect(res.redirected).toBe(true);
    expect(failureOf(() => expect(res).toBeRedirect())).toMatchInlineSnapshot(`
      "expect(response).toBeRedirect()

      Expected:        a 3xx Redirection status
      Received status: 200 OK (2xx Successful)

      The client already followed the redirect: this is the final response, not the 3xx. To assert on the redirect itself, pass { redirect: 'manual' } to fetch.

      Final URL (after redirects): http://127.0.0.1:PORT/status/200

      Response headers (1 of 5 shown):
        content-type: application/json"
    `);
  });

  it('says the same for got with followRedirect left on', async () => {
    const res = await got(`${server.url}/status/301?h.location=/status/200`, { retry: { limit: 0 } });
    expect(failureOf(() => expect(res).toBeRedirect())).toMatchInlineSnapshot(`
      "expect(response).toBeRedirect()

      Expected:        a 3xx Redirection status
      Received status: 200 OK (2xx Successful)

      The client already followed the redirect: this is the final response, not the 3xx. To assert on the redirect itself, pass followRedirect: false to got.

      Request: GET http://127.0.0.1:PORT/status/301?h.location=/status/200

      Final URL (after redirects): http://127.0.0.1:PORT/status/200

      Response headers (1 of 5 shown):
        content-type: application/json

      Body (14 B, JSON):
        {
          "status": 200
        }"
    `);
  });

  it('under .not, says it did not want a 3xx and shows the Location', async () => {
    const res = await fetch(`${server.url}/status/302?h.location=/login`, { redirect: 'manual' });
    expect(failureOf(() => expect(res).not.toBeRedirect())).toMatchInlineSnapshot(`
      "expect(response).not.toBeRedirect()

      Expected:        not a 3xx Redirection status
      Received status: 302 Found (3xx Redirection)

      URL: http://127.0.0.1:PORT/status/302?h.location=/login

      Response headers (2 of 6 shown):
        content-type: application/json
        location: /login"
    `);
  });

  it('passes on an opaque redirect, whose hidden code is still a 3xx, and fails under .not', () => {
    const opaque = new OpaqueRedirect();
    expect(opaque).toBeRedirect();
    expect(failureOf(() => expect(opaque).not.toBeRedirect())).toMatchInlineSnapshot(`
      "expect(response).not.toBeRedirect()

      Expected:        not a 3xx Redirection status
      Received status: 0 (an opaque redirect: fetch hides the real status)"
    `);
  });

  it('throws a usage error for an argument, also under .not', () => {
    expect(() => expect(302).not.toBeRedirect(...(['/login'] as unknown as []))).toThrow(HttpMatcherUsageError);
    expect(failureOf(() => expect(302).toBeRedirect(...(['/login'] as unknown as [])))).toMatchInlineSnapshot(
      `"toBeRedirect: takes no arguments, got "/login". To check where it redirects, use toBeRedirectWithLocation("/login")."`,
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toBeRedirect', {
  mode: 'sync',
  fuzzArgs: noArgs,
  secrets: [on(401, false), on(302, true)],
  hostile: [],
  keepsBody: [],
});

harden(cases);
