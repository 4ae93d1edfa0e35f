import type { IncomingMessage, ServerResponse } from 'node:http';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import supertest from 'supertest';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError, readBody } from '../../src/index.js';
import { toBeProblemDetails } from '../../src/matchers/to-be-problem-details.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, statusRoutes, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { asymmetric } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on, onProblem, status } from '../hardening/harden.js';

expect.extend({ toBeProblemDetails });

const OUT_OF_CREDIT = {
  type: 'https://example.com/probs/out-of-credit',
  title: 'You do not have enough credit.',
  status: 422,
  detail: 'Your current balance is 30, but that costs 50.',
  instance: '/account/12345/msgs/abc',
  balance: 30,
};
const PROBLEM = { 'Content-Type': 'application/problem+json' };

const API = 'https://api.example.test';
const mock = setupServer(
  http.post(`${API}/purchases`, () => HttpResponse.json(OUT_OF_CREDIT, { status: 422, headers: PROBLEM })),
  http.get(`${API}/blank`, () =>
    HttpResponse.json(
      { title: 'Not Found', status: 404 },
      { status: 404, headers: { 'Content-Type': 'application/problem+json; charset=utf-8' } },
    ),
  ),
  // The usual mistakes: plain JSON, status as a string and not the response's, a type with spaces.
  http.post(`${API}/orders`, () =>
    HttpResponse.json(
      { type: 'validation error', title: 'Invalid order', status: '400', detail: { qty: 'must be positive' } },
      { status: 422 },
    ),
  ),
  http.get(`${API}/list`, () => HttpResponse.json([{ title: 'x' }], { status: 400, headers: PROBLEM })),
  http.get(
    `${API}/gateway`,
    () =>
      new HttpResponse('<html><title>504 Gateway Time-out</title></html>', {
        status: 504,
        headers: { 'Content-Type': 'text/html' },
      }),
  ),
);

function routes(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/problem')
    res
      .writeHead(403, { 'content-type': 'application/problem+json' })
      .end(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403 }));
  else statusRoutes(req, res);
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
  // Mocked API calls must hit a handler; requests to the local server go through.
  mock.listen({
    onUnhandledRequest: (req, print) => (new URL(req.url).hostname === '127.0.0.1' ? undefined : print.error()),
  });
});
afterAll(async () => {
  mock.close();
  await server.close();
});

