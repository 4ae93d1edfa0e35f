import { got } from 'got';
import supertest from 'supertest';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toHaveCookie } from '../../src/matchers/to-have-cookie.js';
import { realClients } from '../helpers/clients.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { asymmetric, textArgument } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on } from '../hardening/harden.js';

expect.extend({ toHaveCookie });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const { clients: CLIENTS, cleanups, release } = realClients(() => server.url);
afterEach(release);

/** `/status/200` setting each line as its own Set-Cookie header. */
function route(...cookies: string[]): string {
  return `/status/200?${new URLSearchParams(cookies.map((c) => ['h.set-cookie', c]))}`;
}

const SECRET = 's3ss10n-9f86d081884c7d65';
const SESSION = `sid=${SECRET}; Path=/; Domain=.Example.com; Max-Age=3600; Expires=Wed, 21-Oct-2037 07:28:00 GMT; HttpOnly; Secure; SameSite=lax`;
const THEME = 'theme=dark; path=/app';

describe.each(CLIENTS)('toHaveCookie over $name', ({ get }) => {
  it('passes when the cookie is set with every expected attribute (attribute names in any case)', async () => {
    const res = await get(route(SESSION, THEME));
    expect(res).toHaveCookie('sid');
    expect(res).toHaveCookie('theme', { value: 'dark', path: '/app', httpOnly: false, secure: false });
    expect(res).toHaveCookie('sid', {
      value: SECRET,
      httpOnly: true,
      secure: true,
      partitioned: false,
      sameSite: 'Lax',
      path: '/',
      domain: 'example.com',
      maxAge: 3600,
      expires: new Date('2037-10-21T07:28:00.999Z'),
    });
    expect(res).toHaveCookie('sid', { value: /^s3ss10n-[0-9a-f]{16}$/, sameSite: 'lax', expires: expect.any(Date) });
    expect(res).toHaveCookie('sid', { value: expect.stringMatching(/^s3ss/) });
    expect(res).not.toHaveCookie('lang');
    expect(res).not.toHaveCookie('SID');
    expect(res).not.toHaveCookie('sid', { sameSite: 'Strict' });
    expect(res).not.toHaveCookie('sid', { value: 'other' });
  });

  it('names the attribute that differs, in a table, and never shows the cookie value', async () => {
    const res = await get(route(SESSION, THEME));
    const message = failureOf(() =>
      expect(res).toHaveCookie('sid', { sameSite: 'Strict', httpOnly: true, path: '/api' }),
    );
    expect(message).toContain('Expected cookie: "sid" with httpOnly, sameSite Strict, path /api');
    expect(message).toContain(
      [
        'Cookie "sid" differs in 2 attributes:',
        '  attribute   expected   received',
        '  sameSite    Strict     lax',
        '  path        /api       /',
      ].join('\n'),
    );
    expect(message).toContain('sid=[redacted]; Path=/; Domain=.Example.com');
    expect(message).toContain('sid');
    expect(message).not.toContain(SECRET);
  });

  it('shows a differing value only as its length, the expected value as written', async () => {
    const res = await get(route(SESSION));
    const message = failureOf(() => expect(res).toHaveCookie('sid', { value: 'abc' }));
    expect(message).toContain(`  value       "abc"      [redacted] (${SECRET.length} characters)`);
    expect(message).not.toContain(SECRET);
    // Under .not the expected value is the secret: it is hidden too.
    const notMessage = failureOf(() => expect(res).not.toHaveCookie('sid', { value: SECRET, secure: true }));
    expect(notMessage).toContain(
      `Expected cookie: not "sid" with value [redacted] (${SECRET.length} characters), secure`,
    );
    expect(notMessage).toContain('Cookie "sid" has every expected attribute:');
    expect(notMessage).not.toContain(SECRET);
  });

  it('when the cookie is absent, lists the cookies that were set and the near misses', async () => {
    const res = await get(route(SESSION, THEME));
    const message = failureOf(() => expect(res).toHaveCookie('SID'));
    expect(message).toContain('Expected cookie: "SID"');
    expect(message).toContain(
      'The response sets no cookie named "SID".\nDid you mean "sid"? Cookie names are case-sensitive.\nCookies set (2): sid, theme',
    );
    expect(message).not.toContain(SECRET);
  });

  it('says when the response sets no cookies at all', async () => {
    const res = await get('/status/200');
    expect(res).not.toHaveCookie('sid');
    expect(failureOf(() => expect(res).toHaveCookie('sid'))).toContain(
      'The response sets no cookies (it has no Set-Cookie header).',
    );
  });

  it('under .not, fails when the cookie is set and shows the matching attributes', async () => {
    const res = await get(route(THEME));
    const message = failureOf(() => expect(res).not.toHaveCookie('theme', { path: '/app' }));
    expect(message).toContain('expect(response).not.toHaveCookie(name, expected)');
    expect(message).toContain(
      'Cookie "theme" has every expected attribute:\n  attribute   expected   received\n  path        /app       /app',
    );
    expect(failureOf(() => expect(res).not.toHaveCookie('theme'))).toContain('Cookie "theme" is set.');
  });
});

