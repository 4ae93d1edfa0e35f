import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toHaveHeader } from '../../src/matchers/to-have-header.js';
import { realClients } from '../helpers/clients.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { headerName, textArgument } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on, RESPONSE_SECRET_HEADERS } from '../hardening/harden.js';

expect.extend({ toHaveHeader });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const { clients: CLIENTS, cleanups, release } = realClients(() => server.url);
afterEach(release);

/** `/status/<code>` with each `[name, value]` as a response header (repeat a name to repeat the header). */
function route(code: number, headers: ReadonlyArray<readonly [string, string]> = []): string {
  const query = new URLSearchParams(headers.map(([name, value]) => [`h.${name}`, value]));
  return `/status/${code}${headers.length > 0 ? `?${query}` : ''}`;
}

const SECRET = 'tok_live_8f3a9c2e71d04b5f';

describe.each(CLIENTS)('toHaveHeader over $name', ({ get }) => {
  it('passes on presence, an exact value (spaces around ignored), a RegExp or an asymmetric matcher; the name in any case', async () => {
    const res = await get(
      route(200, [
        ['x-request-id', 'req-42'],
        ['cache-control', 'no-store'],
      ]),
    );
    expect(res).toHaveHeader('x-request-id');
    expect(res).toHaveHeader('X-Request-ID');
    expect(res).toHaveHeader('x-request-id', 'req-42');
    expect(res).toHaveHeader('x-request-id', '  req-42 ');
    expect(res).toHaveHeader('Cache-Control', /no-store/);
    expect(res).toHaveHeader('x-request-id', expect.stringMatching(/^req-\d+$/));
    expect(res).not.toHaveHeader('x-trace-id');
    expect(res).not.toHaveHeader('x-request-id', 'req-43');
    expect(res).not.toHaveHeader('x-request-id', /^\d+$/);
    // A global RegExp keeps lastIndex between calls; the verdict must not flip on the second use.
    const global = /req/g;
    expect(res).toHaveHeader('x-request-id', global);
    expect(res).toHaveHeader('x-request-id', global);
  });

  it('fails on a different value and shows the value it received', async () => {
    const res = await get(route(200, [['cache-control', 'public, max-age=60']]));
    const message = failureOf(() => expect(res).toHaveHeader('Cache-Control', 'no-store'));
    expect(message).toContain('expect(response).toHaveHeader(name, expected)');
    expect(message).toContain('Expected header: Cache-Control: "no-store"\nReceived status: 200 OK (2xx Successful)');
    expect(message).toContain('Received header: cache-control: public, max-age=60');
  });

  it('when the header is absent, names the headers that are there, near misses first', async () => {
    const res = await get(route(200, [['x-request-id', 'req-42']]));
    const message = failureOf(() => expect(res).toHaveHeader('x-requestid'));
    expect(message).toContain('Expected header: x-requestid (any value)');
    expect(message).toContain('The response has no x-requestid header.\nDid you mean x-request-id?\nHeaders present (');
    // The near miss first, then the rest by name.
    expect(message).toMatch(/Headers present \(\d+\): x-request-id, [a-z, -]*content-type/);
  });

  it('under .not, fails when the header is there (or has the value) and says what it has', async () => {
    const res = await get(route(200, [['x-powered-by', 'Express']]));
    const message = failureOf(() => expect(res).not.toHaveHeader('X-Powered-By'));
    expect(message).toContain('expect(response).not.toHaveHeader(name)');
    expect(message).toContain('Expected header: no X-Powered-By header');
    expect(message).toContain('Received header: x-powered-by: Express');
    expect(failureOf(() => expect(res).not.toHaveHeader('x-powered-by', /express/i))).toContain(
      'Expected header: not x-powered-by matching /express/i',
    );
  });

  it('compares a repeated header as its values joined with ", "', async () => {
    const res = await get(
      route(200, [
        ['vary', 'Accept'],
        ['vary', 'Origin'],
      ]),
    );
    expect(res).toHaveHeader('vary', 'Accept, Origin');
    expect(res).toHaveHeader('vary', expect.stringContaining('Origin'));
    expect(res).not.toHaveHeader('vary', 'Accept');
    expect(failureOf(() => expect(res).toHaveHeader('vary', 'Accept'))).toContain(
      'Received header: vary: Accept, Origin',
    );
  });

  it('matches Set-Cookie line by line and never shows a cookie value', async () => {
    const res = await get(
      route(200, [
        ['set-cookie', `sid=${SECRET}; Path=/; HttpOnly`],
        ['set-cookie', 'theme=dark; Path=/'],
      ]),
    );
    expect(res).toHaveHeader('set-cookie', /^theme=dark/);
    expect(res).toHaveHeader('Set-Cookie', expect.stringContaining('HttpOnly'));
    expect(res).toHaveHeader('set-cookie', `sid=${SECRET}; Path=/; HttpOnly`);
    expect(res).not.toHaveHeader('set-cookie', /^lang=/);

    const message = failureOf(() => expect(res).toHaveHeader('set-cookie', /^lang=/));
    expect(message).toContain(
      'Received set-cookie (2 lines, each compared on its own):\n  sid=[redacted]; Path=/; HttpOnly\n  theme=[redacted]; Path=/',
    );
    expect(message).toContain('No line matches the expected value');
    expect(message).not.toContain(SECRET);
    // Even when the expected string is the secret line itself, under .not.
    const notMessage = failureOf(() => expect(res).not.toHaveHeader('set-cookie', `sid=${SECRET}; Path=/; HttpOnly`));
    expect(notMessage).toContain('Expected header: not set-cookie: "sid=[redacted]; Path=/; HttpOnly" (on any line)');
    expect(notMessage).toContain('A line matches the expected value');
    expect(notMessage).not.toContain(SECRET);
  });

  it('hides the value of a secret header, the expected one included, and still gives the verdict', async () => {
    const res = await get(
      route(200, [
        ['x-auth-token', SECRET],
        ['x-api-key', 'k9z'],
      ]),
    );
    expect(res).toHaveHeader('x-auth-token', SECRET);

    const wrong = failureOf(() => expect(res).toHaveHeader('x-auth-token', 'tok_live_0000'));
    expect(wrong).toContain('Received header: x-auth-token: [redacted]');
    expect(wrong).toContain('Value hidden: x-auth-token is a secret header. It does not match the expected value.');
    expect(wrong).not.toContain(SECRET);

    const same = failureOf(() => expect(res).not.toHaveHeader('x-auth-token', SECRET));
    expect(same).toContain('Value hidden: x-auth-token is a secret header. It matches the expected value.');
    expect(same).not.toContain(SECRET);
    // A secret too short for the message-wide sweep is hidden all the same.
    const short = failureOf(() => expect(res).not.toHaveHeader('x-api-key', 'k9z'));
    expect(short).toContain('Expected header: not x-api-key: "[redacted]"');
    expect(short).not.toContain('k9z');
  });
});