describe('toBeProblemDetails', () => {
  it('passes on an RFC 9457 problem from an msw handler, with or without expected members', async () => {
    const res = await fetch(`${API}/purchases`, { method: 'POST' });
    await expect(res).toBeProblemDetails();
    await expect(res).toBeProblemDetails({
      type: 'https://example.com/probs/out-of-credit',
      title: expect.any(String),
    });
    await expect(res).toBeProblemDetails({ balance: 30, status: 422 });
    await expect(res).not.toBeProblemDetails({ type: 'https://example.com/probs/other' });
    await expect(res.json()).resolves.toEqual(OUT_OF_CREDIT);
  });

  it('treats an absent type as about:blank and accepts Content-Type parameters', async () => {
    const res = await fetch(`${API}/blank`);
    await expect(res).toBeProblemDetails({ type: 'about:blank', status: 404 });
  });

  it('works on a real server through undici.request and supertest', async () => {
    const undiciRes = await request(`${server.url}/problem`);
    await expect(undiciRes).toBeProblemDetails({ title: 'Forbidden' });
    expect((await readBody(undiciRes)).json()).toMatchObject({ status: 403 });
    await expect(await supertest(routes).get('/problem')).toBeProblemDetails();
  });

  it('names every member that breaks the format, with the RFC section', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await fetch(`${API}/orders`, { method: 'POST' })).toBeProblemDetails(),
    );
    expect(message).toMatchInlineSnapshot(`
      "expect(response).toBeProblemDetails()

      Expected:        problem details (RFC 9457: application/problem+json)
      Received status: 422 Unprocessable Content (4xx Client Error)

      Meaning: The body is well-formed and of a supported type, but its content breaks the server's rules. (RFC 9110 §15.5.21)
      Hint:    The body parsed but failed validation; the response lists the fields and rules that failed, so compare them with your payload. FastAPI, Laravel and Rails answer validation errors with 422 where Express-style APIs use 400.

      Not problem details:
        - Content-Type is application/json, not application/problem+json (RFC 9457 §3).
        - "type" is "validation error", which is not a URI reference: no spaces or other characters a URI cannot hold (RFC 9457 §3.1.1).
        - "status" is the string "400"; it must be a JSON number, the HTTP status code (RFC 9457 §3.1.2).
        - "detail" is an object; it must be a string (RFC 9457 §3.1.4).

      URL: https://api.example.test/orders

      Response headers:
        content-length: 102
        content-type: application/json

      Body (102 B, JSON):
        {
          "type": "validation error",
          "title": "Invalid order",
          "status": "400",
          "detail": {
            "qty": "must be positive"
          }
        }"
    `);
  });

  it('says when "status" differs from the response status', async () => {
    const res = await fetch(
      `${server.url}/status/409?type=application/problem%2Bjson&body=${encodeURIComponent('{"title":"Conflict","status":400}')}`,
    );
    const message = await asyncFailureOf(() => expect(res).toBeProblemDetails());
    expect(message).toContain(
      '  - "status" is 400 but the response status is 409; the RFC requires the same code in both (RFC 9457 §3.1.2).',
    );
  });

  it('diffs the expected members against the problem', async () => {
    const res = await fetch(`${API}/purchases`, { method: 'POST' });
    const message = await asyncFailureOf(() =>
      expect(res).toBeProblemDetails({ type: 'https://example.com/probs/other', title: expect.any(String) }),
    );
    expect(message).toContain(
      'Expected:        problem details (RFC 9457: application/problem+json) with the expected members',
    );
    expect(message).not.toContain('Not problem details');
    expect(message).toContain(
      '- Expected\n+ Received\n\n  {\n    "title": "You do not have enough credit.",\n-   "type": "https://example.com/probs/other",\n+   "type": "https://example.com/probs/out-of-credit",\n  }',
    );
  });

  it('says a body that is not an object, or not JSON, is not problem details', async () => {
    const list = await asyncFailureOf(async () => expect(await fetch(`${API}/list`)).toBeProblemDetails());
    expect(list).toContain('  - The body is an array, not a JSON object (RFC 9457 §3).');
    const page = await asyncFailureOf(async () =>
      expect(await fetch(`${API}/gateway`)).toBeProblemDetails({ status: 504 }),
    );
    expect(page).toContain('Received status: 504 Gateway Timeout (5xx Server Error)');
    expect(page).toContain(
      'Not problem details:\n' +
        '  - Content-Type is text/html, not application/problem+json (RFC 9457 §3).\n' +
        '  - The body is an HTML page, not JSON (Content-Type: text/html): often an error page from a proxy, gateway or the framework, not from your handler.\n' +
        '    Its title: "504 Gateway Time-out".',
    );
  });

  it('under .not, passes on an ordinary JSON response and fails on a problem', async () => {
    await expect(await fetch(`${server.url}/status/200`)).not.toBeProblemDetails();
    const message = await asyncFailureOf(async () =>
      expect(await fetch(`${API}/purchases`, { method: 'POST' })).not.toBeProblemDetails(),
    );
    expect(message).toContain(
      'expect(response).not.toBeProblemDetails()\n\nExpected:        not problem details (RFC 9457: application/problem+json)\nReceived status: 422 Unprocessable Content (4xx Client Error)',
    );
  });

  it('throws a usage error for expected members that are not an object, also under .not', async () => {
    const res = await fetch(`${API}/purchases`, { method: 'POST' });
    // Thrown, not a rejected promise: checked before anything async (Bun loses the class of a rejection).
    expect(() => expect(res).not.toBeProblemDetails('out-of-credit' as never)).toThrow(HttpMatcherUsageError);
    expect(() => expect(res).toBeProblemDetails([1] as never)).toThrow(
      "toBeProblemDetails: expected must be an object of problem members, e.g. { type: 'https://example.com/probs/out-of-credit' }; got [1].",
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toBeProblemDetails', {
  mode: 'async',
  fuzzArgs: either(
    fc.oneof(
      fc.constant([]),
      fc.tuple(
        fc.record(
          {
            type: fc.oneof(
              fc.constantFrom('about:blank', 'https://example.test/probs/x', ''),
              fc.anything({ maxDepth: 0 }),
            ),
            title: fc.oneof(fc.string(), asymmetric),
            status: fc.oneof(status, fc.anything({ maxDepth: 0 })),
            detail: fc.string(),
            instance: fc.string(),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  ),
  secrets: [on(401, false), onProblem(401, true), onProblem(401, false, { title: 'Other' })],
  hostile: [{ title: 'calm' }],
  bodies: [],
});

harden(cases, { interceptors: [mock] });
