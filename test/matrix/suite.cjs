// The version-matrix suite: a generic check of every exported matcher (registered, a usage error naming it),
// and one case per matcher, run over every HTTP client the cell has installed, against a real node:http
// server and an msw handler. scripts/matrix.mjs copies this folder
// into each cell, where vitest (vitest.test.mjs) or jest (jest-*.test.cjs) loads it with the package
// installed from the packed tarball. CommonJS so that jest can require it without a transform.
'use strict';

const { createServer } = require('node:http');

// msw answers this host; nothing real is behind it (.test is reserved, RFC 2606).
const MSW_ORIGIN = 'http://api.matrix.test';

/**
 * The routes both the real server and the msw handler answer:
 *   /status/<code>?h.<name>=<value>&body=<text>&type=<content-type>
 * answer <code> with those headers (repeat h.<name> for repeated headers) and body (default JSON).
 */
function route(href) {
  const url = new URL(href, 'http://127.0.0.1');
  const match = /^\/status\/(\d{3})$/.exec(url.pathname);
  if (!match) return { status: 404, headers: [['content-type', 'text/plain']], body: 'no such route' };
  const status = Number(match[1]);
  const headers = [];
  for (const [key, value] of url.searchParams) if (key.startsWith('h.')) headers.push([key.slice(2), value]);
  const empty = status === 204 || status === 304;
  const body = empty ? '' : (url.searchParams.get('body') ?? JSON.stringify({ status }));
  const type = url.searchParams.get('type') ?? (url.searchParams.has('body') ? 'text/plain' : 'application/json');
  if (body !== '' && !headers.some(([name]) => name.toLowerCase() === 'content-type'))
    headers.push(['content-type', type]);
  return { status, headers, body };
}

/** A route path: `at(422, { type: 'application/problem+json', body: '{}', headers: [['x-id', '1']] })`. */
function at(code, { headers = [], body, type } = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of headers) query.append(`h.${name}`, value);
  if (body !== undefined) query.set('body', body);
  if (type !== undefined) query.set('type', type);
  const q = query.toString();
  return `/status/${code}${q ? `?${q}` : ''}`;
}

// A Standard Schema v1 written out by hand, so the cells need no validator library: { id: number }.
const idSchema = {
  '~standard': {
    version: 1,
    vendor: 'matrix',
    validate: (value) =>
      typeof value === 'object' && value !== null && typeof value.id === 'number'
        ? { value }
        : { issues: [{ message: `Expected number, received ${typeof value?.id}`, path: ['id'] }] },
  },
};

