import type { IncomingMessage, ServerResponse } from 'node:http';
import { get as httpGet } from 'node:http';
import fc from 'fast-check';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpMatcherUsageError, readBody, responseSpec } from '../../src/index.js';
import { toMatchResponse } from '../../src/matchers/to-match-response.js';
import { asymmetric, jsonValue } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on } from '../hardening/harden.js';
import { realClients } from '../helpers/clients.js';
import { asyncFailureOf } from '../helpers/message.js';
import { OpaqueRedirect } from '../helpers/shapes.js';
import { startServer, statusRoutes, type TestServer } from '../helpers/server.js';

expect.extend({ toMatchResponse });

const USER = { id: 7, name: 'Ada', role: 'admin' };

function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/users')
    res
      .writeHead(201, {
        'content-type': 'application/json; charset=utf-8',
        location: '/users/7',
        'set-cookie': 'sid=abc123; HttpOnly; Path=/',
      })
      .end(JSON.stringify(USER));
  else if (path === '/gone')
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
  else if (path === '/hello') res.writeHead(200, { 'content-type': 'text/plain' }).end('hello world');
  else statusRoutes(req, res);
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());

const { clients, release } = realClients(() => server.url);
afterEach(release);

const incoming = (path: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => httpGet(`${server.url}${path}`, resolve).on('error', reject));

const CREATED = {
  status: 201,
  headers: { Location: '/users/7', 'content-type': /json/ },
  contentType: 'json',
  cookies: { sid: { httpOnly: true, path: '/' } },
  json: { id: 7, name: expect.any(String) },
  text: /"role":"admin"/,
  schema: z.object({ id: z.number(), name: z.string() }),
} as const;