describe('toHaveCookie', () => {
  it('reads like this when attributes differ', async () => {
    const res = await supertest(server.url).get(route(`sid=${SECRET}; Path=/; SameSite=None`, THEME));
    const message = failureOf(() =>
      expect(res).toHaveCookie('sid', { httpOnly: true, secure: true, sameSite: 'Strict', maxAge: 3600 }),
    );
    expect(message).not.toContain(SECRET);
    // The evidence (request, headers, body) is the shared message builder's; this file pins the cookie part.
    const [cookiePart, evidence = ''] = message.split('\n\nRequest: ');
    expect(cookiePart).toMatchInlineSnapshot(`
      "expect(response).toHaveCookie(name, expected)

      Expected cookie: "sid" with httpOnly, secure, sameSite Strict, maxAge 3600
      Received status: 200 OK (2xx Successful)

      Cookie "sid" differs in 4 attributes:
        attribute   expected   received
        httpOnly    yes        no
        secure      yes        no
        sameSite    Strict     None
        maxAge      3600       (not set)
      Browsers reject this cookie: SameSite=None requires Secure."
    `);
    expect(evidence).toContain('  set-cookie: sid=[redacted]; Path=/; SameSite=None\n');
    expect(evidence).toContain('  set-cookie: theme=[redacted]; path=/app');
  });

  it('passes when any of several Set-Cookie lines with the name matches, and shows each when none does', async () => {
    const res = await got(`${server.url}${route('sid=; Path=/old; Max-Age=0', `sid=${SECRET}; Path=/`)}`, {
      throwHttpErrors: false,
    });
    expect(res).toHaveCookie('sid', { path: '/' });
    expect(res).toHaveCookie('sid', { path: '/old', maxAge: 0, value: '' });
    const message = failureOf(() => expect(res).toHaveCookie('sid', { path: '/new' }));
    expect(message).toContain('Cookie "sid" (Set-Cookie 1 of 2 with this name) differs in 1 attribute:');
    expect(message).toContain('Cookie "sid" (Set-Cookie 2 of 2 with this name) differs in 1 attribute:');
    expect(message).not.toContain(SECRET);
  });

  it('reads attributes as a browser does: the last one wins, bad values are ignored and said so', async () => {
    const res = await undiciRequest(
      `${server.url}${route('a=1; Max-Age=60; max-age=120; Path=relative; Expires=someday; SameSite=sometimes')}`,
    );
    cleanups.push(() => res.body.dump());
    expect(res).toHaveCookie('a', { maxAge: 120 });
    expect(res).not.toHaveCookie('a', { path: 'relative' });
    const message = failureOf(() =>
      expect(res).toHaveCookie('a', { path: '/', expires: expect.any(Date), sameSite: 'Lax' }),
    );
    expect(message).toContain('relative (does not start with /: browsers ignore it)');
    expect(message).toContain('someday (not a cookie date: browsers ignore it)');
    expect(message).toContain('sometimes (not Strict, Lax or None: browsers ignore it)');

    const partitioned = await get(route('chip=1; SECURE; partitioned; Path=/', 'plain=1'));
    expect(partitioned).toHaveCookie('chip', { partitioned: true, secure: true });
    expect(partitioned).toHaveCookie('plain', { partitioned: false });
    expect(failureOf(() => expect(partitioned).toHaveCookie('plain', { partitioned: true }))).toContain(
      '  partitioned   yes        no',
    );
  });

  it('explains a value that is the expected one quoted or URL-encoded, without showing it', async () => {
    const res = await get(route('greeting="hello"', 'name=J%C3%BCrgen%20M'));
    expect(failureOf(() => expect(res).toHaveCookie('greeting', { value: 'hello' }))).toContain(
      'The received value is the expected one in double quotes',
    );
    expect(failureOf(() => expect(res).toHaveCookie('name', { value: 'Jürgen M' }))).toContain(
      'The received value is the expected one URL-encoded',
    );
    expect(res).toHaveCookie('name', { value: encodeURIComponent('Jürgen M') });
  });

  it('warns about cookies browsers reject', async () => {
    const res = await get(route('__Host-id=abcd; Path=/app; Secure', 'x=1; SameSite=None'));
    expect(failureOf(() => expect(res).toHaveCookie('__Host-id', { httpOnly: true }))).toContain(
      'Browsers reject this cookie: a __Host- name requires Secure, Path=/ and no Domain.',
    );
    expect(failureOf(() => expect(res).toHaveCookie('x', { secure: true }))).toContain(
      'Browsers reject this cookie: SameSite=None requires Secure.',
    );
  });

  it('leaves the response usable: the body can still be read after the assertion', async () => {
    const res = await get(route(THEME));
    expect(res).toHaveCookie('theme');
    expect(() => expect(res).toHaveCookie('sid')).toThrow();
    await expect(res.json()).resolves.toEqual({ status: 200 });
  });

  it('throws a usage error for a bad name or expectation, also under .not', async () => {
    const res = await get(route(THEME));
    for (const bad of ['', 42, null, undefined, 'a b', 'a;b']) {
      expect(() => expect(res).toHaveCookie(bad as never)).toThrow(HttpMatcherUsageError);
      expect(() => expect(res).not.toHaveCookie(bad as never)).toThrow(/toHaveCookie: name must be a cookie name/);
    }
    expect(() => expect(res).not.toHaveCookie('theme=dark')).toThrow(
      'To check the value, pass it in the second argument: toHaveCookie("theme", { value: … }).',
    );
    expect(() => expect(res).not.toHaveCookie('theme', 'dark' as never)).toThrow(
      'toHaveCookie: expected must be an object such as { value: \'abc\', httpOnly: true }; got "dark". To check only the value, pass { value: … }.',
    );
    expect(() => expect(res).not.toHaveCookie('theme', { httponly: true, maxage: 1, colour: 'red' } as never)).toThrow(
      'toHaveCookie: expected has unknown keys "httponly" (did you mean httpOnly?), "maxage" (did you mean maxAge?), "colour". Known keys: value, httpOnly, secure, partitioned, sameSite, path, domain, maxAge, expires.',
    );
    const badValues: Array<[object, RegExp]> = [
      [{ value: 42 }, /expected\.value must be a string, a RegExp or an asymmetric matcher/],
      [{ httpOnly: 'yes' }, /expected\.httpOnly must be true or false/],
      [{ sameSite: 'strictly' }, /expected\.sameSite must be 'Strict', 'Lax' or 'None'/],
      [{ path: '' }, /expected\.path must be a non-empty string/],
      [{ maxAge: '3600' }, /expected\.maxAge must be a whole number of seconds/],
      [{ expires: 'tomorrow' }, /expected\.expires must be a valid Date or an asymmetric matcher/],
      [{ expires: new Date('nope') }, /expected\.expires must be a valid Date/],
    ];
    for (const [expectation, error] of badValues) {
      expect(() => expect(res).not.toHaveCookie('theme', expectation as never)).toThrow(error);
    }
    expect(() => expect(200).not.toHaveCookie('theme')).toThrow(
      'toHaveCookie: received the bare status code 200, which has no headers',
    );
  });
});

