import { get as httpGet, type IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { got } from 'got';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toBeRedirectWithLocation } from '../../src/matchers/to-be-redirect-with-location.js';
import { realClients, type Client } from '../helpers/clients.js';
import { failureOf } from '../helpers/message.js';
import { OpaqueRedirect } from '../helpers/shapes.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { textArgument } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on } from '../hardening/harden.js';

expect.extend({ toBeRedirectWithLocation });

const API = 'http://api.example.test';
// Response.redirect (and so HttpResponse.redirect) needs an absolute URL; a relative Location is set by hand.
const msw = setupServer(
  http.get(`${API}/old`, () => new HttpResponse(null, { status: 302, headers: { Location: '/login' } })),
  http.get(`${API}/login`, () => HttpResponse.text('sign in')),
  http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
);

let server: TestServer;
let port: string;
beforeAll(async () => {
  server = await startServer();
  port = new URL(server.url).port;
  msw.listen({ onUnhandledRequest: 'error' });
});
afterAll(async () => {
  msw.close();
  await server.close();
});

const real = realClients(() => server.url);
afterEach(() => real.release());
const nodeGet: Client = {
  name: 'http.get',
  get: (path) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      httpGet(`${server.url}${path}`, (res) => resolve(res.resume())).on('error', reject);
    }),
};
// Under msw's passthrough, cancelling a fetch body never settles, so this fetch reads its (small) body instead.
const drainedFetch: Client = {
  name: 'fetch',
  async get(path) {
    const res = await manual(path);
    await res.arrayBuffer();
    return res;
  },
};
/** Every client that shows a Location: fetch (redirect: 'manual'), supertest, axios, got, undici.request, http.get. */
const clients: readonly Client[] = [drainedFetch, ...real.clients.filter((c) => c.name !== 'fetch'), nodeGet];
/** The ones whose response does not know its own URL, so a Location is compared as written. */
const NO_URL = new Set(['undici.request']);
const redirectTo = (location: string): string => `/status/302?h.location=${encodeURIComponent(location)}`;

// Locations on another origin or scheme, ending in a path a relative expectation could name.
const path = fc.stringMatching(/^\/([\w.~%-]{1,8}(\/[\w.~%-]{1,6})?)?(\?[\w=&]{0,6})?$/);
const host = fc.constantFrom(
  'evil.example',
  'EVIL.example:8443',
  '127.0.0.2',
  'localhost',
  '[::1]',
  'xn--80ak6aa92e.com',
);
const userinfo = fc.constantFrom('', 'user@', 'user:pw@', '127.0.0.1@', 'a.invalid:80@');
const offOrigin = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('http://', 'https://', 'HTTPS://', 'ws://', 'ftp://', 'https:/', 'http:\\\\'),
      userinfo,
      host,
      path,
    )
    .map(([scheme, user, h, p]) => ({ location: `${scheme}${user}${h}${p}`, path: p })),
  // Relative references that name a host of their own: protocol-relative, and the backslash forms parsers accept.
  fc
    .tuple(fc.constantFrom('//', '/\\', '\\\\', '\\/', '///'), userinfo, host, path)
    .map(([lead, user, h, p]) => ({ location: `${lead}${user}${h}${p}`, path: p })),
  fc
    .tuple(fc.constantFrom('javascript:', 'javascript:alert(1)//', 'data:text/html,', 'mailto:', 'x-app:'), path)
    .map(([scheme, p]) => ({ location: `${scheme}${p}`, path: p })),
);

const manual = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