describe('toMatchResponse', () => {
  it.each([
    ...clients.map((c) => [c.name, () => c.get('/users')] as const),
    ['http.get', () => incoming('/users')] as const,
  ])('passes on a %s response when every part matches, and .not fails', async (_name, get) => {
    const res = await get();
    await expect(res).toMatchResponse(CREATED);
    const message = await asyncFailureOf(async () => expect(res).not.toMatchResponse(CREATED));
    expect(message).toContain('expect(response).not.toMatchResponse(expected)');
    expect(message).toContain(
      'Every part matches: status, header Location, header content-type, content type, cookie "sid", JSON body, text body, JSON body.',
    );
    // The read is shared: the test can still get the body.
    expect((await readBody(res)).json()).toEqual(USER);
  });

  it('lists every part that differs in one message: the status explained, a header, a JSON member', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await fetch(`${server.url}/gone`)).toMatchResponse({
        status: 201,
        headers: { location: '/users/7', 'content-type': /json/ },
        json: { id: 7 },
      }),
    );
    expect(message).toContain(
      'Expected response: status 201 Created (2xx Successful); header location "/users/7"; header content-type matching /json/; JSON body matching the expected subset\nReceived status:   404 Not Found (4xx Client Error)',
    );
    expect(message).toContain('Meaning: ');
    expect(message).toContain('3 parts differ (of 4): status, header location, JSON body');
    expect(message).toContain('✗ status: expected 201 Created (2xx Successful)\n\n✗ header location');
    expect(message).toContain('✗ header location: expected "/users/7"\n  The response has no location header.');
    expect(message).toContain('✗ JSON body: expected matching the expected subset');
    expect(message).toContain('  -   "id": 7,');
    // The part that matched is not among the differences.
    expect(message).not.toContain('✗ header content-type');
  });

  it('with exact: true, json is the whole body, not a subset', async () => {
    const res = await fetch(`${server.url}/users`);
    await expect(res).toMatchResponse({ json: USER, exact: true });
    await expect(res).toMatchResponse({ json: { id: 7 } });
    await expect(res).not.toMatchResponse({ json: { id: 7 }, exact: true });
    await expect(res).toMatchResponse({ status: '2xx', text: expect.stringContaining('Ada') });
  });

  it('under .not, passes when any one part differs', async () => {
    const res = await fetch(`${server.url}/users`);
    await expect(res).not.toMatchResponse({ ...CREATED, status: 200 });
    await expect(res).not.toMatchResponse({ ...CREATED, cookies: { sid: { secure: true } } });
    await expect(res).not.toMatchResponse({ ...CREATED, json: { id: 8 } });
  });

  it('a cookie, a content type and a schema that differ say so with their own matcher notes', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await fetch(`${server.url}/users`)).toMatchResponse({
        status: 201,
        contentType: 'html',
        cookies: { sid: { secure: true } },
        schema: z.object({ id: z.string() }),
      }),
    );
    expect(message).toContain('3 parts differ (of 4): content type, cookie "sid", JSON body');
    expect(message).toContain('  Received content type: application/json; charset=utf-8');
    expect(message).toContain('Cookie "sid" differs in 1 attribute:');
    expect(message).toContain('  Schema issues (1):');
    expect(message).toContain('id: ');
    // The status was asked for and matched: no Meaning/Hint about a 201.
    expect(message).not.toContain('Meaning:');
    expect(message).not.toContain('abc123');
  });

  it('reads the body only when json, text or schema is asked', async () => {
    const res = await request(`${server.url}/users`);
    await expect(res).toMatchResponse({ status: 201, headers: { location: '/users/7' } });
    // undici's body is a single-use stream: unread by the matcher, the test reads it itself.
    expect(await res.body.json()).toEqual(USER);
  });

  it('says when the body is not JSON', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await fetch(`${server.url}/hello`)).toMatchResponse({ json: { ok: true } }),
    );
    expect(message).toContain('One part differs (of 1): JSON body');
    expect(message).toContain('hello world');
  });

  it('responseSpec returns the expectation, reusable for many responses', async () => {
    const created = responseSpec({ status: 201, headers: { location: expect.any(String) } });
    await expect(await fetch(`${server.url}/users`)).toMatchResponse(created);
    await expect(await request(`${server.url}/users`)).toMatchResponse(created);
    await expect(await fetch(`${server.url}/gone`)).not.toMatchResponse(created);
  });

  it('responseSpec and toMatchResponse name an unknown key and the nearest known one', async () => {
    expect(() => responseSpec({ stauts: 200 } as never)).toThrow(
      'responseSpec: expected has unknown key "stauts" (did you mean status?). Known keys: status, headers, contentType, cookies, json, exact, text, schema.',
    );
    const res = await fetch(`${server.url}/users`);
    expect(() => expect(res).toMatchResponse({ header: {} } as never)).toThrow(
      'toMatchResponse: expected has unknown key "header" (did you mean headers?)',
    );
    expect(() => expect(res).not.toMatchResponse({ JSON: {} } as never)).toThrow('(did you mean json?)');
  });

  it('throws a usage error for each wrong type, thrown before anything async, under .not too', async () => {
    const res = await fetch(`${server.url}/users`);
    const cases: Array<[unknown, string]> = [
      [null, 'toMatchResponse: expected must be an object such as'],
      [{}, 'expected names nothing to check'],
      [{ headers: {}, cookies: {} }, 'expected names nothing to check'],
      [{ status: 'ok' }, "expected.status must be a status code, a non-empty list of them, a class such as '2xx'"],
      [{ status: [200, 99] }, 'expected.status must be a status code'],
      [{ headers: 'location' }, 'expected.headers must be an object'],
      [{ headers: { 'bad name': 'x' } }, 'expected.headers["bad name"]: the name must be a header name'],
      [
        { headers: { location: 7 } },
        'expected.headers["location"] must be a string, a RegExp or an asymmetric matcher; got 7.',
      ],
      [{ contentType: 42 }, 'toMatchResponse: expected.contentType must be one of'],
      [
        { cookies: { sid: { httpOnly: 'yes' } } },
        'toMatchResponse: expected.cookies["sid"].httpOnly must be true or false',
      ],
      [{ cookies: { sid: { vaule: 'x' } } }, 'expected.cookies["sid"] has unknown key "vaule" (did you mean value?)'],
      [{ json: 7 }, 'expected.json must be an object or an array (a subset, as for toMatchObject), unless exact: true'],
      [{ json: {}, exact: 'yes' }, 'expected.exact must be true or false'],
      [{ exact: true, status: 200 }, 'expected.exact applies to json, and there is no json.'],
      [{ text: 7 }, 'expected.text must be a string, a RegExp or an asymmetric matcher'],
      [{ schema: { parse() {} } }, 'expected.schema must be a Standard Schema'],
    ];
    for (const [bad, problem] of cases) {
      expect(() => expect(res).toMatchResponse(bad as never)).toThrow(problem);
      expect(() => expect(res).not.toMatchResponse(bad as never)).toThrow(HttpMatcherUsageError);
      expect(() => responseSpec(bad as never)).toThrow(problem.replace('toMatchResponse:', 'responseSpec:'));
    }
    // A bare status code has no headers to check.
    expect(() => expect(201).toMatchResponse({ headers: { location: '/' } })).toThrow(
      'toMatchResponse: received the bare status code 201, which has no headers',
    );
    await expect(201).toMatchResponse({ status: 201 });
  });

  it('on an opaque redirect, decides a class but refuses a code it cannot see, under .not too', async () => {
    const opaque = new OpaqueRedirect();
    await expect(opaque).toMatchResponse({ status: '3xx' });
    await expect(opaque).not.toMatchResponse({ status: '2xx' });
    for (const assertion of [expect(opaque), expect(opaque).not]) {
      expect(() => assertion.toMatchResponse({ status: 302 })).toThrow(
        "toMatchResponse: received an opaque redirect (fetch with redirect: 'manual' in a browser), whose status code is hidden",
      );
    }
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toMatchResponse', {
  mode: 'async',
  fuzzArgs: either(
    fc.tuple(
      fc.record(
        {
          status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.constantFrom('2xx', '4xx'), asymmetric),
          headers: fc.dictionary(fc.constantFrom('content-type', 'location', 'x-a'), fc.string()),
          json: fc.oneof(fc.object({ maxDepth: 2 }), fc.array(jsonValue, { maxLength: 3 })),
          text: fc.oneof(fc.string(), asymmetric),
        },
        { requiredKeys: [] },
      ),
    ),
  ),
  withRegExp: (re) => [{ text: re }],
  secrets: [
    on(401, false, { status: 200, headers: { authorization: 'wrong', 'set-cookie': /x/ }, json: { missing: true } }),
    on(401, true, { status: 401 }),
    on(401, false, { cookies: { session: { value: 'wrong' } }, text: 'nope' }),
  ],
  hostile: [{ status: 200, headers: { 'x-evil': 'calm' }, json: { title: 'calm' } }],
  bodies: [{ json: { id: 7 } }],
});

harden(cases);