function stripAnsi(text) {
  return String(text).replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Runs an assertion that must fail; returns its message as a person reads it: no colours, and the
 * padding that aligns `Expected …:` with `Received status:` squeezed to one space.
 */
async function failureOf(assertion) {
  const error = await errorOf(assertion);
  return stripAnsi(error instanceof Error ? error.message : error).replace(/:[ ]{2,}/g, ': ');
}

/** What a call (sync or async) throws; fails when it does not throw. */
async function errorOf(call) {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the assertion to fail, but it passed');
}

// The class matchers share one shape of case: a code in the class, a code outside it.
const CLASS_CASES = {
  toBeSuccessful: { inside: 200, outside: 500, expected: 'Expected: a 2xx Successful status' },
  toBeRedirect: { inside: '302?h.location=/next', outside: 200, expected: 'Expected: a 3xx Redirection status' },
  toBeClientError: { inside: 404, outside: 500, expected: 'Expected: a 4xx Client Error status' },
  toBeServerError: { inside: 503, outside: 200, expected: 'Expected: a 5xx Server Error status' },
};

function classCase(name, { inside, outside, expected }) {
  return async ({ expect, get, api: { HttpMatcherUsageError } }) => {
    const yes = await get(`/status/${inside}`);
    const no = await get(`/status/${outside}`);
    expect(yes)[name]();
    expect(no).not[name]();
    expect({ res: yes }).toEqual({ res: expect[name]() });
    const message = await failureOf(() => expect(no)[name]());
    expect(message).toContain(`expect(response).${name}()`);
    expect(message).toContain(expected);
    expect(message).toContain(`Received status: ${String(outside).slice(0, 3)}`);
    expect(await failureOf(() => expect(yes).not[name]())).toContain(`.not.${name}()`);
    // A usage error is thrown under .not too, as the class the package exports.
    expect(() => expect(yes).not[name](200)).toThrow(HttpMatcherUsageError);
  };
}

/**
 * One case per matcher: pass, fail (with the message a user reads), .not, and what is special about it.
 * A matcher exported without a case here still gets the generic check (genericCheck below); a case for a
 * matcher that is not exported fails the suite.
 */
const cases = {
  async toHaveStatus({ expect, get, api: { HttpMatcherUsageError } }) {
    const created = await get('/status/201');
    expect(created).toHaveStatus(201);
    expect(created).toHaveStatus([200, 201]);
    expect(created).toHaveStatus(expect.any(Number));
    expect(created).not.toHaveStatus(200);
    expect({ res: created }).toEqual({ res: expect.toHaveStatus(201) });
    const unavailable = await get('/status/503?h.retry-after=120');
    const message = await failureOf(() => expect(unavailable).toHaveStatus(200));
    expect(message).toContain('expect(response).toHaveStatus(expected)');
    expect(message).toContain('Expected status: 200 OK');
    expect(message).toContain('Received status: 503 Service Unavailable (5xx Server Error)');
    expect(message).toContain('Meaning:');
    expect(message).toContain('retry-after: 120');
    expect(await failureOf(() => expect(created).not.toHaveStatus(201))).toContain('Expected status: not 201 Created');
    expect(() => expect(created).toHaveStatus('201')).toThrow(HttpMatcherUsageError);
  },

  async toHaveStatusClass({ expect, get, api: { HttpMatcherUsageError } }) {
    const notFound = await get('/status/404');
    expect(notFound).toHaveStatusClass('4xx');
    expect(notFound).toHaveStatusClass(4);
    expect(notFound).toHaveStatusClass('client-error');
    expect(notFound).not.toHaveStatusClass('2xx');
    const message = await failureOf(() => expect(notFound).toHaveStatusClass('successful'));
    expect(message).toContain('expect(response).toHaveStatusClass(class)');
    expect(message).toContain('Expected: a 2xx Successful status');
    expect(message).toContain('Received status: 404 Not Found (4xx Client Error)');
    expect(() => expect(notFound).not.toHaveStatusClass('6xx')).toThrow(HttpMatcherUsageError);
  },

  // No client hands a test a final 1xx response, so this case uses the plain-object form.
  async toBeInformational({ expect, get, api: { HttpMatcherUsageError } }) {
    const early = { status: 103, headers: { link: '</style.css>; rel=preload' } };
    const ok = await get('/status/200');
    expect(early).toBeInformational();
    expect(ok).not.toBeInformational();
    const message = await failureOf(() => expect(ok).toBeInformational());
    expect(message).toContain('Expected: a 1xx Informational status');
    expect(message).toContain('Received status: 200 OK (2xx Successful)');
    expect(() => expect(ok).toBeInformational(101)).toThrow(HttpMatcherUsageError);
  },

  ...Object.fromEntries(Object.entries(CLASS_CASES).map(([name, spec]) => [name, classCase(name, spec)])),

  async toBeRedirectWithLocation({ expect, get, api: { HttpMatcherUsageError } }) {
    const seeOther = await get('/status/303?h.location=/login');
    expect(seeOther).toBeRedirectWithLocation();
    expect(seeOther).toBeRedirectWithLocation('/login', { status: 303 });
    expect(seeOther).toBeRedirectWithLocation(/\/login$/);
    expect(seeOther).not.toBeRedirectWithLocation('/home');
    const message = await failureOf(() => expect(seeOther).toBeRedirectWithLocation('/home'));
    expect(message).toContain('expect(response).toBeRedirectWithLocation(location)');
    expect(message).toContain('Received status: 303 See Other');
    expect(message).toContain('Received location: /login');
    const ok = await get('/status/200');
    expect(await failureOf(() => expect(ok).toBeRedirectWithLocation('/login'))).toContain('Received status: 200 OK');
    expect(() => expect(seeOther).toBeRedirectWithLocation('/login', { status: 304 })).toThrow(HttpMatcherUsageError);
  },

  async toHaveHeader({ expect, get, api: { HttpMatcherUsageError } }) {
    const res = await get(
      at(200, {
        headers: [
          ['cache-control', 'no-store'],
          ['x-request-id', 'req-42'],
        ],
      }),
    );
    expect(res).toHaveHeader('x-request-id');
    expect(res).toHaveHeader('Cache-Control', 'no-store');
    expect(res).toHaveHeader('cache-control', /no-store/);
    expect(res).not.toHaveHeader('etag');
    const message = await failureOf(() => expect(res).toHaveHeader('cache-control', 'max-age=60'));
    expect(message).toContain('expect(response).toHaveHeader(');
    expect(message).toContain('no-store');
    expect(message).toContain('Received status: 200 OK');
    expect(await failureOf(() => expect(res).toHaveHeader('etag'))).toContain('etag');
    expect(() => expect(res).toHaveHeader(42)).toThrow(HttpMatcherUsageError);
  },

  async toHaveContentType({ expect, get, api: { HttpMatcherUsageError } }) {
    const problem = await get(
      at(422, { type: 'application/problem+json; charset=utf-8', body: '{"title":"Invalid"}' }),
    );
    expect(problem).toHaveContentType('json');
    expect(problem).toHaveContentType('application/problem+json', { charset: 'UTF-8' });
    expect(problem).not.toHaveContentType('html');
    const message = await failureOf(() => expect(problem).toHaveContentType('html'));
    expect(message).toContain('expect(response).toHaveContentType(');
    expect(message).toContain('application/problem+json');
    expect(message).toContain('Received status: 422');
    expect(() => expect(problem).toHaveContentType(42)).toThrow(HttpMatcherUsageError);
  },

  async toHaveCookie({ expect, get, api: { HttpMatcherUsageError } }) {
    const secret = 's3cr3t-session-value';
    const res = await get(
      at(200, {
        headers: [
          ['set-cookie', `session=${secret}; Path=/; HttpOnly; SameSite=Lax`],
          ['set-cookie', 'theme=dark; Path=/'],
        ],
      }),
    );
    expect(res).toHaveCookie('session');
    expect(res).toHaveCookie('session', { httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res).toHaveCookie('theme', { value: 'dark' });
    expect(res).not.toHaveCookie('missing');
    const message = await failureOf(() => expect(res).toHaveCookie('session', { secure: true }));
    expect(message).toContain('expect(response).toHaveCookie(');
    expect(message).toMatch(/secure/i);
    // The cookie's value is a secret: never in the message.
    expect(message).not.toContain(secret);
    expect(() => expect(res).toHaveCookie(42)).toThrow(HttpMatcherUsageError);
  },

  async toHaveJsonBody({ expect, get, api: { HttpMatcherUsageError, readBody } }) {
    const res = await get(at(200, { body: JSON.stringify({ id: 1, name: 'Ada' }), type: 'application/json' }));
    await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
    await expect(res).toHaveJsonBody();
    await expect(res).not.toHaveJsonBody({ id: 2, name: 'Ada' });
    // The body is still there for the test after the matchers read it.
    expect((await readBody(res)).json()).toEqual({ id: 1, name: 'Ada' });
    const html = await get(at(502, { body: '<html><body>Bad gateway</body></html>', type: 'text/html' }));
    const message = await failureOf(() => expect(html).toHaveJsonBody({ id: 1 }));
    expect(message).toContain('expect(response).toHaveJsonBody(');
    expect(message).toContain('Received status: 502 Bad Gateway');
    expect(message).toContain('text/html');
    expect(message).not.toContain('SyntaxError');
    expect(await errorOf(() => expect('{"id":1}').toHaveJsonBody())).toBeInstanceOf(HttpMatcherUsageError);
  },

  async toMatchJsonBody({ expect, get, api: { HttpMatcherUsageError } }) {
    const res = await get(
      at(200, { body: JSON.stringify({ user: { id: 7, role: 'admin' }, tags: ['a'] }), type: 'application/json' }),
    );
    await expect(res).toMatchJsonBody({ user: { role: 'admin' } });
    await expect(res).not.toMatchJsonBody({ user: { role: 'guest' } });
    const message = await failureOf(() => expect(res).toMatchJsonBody({ user: { role: 'guest' } }));
    expect(message).toContain('expect(response).toMatchJsonBody(');
    expect(message).toContain('guest');
    expect(message).toContain('admin');
    expect(await errorOf(() => expect(res).toMatchJsonBody('role'))).toBeInstanceOf(HttpMatcherUsageError);
  },

  async toHaveTextBody({ expect, get, api: { HttpMatcherUsageError } }) {
    const res = await get(at(200, { body: 'pong', type: 'text/plain' }));
    await expect(res).toHaveTextBody('pong');
    await expect(res).toHaveTextBody(/^po/);
    await expect(res).not.toHaveTextBody('ping');
    const message = await failureOf(() => expect(res).toHaveTextBody('ping'));
    expect(message).toContain('expect(response).toHaveTextBody(');
    expect(message).toContain('pong');
    expect(await errorOf(() => expect(res).toHaveTextBody(42))).toBeInstanceOf(HttpMatcherUsageError);
  },

  async toMatchSchema({ expect, get, api: { HttpMatcherUsageError } }) {
    const good = await get(at(200, { body: '{"id":3}', type: 'application/json' }));
    const bad = await get(at(200, { body: '{"id":"3"}', type: 'application/json' }));
    await expect(good).toMatchSchema(idSchema);
    await expect(bad).not.toMatchSchema(idSchema);
    const message = await failureOf(() => expect(bad).toMatchSchema(idSchema));
    expect(message).toContain('expect(response).toMatchSchema(');
    expect(message).toContain('id: Expected number, received string');
    expect(await errorOf(() => expect(good).toMatchSchema({ parse() {} }))).toBeInstanceOf(HttpMatcherUsageError);
  },

  async toBeProblemDetails({ expect, get, api: { HttpMatcherUsageError } }) {
    const body = JSON.stringify({
      type: 'https://example.com/probs/out-of-credit',
      title: 'Out of credit',
      status: 403,
    });
    const problem = await get(at(403, { body, type: 'application/problem+json' }));
    await expect(problem).toBeProblemDetails();
    await expect(problem).toBeProblemDetails({
      type: 'https://example.com/probs/out-of-credit',
      title: expect.any(String),
    });
    const plain = await get(at(500, { body: '{"error":"boom"}', type: 'application/json' }));
    await expect(plain).not.toBeProblemDetails();
    const message = await failureOf(() => expect(plain).toBeProblemDetails());
    expect(message).toContain('expect(response).toBeProblemDetails(');
    expect(message).toContain('application/problem+json');
    expect(message).toContain('Received status: 500 Internal Server Error');
    expect(await errorOf(() => expect(problem).toBeProblemDetails('out-of-credit'))).toBeInstanceOf(
      HttpMatcherUsageError,
    );
  },
};

/**
 * What every exported matcher must do in every runner, known from its name alone: it is registered on expect
 * (and on .not), and `expect(undefined)[name]()` is a usage error of the package's class whose message starts
 * with the matcher's name, under .not too. A body matcher throws it before anything async (Bun replaces a
 * matcher's rejection with an error of its own); a promise a matcher returns anyway is awaited, so it must reject.
 */
async function genericCheck({ expect, name, api: { HttpMatcherUsageError } }) {
  for (const assertion of [expect(undefined), expect(undefined).not]) {
    if (typeof assertion[name] !== 'function') throw new Error(`${name} is not registered on expect`);
    let error;
    try {
      const result = assertion[name]();
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') await result;
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HttpMatcherUsageError);
    expect(error.message.startsWith(`${name}: `)).toBe(true);
  }
}

/**
 * The clients a cell can have. Each gets a response for a route path; `finish` reads what is left of
 * the body, which proves the matchers left the response usable.
 */
function makeClients(libs, state) {
  const clients = [
    {
      name: 'fetch',
      get: (path) => fetch(`${state.origin}${path}`, { redirect: 'manual' }),
      finish: (res) => res.arrayBuffer(),
    },
  ];
  if (libs.undici) {
    clients.push({
      name: `undici.request`,
      get: (path) => libs.undici.request(`${state.origin}${path}`),
      // A body matcher may have read (and cached) the stream already; otherwise drain it.
      finish: (res) => (res.body.readableEnded || res.body.destroyed ? undefined : res.body.dump()),
    });
  }
  if (libs.got) {
    clients.push({
      name: 'got',
      get: (path) =>
        libs.got(`${state.origin}${path}`, { throwHttpErrors: false, followRedirect: false, retry: { limit: 0 } }),
      finish: () => undefined,
    });
  }
  if (libs.msw) {
    clients.push({
      name: 'msw + fetch',
      get: (path) => fetch(`${MSW_ORIGIN}${path}`, { redirect: 'manual' }),
      finish: (res) => res.arrayBuffer(),
    });
  }
  return clients;
}

/**
 * Declares the suite in the calling runner. `api` is the package's main entry as the runner loaded it;
 * every key of its `matchers` gets the generic check, and its case if it has one; `snapshots`: the runner has
 * snapshots and the response serializer registered. `libs` holds the client libraries the cell installed ({ undici, got, msw: { http, HttpResponse, setupServer } }).
 */
function defineMatrixSuite({ describe, test, beforeAll, afterAll, expect, api, libs, snapshots = false }) {
  const { matchers } = api;
  const state = { origin: '' };
  let server;
  let mswServer;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const answer = route(req.url ?? '/');
      res.writeHead(answer.status, answer.headers.flat());
      res.end(answer.body === '' ? undefined : answer.body);
    });
    server.keepAliveTimeout = 100;
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.origin = `http://127.0.0.1:${server.address().port}`;
    if (libs.msw) {
      const { http, HttpResponse, setupServer } = libs.msw;
      mswServer = setupServer(
        http.all(`${MSW_ORIGIN}/*`, ({ request }) => {
          const answer = route(request.url);
          return new HttpResponse(answer.body === '' ? null : answer.body, {
            status: answer.status,
            headers: answer.headers,
          });
        }),
      );
      // msw 2 calls the option onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's.
      mswServer.listen({ onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' });
    }
  });

  afterAll(async () => {
    mswServer?.close();
    if (libs.undici) await libs.undici.getGlobalDispatcher().close();
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    }
  });

  test('every matrix case is for an exported matcher', () => {
    expect(Object.keys(cases).filter((name) => !Object.hasOwn(matchers, name))).toEqual([]);
  });

  // Every exported matcher, with no per-matcher knowledge: a matcher added to the package is covered here.
  for (const name of Object.keys(matchers)) {
    test(`${name}: registered on expect, and a usage error naming it for a value that is not a response`, () =>
      genericCheck({ expect, name, api }));
  }

  // The entry registers the snapshot serializer: a response, read first, snapshots as HTTP text (runners that have
  // snapshots and a serializer registered: `snapshots: true`).
  if (snapshots)
    test('a response snapshot is HTTP text, its date masked', async () => {
      const res = await fetch(`${state.origin}${at(200)}`);
      await api.readBody(res);
      expect(res).toMatchInlineSnapshot(`
HTTP 200 OK
content-type: application/json
date: [masked]

{
  "status": 200
}
`);
    });

  const clients = makeClients(libs, state);
  for (const name of Object.keys(matchers).filter((n) => Object.hasOwn(cases, n))) {
    describe(name, () => {
      const run = cases[name];
      for (const client of clients) {
        test(`via ${client.name}`, async () => {
          const responses = [];
          const get = async (path) => {
            const res = await client.get(path);
            responses.push(res);
            return res;
          };
          await run({ expect, get, api, client: client.name });
          for (const res of responses) await client.finish(res);
        });
      }
    });
  }
}

module.exports = { defineMatrixSuite, cases, genericCheck, route, at, failureOf };