describe('toBeRedirectWithLocation', () => {
  it('matches a relative Location by the path, the absolute URL, a RegExp or an asymmetric matcher', async () => {
    const res = await manual('/status/302?h.location=/login');
    expect(res).toBeRedirectWithLocation();
    expect(res).toBeRedirectWithLocation('/login');
    expect(res).toBeRedirectWithLocation(`http://127.0.0.1:${port}/login`);
    expect(res).toBeRedirectWithLocation(/\/login$/);
    expect(res).toBeRedirectWithLocation(expect.stringContaining('login'));
    expect(res).not.toBeRedirectWithLocation('/logout');
    expect(res).not.toBeRedirectWithLocation('http://other.example.test/login');
  });

  it('shows the Location as sent and as resolved when it goes elsewhere', async () => {
    const res = await manual('/status/302?h.location=/login%3Fnext%3D%2Fcart');
    expect(failureOf(() => expect(res).toBeRedirectWithLocation('/account'))).toMatchInlineSnapshot(`
      "expect(response).toBeRedirectWithLocation(location)

      Expected:        a redirect (300, 301, 302, 303, 307, 308) to "/account"
      Received status: 302 Found (3xx Redirection)

      Meaning: The resource is temporarily at the URI in the Location header, and the client should keep using the original URI for later requests. (RFC 9110 §15.4.3)
      Hint:    Clients often turn a POST into a GET when following it; 307 keeps the method and body, 303 switches to GET on purpose. This response is the 3xx itself: the client did not follow it (fetch, axios and got follow by default).

      Received location: /login?next=/cart (resolves to http://127.0.0.1:PORT/login?next=/cart)

      URL: http://127.0.0.1:PORT/status/302?h.location=/login%3Fnext%3D%2Fcart

      Response headers (2 of 6 shown):
        content-type: application/json
        location: /login?next=/cart"
    `);
  });

  it('checks options.status: a 303 after a POST', async () => {
    const res = await manual('/status/303?h.location=/orders/7', { method: 'POST' });
    expect(res).toBeRedirectWithLocation('/orders/7', { status: 303 });
    const found = await manual('/status/302?h.location=/orders/7', { method: 'POST' });
    expect(found).not.toBeRedirectWithLocation('/orders/7', { status: 303 });
    expect(failureOf(() => expect(found).toBeRedirectWithLocation('/orders/7', { status: 303 })))
      .toMatchInlineSnapshot(`
        "expect(response).toBeRedirectWithLocation(location, options)

        Expected:        a redirect (303) to "/orders/7"
        Received status: 302 Found (3xx Redirection)

        Meaning: The resource is temporarily at the URI in the Location header, and the client should keep using the original URI for later requests. (RFC 9110 §15.4.3)
        Hint:    Clients often turn a POST into a GET when following it; 307 keeps the method and body, 303 switches to GET on purpose. This response is the 3xx itself: the client did not follow it (fetch, axios and got follow by default).

        Received location: /orders/7 (resolves to http://127.0.0.1:PORT/orders/7)

        URL: http://127.0.0.1:PORT/status/302?h.location=/orders/7

        Response headers (2 of 6 shown):
          content-type: application/json
          location: /orders/7"
      `);
  });

  it('does not count 304 Not Modified as a redirect, and says why', async () => {
    const res = await manual('/status/304?h.etag=%22v1%22');
    expect(res).not.toBeRedirectWithLocation();
    expect(failureOf(() => expect(res).toBeRedirectWithLocation())).toMatchInlineSnapshot(`
      "expect(response).toBeRedirectWithLocation()

      Expected:        a redirect (300, 301, 302, 303, 307, 308) with a Location
      Received status: 304 Not Modified (3xx Redirection)

      Meaning: The client's cached copy is still current, so the server answers a conditional request without a body. (RFC 9110 §15.4.5)
      Hint:    The request was conditional (If-None-Match or If-Modified-Since) and the cached copy is still valid, so there is no body; drop those headers if you expected a 200.

      304 Not Modified is a 3xx but not a redirect: it answers a conditional request (If-None-Match / If-Modified-Since).

      URL: http://127.0.0.1:PORT/status/304?h.etag=%22v1%22

      Response headers (1 of 4 shown):
        etag: "v1""
    `);
  });

  it('fails on a redirect with no Location', async () => {
    const res = await manual('/status/307');
    expect(failureOf(() => expect(res).toBeRedirectWithLocation('/login'))).toMatchInlineSnapshot(`
      "expect(response).toBeRedirectWithLocation(location)

      Expected:        a redirect (300, 301, 302, 303, 307, 308) to "/login"
      Received status: 307 Temporary Redirect (3xx Redirection)

      Meaning: The resource is temporarily at the URI in Location, and the client must repeat the request there with the same method and body. (RFC 9110 §15.4.8)
      Hint:    Unlike 302, the method and body are kept, so a POST is sent again as a POST; check Location and whether your client follows redirects on its own.

      The response has no Location header, so the client has nowhere to go.

      URL: http://127.0.0.1:PORT/status/307

      Response headers (1 of 5 shown):
        content-type: application/json"
    `);
  });

  it("explains fetch's default redirect: 'follow' and names the option that stops it", async () => {
    const res = await fetch(`${server.url}/status/302?h.location=/status/200`);
    expect(failureOf(() => expect(res).toBeRedirectWithLocation('/status/200'))).toMatchInlineSnapshot(`
      "expect(response).toBeRedirectWithLocation(location)

      Expected:        a redirect (300, 301, 302, 303, 307, 308) to "/status/200"
      Received status: 200 OK (2xx Successful)

      The client already followed the redirect: this is the final response, not the 3xx. To assert on the redirect itself, pass { redirect: 'manual' } to fetch.

      Final URL (after redirects): http://127.0.0.1:PORT/status/200

      Response headers (1 of 5 shown):
        content-type: application/json"
    `);
  });

  it('explains got following the redirect and names followRedirect: false', async () => {
    const res = await got(`${server.url}/status/301?h.location=/status/200`, { retry: { limit: 0 } });
    expect(failureOf(() => expect(res).toBeRedirectWithLocation('/status/200'))).toContain(
      'To assert on the redirect itself, pass followRedirect: false to got.',
    );
    const stopped = await got(`${server.url}/status/301?h.location=/status/200`, {
      retry: { limit: 0 },
      followRedirect: false,
      throwHttpErrors: false,
    });
    expect(stopped).toBeRedirectWithLocation('/status/200', { status: 301 });
  });

  it('resolves a relative Location from an msw handler against the mocked URL', async () => {
    const res = await fetch(`${API}/old`, { redirect: 'manual' });
    expect(res).toBeRedirectWithLocation('/login', { status: 302 });
    expect(res).toBeRedirectWithLocation(`${API}/login`);
    expect(failureOf(() => expect(res).toBeRedirectWithLocation('/home'))).toMatchInlineSnapshot(`
      "expect(response).toBeRedirectWithLocation(location)

      Expected:        a redirect (300, 301, 302, 303, 307, 308) to "/home"
      Received status: 302 Found (3xx Redirection)

      Meaning: The resource is temporarily at the URI in the Location header, and the client should keep using the original URI for later requests. (RFC 9110 §15.4.3)
      Hint:    Clients often turn a POST into a GET when following it; 307 keeps the method and body, 303 switches to GET on purpose. This response is the 3xx itself: the client did not follow it (fetch, axios and got follow by default).

      Received location: /login (resolves to http://api.example.test/login)

      URL: http://api.example.test/old

      Response headers:
        location: /login"
    `);
  });

  it('explains an msw redirect that fetch followed', async () => {
    const res = await fetch(`${API}/old`);
    expect(failureOf(() => expect(res).toBeRedirectWithLocation('/login'))).toMatchInlineSnapshot(`
      "expect(response).toBeRedirectWithLocation(location)

      Expected:        a redirect (300, 301, 302, 303, 307, 308) to "/login"
      Received status: 200 OK (2xx Successful)

      The client already followed the redirect: this is the final response, not the 3xx. To assert on the redirect itself, pass { redirect: 'manual' } to fetch.

      Final URL (after redirects): http://api.example.test/login

      Response headers:
        content-length: 7
        content-type: text/plain"
    `);
  });

  it('compares the Location as written when the client kept no URL (undici.request)', async () => {
    const res = await undiciRequest(`${server.url}/status/302?h.location=/login`);
    await res.body.dump();
    expect(res).toBeRedirectWithLocation('/login');
    expect(res).not.toBeRedirectWithLocation('/logout');
    // Which origin a relative Location is on is unknown here, so no absolute URL can be said to match it.
    expect(res).not.toBeRedirectWithLocation(`http://127.0.0.1:${port}/login`);
    // An absolute Location matches only that absolute URL: the same path on another host is another place.
    const elsewhere = await undiciRequest(`${server.url}/status/302?h.location=http://evil.example.test/login`);
    await elsewhere.body.dump();
    expect(elsewhere).not.toBeRedirectWithLocation(`http://127.0.0.1:${port}/login`);
    expect(elsewhere).not.toBeRedirectWithLocation('/login');
    expect(elsewhere).toBeRedirectWithLocation('HTTP://EVIL.example.test:80/login');
    expect(failureOf(() => expect(res).toBeRedirectWithLocation(`http://127.0.0.1:${port}/login`)))
      .toMatchInlineSnapshot(`
        "expect(response).toBeRedirectWithLocation(location)

        Expected:        a redirect (300, 301, 302, 303, 307, 308) to "http://127.0.0.1:PORT/login"
        Received status: 302 Found (3xx Redirection)

        Meaning: The resource is temporarily at the URI in the Location header, and the client should keep using the original URI for later requests. (RFC 9110 §15.4.3)
        Hint:    Clients often turn a POST into a GET when following it; 307 keeps the method and body, 303 switches to GET on purpose. This response is the 3xx itself: the client did not follow it (fetch, axios and got follow by default).

        Received location: /login (this response does not know its URL, so a relative Location matches only the same relative path)

        Response headers (2 of 6 shown):
          content-type: application/json
          location: /login"
      `);
    expect(failureOf(() => expect(elsewhere).toBeRedirectWithLocation('/login'))).toMatchInlineSnapshot(`
      "expect(response).toBeRedirectWithLocation(location)

      Expected:        a redirect (300, 301, 302, 303, 307, 308) to "/login"
      Received status: 302 Found (3xx Redirection)

      Meaning: The resource is temporarily at the URI in the Location header, and the client should keep using the original URI for later requests. (RFC 9110 §15.4.3)
      Hint:    Clients often turn a POST into a GET when following it; 307 keeps the method and body, 303 switches to GET on purpose. This response is the 3xx itself: the client did not follow it (fetch, axios and got follow by default).

      Received location: http://evil.example.test/login (this response does not know its URL, so it cannot tell whether this Location is on its origin; expect the full URL)

      Response headers (2 of 6 shown):
        content-type: application/json
        location: http://evil.example.test/login"
    `);
  });

  it.each(clients.map((c) => [c.name, c] as const))(
    'never matches a relative expectation to a Location on another origin or scheme (%s)',
    async (_, client) => {
      for (const [location, wanted] of [
        ['https://evil.example/login', '/login'],
        ['//evil.example/login', '/login'],
        ['/\\evil.example/login', '/login'],
        [`http://127.0.0.1:${port}@evil.example/login`, '/login'],
        ['javascript:alert(1)//', '/'],
      ]) {
        const res = await client.get(redirectTo(location!));
        expect(res).not.toBeRedirectWithLocation(wanted);
        expect(res).toBeRedirectWithLocation(location);
      }
      const here = await client.get(redirectTo('/login'));
      expect(here).toBeRedirectWithLocation('/login');
      // Resolved against the request URL where the client kept it; compared as written where it did not.
      const absolute = `http://127.0.0.1:${port}/login`;
      if (NO_URL.has(client.name)) expect(here).not.toBeRedirectWithLocation(absolute);
      else expect(here).toBeRedirectWithLocation(absolute);
    },
  );

  it('says where a Location on another host leads, and that a relative expectation does not match it', async () => {
    const res = await manual(redirectTo('//evil.example/login'));
    expect(failureOf(() => expect(res).toBeRedirectWithLocation('/login'))).toContain(
      'Received location: //evil.example/login (resolves to http://evil.example/login)',
    );
    const bare = { status: 302, headers: { location: 'javascript:alert(1)//' } };
    expect(failureOf(() => expect(bare).toBeRedirectWithLocation('/'))).toContain(
      'Received location: javascript:alert(1)// (this response does not know its URL, so it cannot tell whether this Location is on its origin; expect the full URL)',
    );
  });

  it('property: no generated Location on another origin or scheme matches the relative path it ends in', async () => {
    await fc.assert(
      fc.asyncProperty(offOrigin, fc.constantFrom(...clients), async ({ location, path: wanted }, client) => {
        for (const res of [await client.get(redirectTo(location)), { status: 302, headers: { location } }]) {
          expect(res).not.toBeRedirectWithLocation(wanted);
          expect(failureOf(() => expect(res).toBeRedirectWithLocation(wanted))).toContain('Received location: ');
        }
        await real.release();
      }),
      { numRuns: 60 },
    );
  });

  it('property: a relative Location matches its own path on every client, and its absolute URL where the URL is known', async () => {
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom(...clients), async (location, client) => {
        const res = await client.get(redirectTo(location));
        expect(res).toBeRedirectWithLocation(location);
        const absolute = `http://127.0.0.1:${port}${location}`;
        if (NO_URL.has(client.name)) expect(res).not.toBeRedirectWithLocation(absolute);
        else expect(res).toBeRedirectWithLocation(absolute);
        await real.release();
      }),
      { numRuns: 40 },
    );
  });

  it('passes on an opaque redirect only when nothing about its hidden code or Location is asked', () => {
    // Browsers' fetch with redirect: 'manual' returns this; Node's never does, and Response refuses status 0.
    const opaque = {
      status: 0,
      type: 'opaqueredirect',
      url: 'http://app.example.test/old',
      redirected: false,
      bodyUsed: false,
      headers: new Headers(),
      clone: () => opaque,
    };
    expect(opaque).toBeRedirectWithLocation();
    expect(failureOf(() => expect(opaque).toBeRedirectWithLocation('/login'))).toMatchInlineSnapshot(`
      "expect(response).toBeRedirectWithLocation(location)

      Expected:        a redirect (300, 301, 302, 303, 307, 308) to "/login"
      Received status: 0 (an opaque redirect: fetch hides the real status)

      Meaning: An opaque redirect. With redirect: "manual", fetch in a browser or service worker hides the status and Location of a redirect (Node's fetch shows them).
      Hint:    toBeRedirect() and toBeRedirectWithLocation() without arguments pass on it; to check where it leads, let fetch follow the redirect and assert on res.url.

      URL: http://app.example.test/old"
    `);
  });

  it('fails both ways when a Location or code is asked of an opaque redirect, and says why', () => {
    // What a browser's fetch(url, { redirect: 'manual' }) returns; Node's fetch shows the real 3xx instead.
    const opaque = new OpaqueRedirect();
    expect(opaque).toBeRedirectWithLocation();
    for (const [location, options] of [
      ['/login', undefined],
      [/login/, undefined],
      [expect.anything(), undefined],
      [undefined, { status: 302 }],
    ] as const) {
      expect(() => expect(opaque).not.toBeRedirectWithLocation(location, options)).toThrow(
        'An opaque redirect hides its code and Location',
      );
      expect(() => expect(opaque).toBeRedirectWithLocation(location, options)).toThrow('An opaque redirect.');
    }
    expect(failureOf(() => expect(opaque).not.toBeRedirectWithLocation('/login'))).toMatchInlineSnapshot(`
      "expect(response).not.toBeRedirectWithLocation(location)

      Expected:        not a redirect (300, 301, 302, 303, 307, 308) to "/login"
      Received status: 0 (an opaque redirect: fetch hides the real status)

      An opaque redirect hides its code and Location, so .not cannot tell that it goes elsewhere: it fails, as the assertion does without .not. To check where it leads, let fetch follow the redirect and assert on res.url."
    `);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          path,
          offOrigin.map((o) => o.location),
        ),
        (location) => {
          expect(() => expect(opaque).not.toBeRedirectWithLocation(location)).toThrow('An opaque redirect hides');
        },
      ),
    );
    expect(opaque.bodyUsed).toBe(false);
  });

  it('under .not, says which redirect it did not want', async () => {
    const res = await manual('/status/308?h.location=https://example.test/new');
    expect(failureOf(() => expect(res).not.toBeRedirectWithLocation('https://example.test/new')))
      .toMatchInlineSnapshot(`
        "expect(response).not.toBeRedirectWithLocation(location)

        Expected:        not a redirect (300, 301, 302, 303, 307, 308) to "https://example.test/new"
        Received status: 308 Permanent Redirect (3xx Redirection)

        Received location: https://example.test/new

        URL: http://127.0.0.1:PORT/status/308?h.location=https://example.test/new

        Response headers (2 of 6 shown):
          content-type: application/json
          location: https://example.test/new"
      `);
  });

  it('throws a usage error for a bad location or options, also under .not', async () => {
    const res = await manual('/status/302?h.location=/login');
    expect(res).toBeRedirectWithLocation(undefined, { status: 302 });
    expect(res).toBeRedirectWithLocation('/login', {});
    for (const [location, options] of [
      [42, undefined],
      [null, undefined],
      ['/login', { status: 304 }],
      ['/login', { status: '302' }],
      ['/login', 302],
      ['/login', null],
      ['/login', [302]],
    ] as const) {
      expect(() => expect(res).toBeRedirectWithLocation(location as never, options as never)).toThrow(
        HttpMatcherUsageError,
      );
      expect(() => expect(res).not.toBeRedirectWithLocation(location as never, options as never)).toThrow(
        HttpMatcherUsageError,
      );
    }
    expect(failureOf(() => expect(res).toBeRedirectWithLocation(42 as never))).toMatchInlineSnapshot(
      `"toBeRedirectWithLocation: location must be a string, a RegExp or an asymmetric matcher; got 42."`,
    );
    expect(
      failureOf(() => expect(res).toBeRedirectWithLocation('/login', { status: 304 } as never)),
    ).toMatchInlineSnapshot(
      `"toBeRedirectWithLocation: options.status must be one of 300, 301, 302, 303, 307, 308; got 304 (304 Not Modified answers a conditional request; it is not a redirect)."`,
    );
    expect(failureOf(() => expect(res).toBeRedirectWithLocation('/login', 302 as never))).toMatchInlineSnapshot(
      `"toBeRedirectWithLocation: options must be an object { status?: 300 | 301 | 302 | 303 | 307 | 308 }; got 302. To require that code, pass { status: 302 }."`,
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toBeRedirectWithLocation', {
  mode: 'sync',
  fuzzArgs: either(
    fc.oneof(
      fc.constant([]),
      fc.tuple(textArgument),
      fc.tuple(
        fc.oneof(textArgument, fc.constant(undefined)),
        fc.oneof(
          fc.record(
            { status: fc.constantFrom<unknown>(300, 301, 302, 303, 304, 307, 308, 200, '303', undefined) },
            { requiredKeys: [] },
          ),
          fc.anything({ maxDepth: 1 }),
        ),
      ),
    ),
  ),
  withRegExp: (re) => [re],
  secrets: [on(302, false, '/elsewhere'), on(302, true), on(401, false)],
  hostile: ['/elsewhere'],
  keepsBody: ['/x'],
});

harden(cases, { interceptors: [msw] });
