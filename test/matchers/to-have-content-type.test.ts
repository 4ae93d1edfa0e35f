import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toHaveContentType } from '../../src/matchers/to-have-content-type.js';
import { realClients } from '../helpers/clients.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { textArgument } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on } from '../hardening/harden.js';

expect.extend({ toHaveContentType });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const { clients: CLIENTS, cleanups, release } = realClients(() => server.url, { axios: { responseType: 'text' } });
afterEach(release);

/**
 * `/status/<code>` answering with this Content-Type and a small body valid for it (supertest parses
 * bodies by type), or with no body and no Content-Type.
 */
// A body of each kind that parses as its Content-Type says.
const VALID_BODIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/json/i, '{"ok":true}'],
  [/multipart/i, '--abc--\r\n'],
  [/form/i, 'a=1'],
];

function route(code: number, type?: string, body?: string): string {
  if (type === undefined) return `/status/${code}?body=`;
  const valid = VALID_BODIES.find(([re]) => re.test(type))?.[1] ?? 'ok';
  return `/status/${code}?${new URLSearchParams({ type, body: body ?? valid })}`;
}

describe.each(CLIENTS)('toHaveContentType over $name', ({ get }) => {
  it('matches the media type case-insensitively, ignoring parameters', async () => {
    const res = await get(route(200, 'Application/JSON; charset=utf-8'));
    expect(res).toHaveContentType('json');
    expect(res).toHaveContentType('application/json');
    expect(res).toHaveContentType('APPLICATION/Json');
    expect(res).toHaveContentType('application/*');
    expect(res).toHaveContentType(/charset=utf-8/);
    expect(res).not.toHaveContentType('html');
    expect(res).not.toHaveContentType('text/json');
  });

  it("'json' also matches any +json type, such as application/problem+json", async () => {
    const res = await get(route(422, 'application/problem+json'));
    expect(res).toHaveContentType('json');
    expect(res).toHaveContentType('application/problem+json');
    expect(res).not.toHaveContentType('application/json');
    expect(res).not.toHaveContentType('xml');
  });

  it('knows the other shorthands: html, text, xml, form, multipart', async () => {
    expect(await get(route(200, 'text/html; charset=utf-8'))).toHaveContentType('html');
    expect(await get(route(200, 'text/html'))).toHaveContentType('text');
    expect(await get(route(200, 'text/csv'))).toHaveContentType('text');
    expect(await get(route(200, 'text/csv'))).not.toHaveContentType('html');
    expect(await get(route(200, 'application/atom+xml'))).toHaveContentType('xml');
    expect(await get(route(200, 'text/xml'))).toHaveContentType('xml');
    expect(await get(route(200, 'application/x-www-form-urlencoded'))).toHaveContentType('form');
    expect(await get(route(200, 'multipart/form-data; boundary=abc'))).toHaveContentType('multipart');
    expect(await get(route(200, 'application/json'))).not.toHaveContentType('text');
  });

  it('checks the charset parameter, quoted or not, case-insensitively', async () => {
    expect(await get(route(200, 'text/html; charset=UTF-8'))).toHaveContentType('html', { charset: 'utf-8' });
    expect(await get(route(200, 'text/html;charset="utf-8"'))).toHaveContentType('html', { charset: 'UTF-8' });
    const latin = await get(route(200, 'text/html; charset=iso-8859-1'));
    expect(latin).not.toHaveContentType('html', { charset: 'utf-8' });
    const message = failureOf(() => expect(latin).toHaveContentType('html', { charset: 'utf-8' }));
    expect(message).toContain('Expected content type: HTML (text/html) with charset utf-8');
    expect(message).toContain('The media type matches; the charset is "iso-8859-1", not "utf-8".');
    expect(failureOf(() => expect(latin).toHaveContentType('json', { charset: 'iso-8859-1' }))).not.toContain(
      'The media type matches',
    );
  });

  it('fails with the content type it received', async () => {
    const res = await get(route(200, 'text/html; charset=utf-8'));
    const message = failureOf(() => expect(res).toHaveContentType('json'));
    expect(message).toContain('expect(response).toHaveContentType(expected)');
    expect(message).toContain(
      'Expected content type: JSON (application/json or any +json type)\nReceived status:       200 OK (2xx Successful)',
    );
    expect(message).toContain('Received content type: text/html; charset=utf-8');
    expect(message).toContain('HTML where JSON was expected is often an error page');
  });

  it('under .not, fails on a match and says what matched', async () => {
    const res = await get(route(200, 'application/json'));
    const message = failureOf(() => expect(res).not.toHaveContentType('json'));
    expect(message).toContain('expect(response).not.toHaveContentType(expected)');
    expect(message).toContain('Expected content type: not JSON (application/json or any +json type)');
    expect(message).toContain('Received content type: application/json');
  });

  it('says when there is no Content-Type, and that a 204 is not expected to have one', async () => {
    const ok = await get(route(200));
    expect(ok).not.toHaveContentType('json');
    expect(failureOf(() => expect(ok).toHaveContentType('json'))).toContain('The response has no Content-Type header.');
    const empty = await get('/status/204');
    expect(failureOf(() => expect(empty).toHaveContentType('json'))).toContain(
      'The response has no Content-Type header.\nThat is expected: a 204 No Content response has no body, so there is no content to describe.',
    );
  });
});

