import type { IncomingMessage, ServerResponse } from 'node:http';
import axios from 'axios';
import fc from 'fast-check';
import { request } from 'undici';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpMatcherUsageError, readBody } from '../../src/index.js';
import { toMatchSchema } from '../../src/matchers/to-match-schema.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, statusRoutes, type TestServer } from '../helpers/server.js';
import { either, harden, matcherCases, on } from '../hardening/harden.js';
import { ArgumentTrap } from '../hardening/outcome.js';

expect.extend({ toMatchSchema });

const CART = {
  id: 'cart_1',
  headers: { 'x-trace': 42 },
  items: [
    { sku: 'A-1', price: 9.5 },
    { sku: 'B-7', price: 20 },
    { sku: 'C-3', price: '12.00' },
  ],
};

function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/cart') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(CART));
  else if (path === '/many')
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(Array.from({ length: 25 }, (_, i) => String(i))));
  else statusRoutes(req, res);
}

const Zcart = z.object({
  id: z.string(),
  headers: z.object({ 'x-trace': z.string() }),
  items: z.array(z.object({ sku: z.string(), price: z.number() })),
});
const Vcart = v.object({
  id: v.string(),
  headers: v.object({ 'x-trace': v.string() }),
  items: v.array(v.object({ sku: v.string(), price: v.number() })),
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`);

/** A hand-made Standard Schema that rejects every value with these issues. */
const issuing = (issues: readonly unknown[]) => ({
  '~standard': { version: 1 as const, vendor: 'hand-made', validate: () => ({ issues }) },
});

describe('toMatchSchema', () => {
  it('passes when a zod or valibot schema accepts the JSON body', async () => {
    const res = await get('/cart');
    await expect(res).toMatchSchema(z.object({ id: z.string(), items: z.array(z.object({ sku: z.string() })) }));
    await expect(res).toMatchSchema(v.object({ id: v.string() }));
    await expect(res).not.toMatchSchema(Zcart);
    await expect(res).not.toMatchSchema(Vcart);
    await expect(res.json()).resolves.toEqual(CART);
  });

  it('awaits an asynchronous schema', async () => {
    const res = await get('/cart');
    const known = z.string().refine(async (id) => Promise.resolve(id.startsWith('cart_')), 'unknown cart');
    await expect(res).toMatchSchema(z.object({ id: known }));
    await expect(res).not.toMatchSchema(
      z.object({ id: known.refine(async () => Promise.resolve(false), 'cart is closed') }),
    );
  });

  it('lists each zod issue with its path', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/cart')).toMatchSchema(Zcart));
    expect(message).toMatchInlineSnapshot(`
      "expect(response).toMatchSchema(schema)

      Expected body:   JSON matching the zod schema
      Received status: 200 OK (2xx Successful)

      Schema issues (2):
        headers["x-trace"]: Invalid input: expected string, received number
        items[2].price: Invalid input: expected number, received string

      URL: http://127.0.0.1:PORT/cart

      Response headers (1 of 5 shown):
        content-type: application/json

      Body (131 B, JSON):
        {
          "id": "cart_1",
          "headers": {
            "x-trace": 42
          },
          "items": [
            {
              "sku": "A-1",
              "price": 9.5
            },
            {
              "sku": "B-7",
              "price": 20
            },
            {
              "sku": "C-3",
              "price": "12.00"
            }
          ]
        }"
    `);
  });

  it('lists valibot issues, whose path segments are objects with a key', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/cart')).toMatchSchema(Vcart));
    expect(message).toContain('Expected body:   JSON matching the valibot schema');
    expect(message).toContain(
      'Schema issues (2):\n  headers["x-trace"]: Invalid type: Expected string but received 42\n  items[2].price: Invalid type: Expected number but received "12.00"',
    );
  });

  it('names a root-level issue and caps a long list', async () => {
    const res = await request(`${server.url}/many`);
    const rootMessage = await asyncFailureOf(() => expect(res).toMatchSchema(z.object({})));
    expect(rootMessage).toContain('Schema issues (1):\n  (root): Invalid input: expected object, received array');
    const message = await asyncFailureOf(() => expect(res).toMatchSchema(z.array(z.number())));
    expect(message).toContain('Schema issues (25):\n  [0]: Invalid input: expected number, received string\n');
    expect(message).toContain('  [19]: Invalid input: expected number, received string\n  … and 5 more');
    expect((await readBody(res)).json()).toHaveLength(25);
  });

  it('shows path segments that break Standard Schema (null-prototype, throwing toString, symbol) instead of crashing', async () => {
    // No real validator produces these; the spec allows only property keys and { key } objects.
    const bare = Object.create(null) as object;
    const throwing = {
      toString() {
        throw new Error('toString boom');
      },
    };
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('get boom');
        },
        has: () => {
          throw new Error('has boom');
        },
      },
    );
    const schema = issuing([
      { message: 'null prototype', path: ['items', bare, 'price'] },
      { message: 'throwing toString', path: [throwing, 0] },
      { message: 'symbol', path: ['meta', Symbol('tag'), { key: Symbol.for('k') }] },
      { message: 'key is an object', path: [{ key: bare }, { key: throwing }] },
      { message: 'a trap', path: ['a', trap] },
    ]);
    const res = await get('/cart');
    expect(await asyncFailureOf(() => expect(res).toMatchSchema(schema))).toContain(
      [
        'Schema issues (5):',
        '  items[object].price: null prototype',
        '  [object][0]: throwing toString',
        '  meta[Symbol(tag)][Symbol(k)]: symbol',
        '  [object][object]: key is an object',
        '  a[object]: a trap',
      ].join('\n'),
    );
    await expect(res).not.toMatchSchema(schema);
    await expect(res.json()).resolves.toEqual(CART);
  });

  it('property: no path segment or issue shape a validator returns makes the failure message throw', async () => {
    const res = await get('/cart');
    const segment = fc.oneof(
      fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, maxDepth: 1 }),
      fc.constantFrom(
        Object.create(null),
        Symbol('s'),
        { key: Object.create(null) },
        {
          toString: () => {
            throw new Error('boom');
          },
        },
      ),
    );
    const issue = fc.record({
      message: fc.oneof(fc.string(), fc.anything()),
      path: fc.oneof(fc.array(segment, { maxLength: 4 }), fc.anything()),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(issue, { minLength: 1, maxLength: 3 }), async (issues) => {
        const message = await asyncFailureOf(() => expect(res).toMatchSchema(issuing(issues)));
        expect(message).toContain(`Schema issues (${issues.length}):`);
        await expect(res).not.toMatchSchema(issuing(issues));
      }),
      { numRuns: 150 },
    );
  });

  it('says the body is not JSON before any schema runs', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await get('/status/500?body=Internal%20error')).toMatchSchema(Zcart),
    );
    expect(message).toContain('Received status: 500 Internal Server Error (5xx Server Error)');
    expect(message).toContain('The body is not valid JSON (Content-Type: text/plain): ');
    expect(message).toContain('The body starts with "Internal error".');
    expect(message).not.toContain('Schema issues');
  });

  it('validates the value axios already parsed', async () => {
    await expect(await axios.get(`${server.url}/cart`)).toMatchSchema(
      z.object({ items: z.array(z.unknown()).length(3) }),
    );
  });

  it('under .not, fails when the schema accepts the body', async () => {
    const message = await asyncFailureOf(async () =>
      expect(await get('/cart')).not.toMatchSchema(v.object({ id: v.string() })),
    );
    expect(message).toContain(
      'expect(response).not.toMatchSchema(schema)\n\nExpected body:   not JSON matching the valibot schema',
    );
  });

  it('throws a usage error for something that is not a Standard Schema, also under .not', async () => {
    const res = await get('/cart');
    // Thrown, not a rejected promise: checked before anything async (Bun loses the class of a rejection).
    expect(() => expect(res).not.toMatchSchema({ type: 'object' } as never)).toThrow(HttpMatcherUsageError);
    expect(() => expect(res).toMatchSchema({ type: 'object' } as never)).toThrow(
      'toMatchSchema: schema must be a Standard Schema (an object with a "~standard" property: zod 3.24+, valibot 1, arktype 2, …); got an object.',
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.

/** Real Standard Schemas (zod, valibot) and hand-made ones that misbehave in every way the interface allows. */
const fuzzedSchema = fc.oneof(
  fc.constantFrom<unknown>(
    z.object({ id: z.number() }),
    z.array(z.string()),
    z.any(),
    z.string(),
    v.object({ title: v.string(), status: v.number() }),
    v.unknown(),
    { '~standard': { version: 1, vendor: 'test', validate: () => ({ value: 1 }) } },
    {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => ({ issues: [{ message: 'bad', path: ['a', 0, { key: 'b' }, Symbol('s')] }] }),
      },
    },
    { '~standard': { version: 1, vendor: 'test', validate: async () => ({ issues: [] }) } },
    { '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: 'not an array' }) } },
    { '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: [null, 1, { message: 5, path: 'x' }] }) } },
    { '~standard': { version: 1, vendor: '\x1b[31mred', validate: () => Promise.reject(new Error('async boom')) } },
    {
      '~standard': {
        version: 1,
        vendor: 42,
        validate: () => {
          throw new ArgumentTrap('validate');
        },
      },
    },
    { '~standard': { version: 1, vendor: 'test', validate: () => null } },
    { '~standard': { version: 1, vendor: 'test', validate: 'no' } },
    { '~standard': null },
    {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => ({
          issues: Array.from({ length: 500 }, (_, i) => ({ message: `issue ${i} \u001b[2J`, path: [i] })),
        }),
      },
    },
  ),
  fc.anything({ maxDepth: 1 }),
);

const cases = matcherCases('toMatchSchema', {
  mode: 'async',
  fuzzArgs: either(fc.tuple(fuzzedSchema)),
  secrets: [on(401, false, z.object({ id: z.number() })), on(401, true, z.object({ code: z.string() }))],
  hostile: [z.object({ title: z.number() })],
  bodies: [z.object({ id: z.number() })],
});

harden(cases);
