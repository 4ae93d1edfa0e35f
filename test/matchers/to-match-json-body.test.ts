import type { IncomingMessage, ServerResponse } from 'node:http';
import { get as httpGet } from 'node:http';
import axios from 'axios';
import supertest from 'supertest';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError, readBody } from '../../src/index.js';
import { toMatchJsonBody } from '../../src/matchers/to-match-json-body.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, statusRoutes, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { asymmetric, jsonValue } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on } from '../hardening/harden.js';

expect.extend({ toMatchJsonBody });

const ORDER = {
  id: 'ord_1',
  customer: { id: 9, email: 'ada@example.com', sessionId: 'sess_abcdef123' },
  items: [
    { sku: 'A-1', qty: 2, price: 9.5 },
    { sku: 'B-7', qty: 1, price: 20 },
  ],
  total: 39,
};

function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/order') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ORDER));
  else if (path === '/maintenance')
    res
      .writeHead(503, { 'content-type': 'text/html', 'retry-after': '60' })
      .end('<html><title>Down for maintenance</title></html>');
  else statusRoutes(req, res);
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`);

describe('toMatchJsonBody', () => {
  it('passes when the body contains the subset, ignoring other members, as toMatchObject does', async () => {
    const res = await get('/order');
    await expect(res).toMatchJsonBody({ id: 'ord_1' });
    await expect(res).toMatchJsonBody({ customer: { id: 9 }, items: [{ sku: 'A-1' }, { sku: expect.any(String) }] });
    await expect(res).not.toMatchJsonBody({ total: 40 });
    // toMatchObject semantics for arrays: element by element, same length.
    await expect(res).not.toMatchJsonBody({ items: [{ sku: 'A-1' }] });
    await expect(res.json()).resolves.toEqual(ORDER);
  });

  it('works on supertest, axios, undici.request and http.get responses', async () => {
    await expect(await supertest(routes).get('/order')).toMatchJsonBody({ total: 39 });
    await expect(await axios.get(`${server.url}/order`)).toMatchJsonBody({ total: 39 });
    const undiciRes = await request(`${server.url}/order`);
    await expect(undiciRes).toMatchJsonBody({ total: 39 });
    await expect(undiciRes).toMatchJsonBody({ id: 'ord_1' });
    const incoming = await new Promise<IncomingMessage>((resolve, reject) =>
      httpGet(`${server.url}/order`, resolve).on('error', reject),
    );
    await expect(incoming).toMatchJsonBody({ items: expect.any(Array) });
    expect((await readBody(incoming)).json()).toEqual(ORDER);
  });

  it('diffs only the members the subset names, with secrets redacted', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await get('/order')).toMatchJsonBody({
        customer: { email: 'ada@example.com', sessionId: 'other' },
        items: [{ qty: 2 }, { qty: 3 }],
      }),
    );
    expect(message).toMatchInlineSnapshot(`
      "expect(response).toMatchJsonBody(subset)

      Expected body:   JSON matching the expected subset
      Received status: 200 OK (2xx Successful)

      - Expected
      + Received

        {
          "customer": {
            "email": "ada@example.com",
      -     "sessionId": "other",
      +     "sessionId": "[redacted]",
          },
          "items": [
            {
              "qty": 2,
            },
            {
      -       "qty": 3,
      +       "qty": 1,
            },
          ],
        }

      URL: http://127.0.0.1:PORT/order

      Response headers (1 of 5 shown):
        content-type: application/json

      Body (177 B, JSON):
        {
          "id": "ord_1",
          "customer": {
            "id": 9,
            "email": "ada@example.com",
            "sessionId": "[redacted]"
          },
          "items": [
            {
              "sku": "A-1",
              "qty": 2,
              "price": 9.5
            },
            {
              "sku": "B-7",
              "qty": 1,
              "price": 20
            }
          ],
          "total": 39
        }"
    `);
    expect(message).not.toContain('sess_abcdef123');
  });

  it('on a 503 HTML page, explains the status and says the body is not JSON', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await get('/maintenance')).toMatchJsonBody({ id: 'ord_1' }),
    );
    expect(message).toContain('Received status: 503 Service Unavailable (5xx Server Error)');
    expect(message).toContain('retry-after: 60');
    expect(message).toContain('The body is an HTML page, not JSON (Content-Type: text/html)');
    expect(message).toContain('Its title: "Down for maintenance".');
  });

  it('under .not, fails when the subset matches', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/order')).not.toMatchJsonBody({ id: 'ord_1' }));
    expect(message).toContain(
      'expect(response).not.toMatchJsonBody(subset)\n\nExpected body:   not JSON matching the expected subset\nReceived status: 200 OK (2xx Successful)',
    );
  });

  it('throws a usage error for a subset that is not an object or array, also under .not', async () => {
    const res = await get('/order');
    // Thrown, not a rejected promise: checked before anything async (Bun loses the class of a rejection).
    for (const bad of ['ord_1', 39, null, undefined]) {
      expect(() => expect(res).not.toMatchJsonBody(bad as never)).toThrow(HttpMatcherUsageError);
    }
    expect(() => expect(res).toMatchJsonBody('x' as never)).toThrow(
      'toMatchJsonBody: subset must be an object or an array, as for toMatchObject; got "x".',
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toMatchJsonBody', {
  mode: 'async',
  fuzzArgs: either(fc.tuple(fc.oneof(fc.object({ maxDepth: 2 }), fc.array(jsonValue, { maxLength: 3 }), asymmetric))),
  secrets: [on(401, false, { missing: true }), on(401, true, { code: 'E_TOKEN_EXPIRED' })],
  hostile: [{ title: 'calm', list: ['calm'] }],
  bodies: [{ id: 7 }],
});

harden(cases);