async function get(path: string): Promise<Response> {
  const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
  cleanups.push(() => (res.bodyUsed ? undefined : res.body?.cancel()));
  return res;
}

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cookieExpectation = fc.record(
  {
    value: textArgument,
    httpOnly: fc.oneof(fc.boolean(), fc.anything({ maxDepth: 0 })),
    secure: fc.boolean(),
    partitioned: fc.boolean(),
    sameSite: fc.oneof(fc.mixedCase(fc.constantFrom('strict', 'lax', 'none', 'bogus')), fc.anything({ maxDepth: 0 })),
    path: fc.oneof(fc.constantFrom('/', '/app', ''), fc.anything({ maxDepth: 0 })),
    domain: fc.oneof(fc.constantFrom('example.test', '.Example.Test'), fc.anything({ maxDepth: 0 })),
    maxAge: fc.oneof(fc.integer(), fc.double()),
    expires: fc.oneof(fc.date(), fc.constant(new Date(Number.NaN)), asymmetric),
    unknownKey: fc.anything({ maxDepth: 0 }),
  },
  { requiredKeys: [] },
);

const cases = matcherCases('toHaveCookie', {
  mode: 'sync',
  fuzzArgs: either(
    fc.oneof(
      fc.tuple(fc.constantFrom('session', 'a', '', 'Session')),
      fc.tuple(fc.oneof(fc.constantFrom('session', 'a'), fc.string()), cookieExpectation),
    ),
  ),
  withRegExp: (re) => ['session', { value: re }],
  secrets: [
    on(401, false, 'session', { value: 'wrong' }),
    on(401, true, 'session'),
    on(401, false, 'csrf', { httpOnly: true }),
    on(401, false, 'missing'),
  ],
  hostile: ['session'],
  keepsBody: ['session'],
});

harden(cases);
