import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toBeSuccessful } from '../../src/matchers/to-be-successful.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { harden, matcherCases, noArgs, on } from '../hardening/harden.js';

expect.extend({ toBeSuccessful });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`, { redirect: 'manual' });

describe('toBeSuccessful', () => {
  it('passes on any 2xx, including unregistered ones', async () => {
    expect(await get('/status/200')).toBeSuccessful();
    expect(await get('/status/204')).toBeSuccessful();
    expect(299).toBeSuccessful();
    expect(await get('/status/302?h.location=/')).not.toBeSuccessful();
  });

  it('explains a 401 with the evidence: the WWW-Authenticate challenge', async () => {
    const res = await get('/status/401?h.www-authenticate=Bearer%20realm%3D%22api%22%2C%20error%3D%22invalid_token%22');
    expect(failureOf(() => expect(res).toBeSuccessful())).toMatchInlineSnapshot(`
      "expect(response).toBeSuccessful()

      Expected:        a 2xx Successful status
      Received status: 401 Unauthorized (4xx Client Error)

      Meaning: The request lacks valid authentication credentials for the target resource. (RFC 9110 §15.5.2)
      Hint:    The credentials are missing, malformed or expired: check the Authorization header (Bearer prefix, token expiry), the session cookie and any API-key header. WWW-Authenticate names the scheme the server expects.

      URL: http://127.0.0.1:PORT/status/401?h.www-authenticate=Bearer%20realm%3D%22api%22%2C%20error%3D%22invalid_token%22

      Response headers (2 of 6 shown):
        content-type: application/json
        www-authenticate: Bearer realm="api", error="invalid_token""
    `);
  });

  it('under .not, says it did not want a 2xx and leaves out the meaning of a code the user knows', async () => {
    const res = await get('/status/201?h.location=/items/7');
    expect(failureOf(() => expect(res).not.toBeSuccessful())).toMatchInlineSnapshot(`
      "expect(response).not.toBeSuccessful()

      Expected:        not a 2xx Successful status
      Received status: 201 Created (2xx Successful)

      URL: http://127.0.0.1:PORT/status/201?h.location=/items/7

      Response headers (2 of 6 shown):
        content-type: application/json
        location: /items/7"
    `);
  });

  it('toBeSuccessful(200) is a usage error pointing at toHaveStatus, also under .not', async () => {
    const res = await get('/status/200');
    const withArgument = [200] as unknown as [];
    expect(() => expect(res).not.toBeSuccessful(...withArgument)).toThrow(HttpMatcherUsageError);
    expect(failureOf(() => expect(res).toBeSuccessful(...withArgument))).toBe(
      'toBeSuccessful: takes no arguments, got 200. To check an exact code, use toHaveStatus(200).',
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toBeSuccessful', {
  mode: 'sync',
  fuzzArgs: noArgs,
  secrets: [on(401, false), on(200, true)],
  hostile: [],
  keepsBody: [],
});

harden(cases);