describe('toHaveHeader', () => {
  it('reads like this when a value differs', async () => {
    const res = await fetch(`${server.url}${route(200, [['cache-control', 'public, max-age=60']])}`);
    cleanups.push(() => (res.bodyUsed ? undefined : res.body?.cancel()));
    expect(failureOf(() => expect(res).toHaveHeader('Cache-Control', 'no-store'))).toMatchInlineSnapshot(`
      "expect(response).toHaveHeader(name, expected)

      Expected header: Cache-Control: "no-store"
      Received status: 200 OK (2xx Successful)

      Received header: cache-control: public, max-age=60

      URL: http://127.0.0.1:PORT/status/200?h.cache-control=public%2C+max-age%3D60

      Response headers (1 of 6 shown):
        content-type: application/json"
    `);
  });

  it('keeps a Bearer scheme visible and the token hidden in an Authorization header', async () => {
    const res = await get(route(200, [['authorization', `Bearer ${SECRET}`]]));
    const message = failureOf(() => expect(res).toHaveHeader('authorization', 'Bearer wrong-token'));
    expect(message).toContain('Expected header: authorization: "Bearer [redacted]"');
    expect(message).toContain('Received header: authorization: Bearer [redacted]');
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('wrong-token');
  });

  it('says when a value differs only in letter case, or is one value of a repeated header', async () => {
    const res = await get(route(200, [['x-cache', 'HIT']]));
    expect(failureOf(() => expect(res).toHaveHeader('x-cache', 'hit'))).toContain(
      'The values differ only in letter case; header values are compared exactly. To ignore case, pass a RegExp with the i flag.',
    );
    // undici.request keeps a repeated header's values apart; fetch and Node join them before we see them.
    const repeated = await undiciRequest(
      `${server.url}${route(200, [
        ['x-tag', 'a'],
        ['x-tag', 'b'],
      ])}`,
    );
    cleanups.push(() => repeated.body.dump());
    expect(failureOf(() => expect(repeated).toHaveHeader('x-tag', 'a'))).toContain(
      'Received header: x-tag: a, b (2 values, compared joined with ", ")\n"a" is one of its 2 values. To match one value of a repeated header, use expect.stringContaining("a") or a RegExp.',
    );
  });

  it('leaves the response usable: the body can still be read after the assertion', async () => {
    const res = await get(route(200, [['x-request-id', 'req-42']]));
    expect(res).toHaveHeader('x-request-id');
    expect(() => expect(res).toHaveHeader('x-missing')).toThrow();
    await expect((res as Response).json()).resolves.toEqual({ status: 200 });
  });

  it('throws a usage error for a bad name or expected value, also under .not', async () => {
    const res = await get(route(200));
    for (const bad of ['', 42, null, undefined, 'x request id']) {
      expect(() => expect(res).toHaveHeader(bad as never)).toThrow(HttpMatcherUsageError);
      expect(() => expect(res).not.toHaveHeader(bad as never)).toThrow(/toHaveHeader: name must be a header name/);
    }
    expect(() => expect(res).toHaveHeader('Content-Type: application/json')).toThrow(
      `To check a value, pass it as the second argument: toHaveHeader("Content-Type", "application/json").`,
    );
    for (const bad of [null, 42, ['a'], { a: 1 }]) {
      expect(() => expect(res).not.toHaveHeader('content-type', bad as never)).toThrow(
        /toHaveHeader: expected must be a string, a RegExp or an asymmetric matcher/,
      );
    }
    expect(() => expect(200).not.toHaveHeader('content-type')).toThrow(
      'toHaveHeader: received the bare status code 200, which has no headers: pass the response itself.',
    );
  });
});

async function get(path: string): Promise<Response> {
  const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
  cleanups.push(() => (res.bodyUsed ? undefined : res.body?.cancel()));
  return res;
}

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toHaveHeader', {
  mode: 'sync',
  fuzzArgs: either(fc.oneof(fc.tuple(headerName), fc.tuple(headerName, textArgument))),
  withRegExp: (re) => ['content-type', re],
  secrets: [
    ...Object.keys(RESPONSE_SECRET_HEADERS).flatMap((name) => [on(401, false, name, 'wrong'), on(401, true, name)]),
    on(401, false, 'authorization', /^Basic nope/),
    on(401, true, 'set-cookie'),
    on(401, false, 'x-missing'),
  ],
  hostile: ['x-evil', 'calm'],
  keepsBody: ['content-type', /json/],
});

harden(cases);
