import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError, matchers } from '../../src/index.js';
import { asyncFailureOf, failureOf } from '../helpers/message.js';

expect.extend(matchers);

// The app side sends real fetch requests; msw hands each handler a fetch Request, and the handler asserts on it.
const API = 'http://shop.test';
type Check = (request: Request) => unknown;
let check: Check = () => undefined;
const outcomes: Array<{ message: string; bodyAfterwards: string }> = [];

const mock = setupServer(
  http.all(`${API}/*`, async ({ request }) => {
    // A failure thrown inside a handler would become msw's 500: it is caught here and handed to the test.
    let message = 'passed';
    try {
      await check(request);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    outcomes.push({ message, bodyAfterwards: request.body === null ? '' : await request.text() });
    return HttpResponse.json({ ok: true }, { status: 201 });
  }),
);

beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.close());

async function send(checkRequest: Check, init: RequestInit & { path?: string } = {}) {
  check = checkRequest;
  outcomes.length = 0;
  const res = await fetch(`${API}${init.path ?? '/orders'}`, init);
  await res.text(); // read, not cancelled: cancelling an msw-mocked body never settles
  return outcomes[0] ?? { message: 'the handler never ran', bodyAfterwards: '' };
}

const order = {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'Bearer sk_live_abcdef123456', 'x-tenant': 'acme' },
  body: JSON.stringify({ sku: 'A-1', qty: 2, password: 'hunter2-not-shown' }),
};

describe('the header and body matchers on a fetch Request inside an msw handler', () => {
  it('pass on what the app sent, and the handler can still read the body', async () => {
    const outcome = await send(async (request) => {
      expect(request).toHaveHeader('x-tenant', 'acme');
      expect(request).toHaveContentType('application/json');
      await expect(request).toMatchJsonBody({ sku: 'A-1', qty: 2 });
      await expect(request).toHaveJsonBody(expect.objectContaining({ qty: 2 }));
    }, order);
    expect(outcome).toEqual({ message: 'passed', bodyAfterwards: order.body });
  });

  it('fail with a message about the request: no status line, its method and URL, its headers, secrets hidden', async () => {
    const outcome = await send((request) => expect(request).toMatchJsonBody({ qty: 3 }), order);
    const message = outcome.message.replace(/\u001b\[\d+m/g, '');
    expect(message).toContain('expect(request).toMatchJsonBody(subset)');
    expect(message).toContain('-   "qty": 3,\n+   "qty": 2,');
    expect(message).toContain('Received request: POST http://shop.test/orders');
    expect(message).not.toContain('Received status');
    expect(message).not.toContain('Meaning:');
    expect(message).not.toContain('sk_live_abcdef123456');
    expect(message).not.toContain('hunter2-not-shown');
    expect(message).toContain('Request headers (1 of 3 shown):\n  content-type: application/json');
    expect(outcome.bodyAfterwards).toBe(order.body); // the failing read did not consume it either
  });

  it('toHaveHeader fails on a header the app did not send, and passes under .not', async () => {
    const outcome = await send((request) => {
      expect(request).not.toHaveHeader('x-request-id');
      expect(request).toHaveHeader('x-request-id');
    }, order);
    const message = outcome.message.replace(/\u001b\[\d+m/g, '');
    expect(message).toContain('expect(request).toHaveHeader(name)');
    expect(message).toContain('Expected header:  x-request-id (any value)');
    expect(message).toContain(
      'The request has no x-request-id header.\nHeaders present (3): authorization, content-type, x-tenant',
    );
    expect(message).toContain('Received request: POST http://shop.test/orders');
    expect(message).not.toContain('Received status');
  });

  it('toHaveContentType fails on a request sent without one, saying it is the request that has none', async () => {
    const outcome = await send((request) => expect(request).toHaveContentType('application/json'), {
      method: 'POST',
      body: new Uint8Array([1, 2, 3]),
    });
    const message = outcome.message.replace(/\u001b\[\d+m/g, '');
    expect(message).toContain(
      'Expected content type: application/json\nReceived request:      POST http://shop.test/orders',
    );
    expect(message).toContain('The request has no Content-Type header.');
  });

  it('.not fails when the body is what it says it is not', async () => {
    const outcome = await send((request) => expect(request).not.toHaveTextBody('hello'), {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
      path: '/notes/1',
    });
    const message = outcome.message.replace(/\u001b\[\d+m/g, '');
    expect(message).toContain('expect(request).not.toHaveTextBody(expected)');
    expect(message).toContain('Received request: PUT http://shop.test/notes/1');
    expect(outcome.bodyAfterwards).toBe('hello');
  });

  it('a GET without a body is a request with an empty body, not an error', async () => {
    const outcome = await send((request) => expect(request).toHaveTextBody(''), { path: '/orders?page=2' });
    expect(outcome.message).toBe('passed');
  });
});

describe('a fetch Request outside a handler', () => {
  const request = () =>
    new Request(`${API}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"qty":2}',
    });

  it('toMatchSchema checks its body against a Standard Schema', async () => {
    const qtyIsNumber = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value: unknown) =>
          typeof (value as { qty?: unknown }).qty === 'number'
            ? { value }
            : { issues: [{ message: 'qty must be a number', path: ['qty'] }] },
      },
    };
    const r = request();
    await expect(r).toMatchSchema(qtyIsNumber);
    expect(await r.json()).toEqual({ qty: 2 });
  });

  it('a body already read is a usage error that says so, not an empty body', async () => {
    const r = request();
    await r.text();
    const message = await asyncFailureOf(() => expect(r).toHaveJsonBody({ qty: 2 }));
    expect(message).toContain('fetch Request');
    expect(message).toContain('already read');
  });

  it('the status matchers say a Request has no status and point at the response, under .not too', () => {
    const r = request();
    expect(() => expect(r).toHaveStatus(201)).toThrow(HttpMatcherUsageError);
    expect(failureOf(() => expect(r).not.toBeSuccessful())).toBe(
      'toBeSuccessful: received a fetch Request, which has no status: did you mean the response? A Request is what the client sends (the `request` an msw handler receives); check the response the client got with toBeSuccessful, and the request with toHaveHeader, toHaveContentType, toHaveJsonBody, toMatchJsonBody, toHaveTextBody, toMatchSchema, and toSatisfyApiSpec (expect-http/openapi).',
    );
  });

  it('toHaveCookie says a request carries Cookie, not Set-Cookie', () => {
    const r = new Request(`${API}/orders`, { headers: { cookie: 'session=abc' } });
    expect(failureOf(() => expect(r).toHaveCookie('session'))).toContain(
      "toHaveCookie: received a fetch Request, which carries no Set-Cookie: did you mean the response? A request's cookies are its Cookie header: check it with toHaveHeader('cookie', /(^|;\\s*)session=/).",
    );
    expect(r).toHaveHeader('cookie', /(^|;\s*)session=/);
  });

  it('a fetch Response still counts as a response', () => {
    expect(Response.json({}, { status: 201 })).toHaveStatus(201);
  });
});