describe('toHaveContentType', () => {
  it('reads like this when the type differs', async () => {
    const res = await supertest(server.url).get(route(404, 'text/html; charset=utf-8', '<h1>Not Found</h1>'));
    expect(failureOf(() => expect(res).toHaveContentType('json'))).toMatchInlineSnapshot(`
      "expect(response).toHaveContentType(expected)

      Expected content type: JSON (application/json or any +json type)
      Received status:       404 Not Found (4xx Client Error)

      Meaning: The server has nothing at the target URI, or will not admit that something exists there. (RFC 9110 §15.5.5)
      Hint:    Check the path, the ids in it and the base URL (a missing prefix or version segment is common), and that the route is registered. Express answers a wrong method on an existing route with 404 Cannot POST /x, not 405.

      Received content type: text/html; charset=utf-8
      HTML where JSON was expected is often an error page, a proxy's page or a single-page app's index.html served for an unknown path: see the body.

      Request: GET http://127.0.0.1:PORT/status/404?type=text%2Fhtml%3B+charset%3Dutf-8&body=%3Ch1%3ENot+Found%3C%2Fh1%3E

      Response headers (1 of 4 shown):
        content-type: text/html; charset=utf-8

      Body (18 B, HTML as text):
        Not Found"
    `);
  });

  it('leaves the response usable: the body can still be read after the assertion', async () => {
    const res = await fetch(`${server.url}/status/200`);
    expect(res).toHaveContentType('json');
    expect(() => expect(res).toHaveContentType('html')).toThrow();
    await expect(res.json()).resolves.toEqual({ status: 200 });
  });

  it('throws a usage error for a bad expected value or options, also under .not', async () => {
    const res = await fetch(`${server.url}/status/200`);
    cleanups.push(() => res.body?.cancel());
    for (const bad of [undefined, null, 42, '', 'application', 'application/', ['json']]) {
      expect(() => expect(res).toHaveContentType(bad as never)).toThrow(HttpMatcherUsageError);
      expect(() => expect(res).not.toHaveContentType(bad as never)).toThrow(
        /toHaveContentType: expected must be one of 'json', 'html', 'text', 'xml', 'form', 'multipart', a media type/,
      );
    }
    expect(() => expect(res).not.toHaveContentType('jsno' as never)).toThrow("Did you mean 'json'?");
    expect(() => expect(res).not.toHaveContentType('application/json; charset=utf-8')).toThrow(
      'toHaveContentType: expected is a media type without parameters; got "application/json; charset=utf-8". To check the charset, pass { charset: \'…\' } as the second argument',
    );
    expect(() => expect(res).not.toHaveContentType('json', { charst: 'utf-8' } as never)).toThrow(
      'toHaveContentType: options has unknown key "charst"; the only option is charset.',
    );
    expect(() => expect(res).not.toHaveContentType('json', { charset: '' })).toThrow(
      'toHaveContentType: options.charset must be a non-empty string',
    );
    expect(() => expect(res).toHaveContentType('json', 'utf-8' as never)).toThrow(
      "toHaveContentType: options must be an object such as { charset: 'utf-8' }",
    );
    expect(() => expect(204).not.toHaveContentType('json')).toThrow(
      'toHaveContentType: received the bare status code 204, which has no headers',
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toHaveContentType', {
  mode: 'sync',
  fuzzArgs: either(
    fc.tuple(
      fc.oneof(
        fc.mixedCase(
          fc.constantFrom(
            'json',
            'html',
            'text',
            'xml',
            'form',
            'multipart',
            'application/json',
            'image/*',
            '*/*',
            'text/',
            '/json',
            'application/problem+json',
          ),
        ),
        textArgument,
      ),
      fc.oneof(
        fc.constant(undefined),
        fc.record(
          { charset: fc.oneof(fc.constantFrom('utf-8', 'UTF-8', ''), fc.anything({ maxDepth: 0 })) },
          { requiredKeys: [] },
        ),
        fc.anything({ maxDepth: 1 }),
      ),
    ),
  ),
  withRegExp: (re) => [re],
  secrets: [on(401, false, 'html'), on(401, true, 'json')],
  hostile: ['html'],
  keepsBody: ['json'],
});

harden(cases);
