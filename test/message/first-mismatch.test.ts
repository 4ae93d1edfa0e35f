import { equals, iterableEquality, subsetEquality } from '@vitest/expect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstMismatch } from '../../src/message/first-mismatch.js';
import { startServer, type TestServer } from '../helpers/server.js';

// The runner's own equality in the two modes of the JSON body matchers, as src/equality.ts calls it.
const toEqual = (r: unknown, e: unknown): boolean => equals(r, e, []);
const toMatchObject = (r: unknown, e: unknown): boolean => equals(r, e, [iterableEquality, subsetEquality]);

// An order list of about 20 KB as JSON: too large for the diff.
function orders(): { orders: Array<Record<string, unknown>>; total: number } {
  return {
    total: 90,
    orders: Array.from({ length: 90 }, (_, id) => ({
      id,
      customer: { name: `Customer ${id}`, 'e-mail': `c${id}@example.test` },
      lines: Array.from({ length: 3 }, (__, n) => ({ sku: `SKU-${id}-${n}`, quantity: n + 1, price: 9.99 + n })),
      status: 'shipped',
    })),
  };
}

let server: TestServer;
let body: ReturnType<typeof orders>;
beforeAll(async () => {
  const received = orders();
  (received.orders[37]?.lines as Array<{ price: number }>)[2]!.price = 12.5;
  server = await startServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
  });
  const res = await fetch(server.url);
  body = (await res.json()) as typeof body;
});
afterAll(() => server.close());

describe('firstMismatch on a 20 KB JSON body from a server', () => {
  it('is over the diff limit, so this is the only pointer the message can give', () => {
    expect(JSON.stringify(body).length).toBeGreaterThan(20_000);
  });

  it('finds the one deep difference, in both modes', () => {
    const want = { path: '$.orders[37].lines[2].price', expected: 11.99, received: 12.5 };
    expect(firstMismatch(orders(), body, toEqual)).toEqual(want);
    expect(firstMismatch(orders(), body, toMatchObject, { subset: true })).toEqual(want);
  });

  it('returns undefined when the runner finds the values equal', () => {
    const expected = orders();
    (expected.orders[37]?.lines as Array<{ price: unknown }>)[2]!.price = 12.5;
    expect(firstMismatch(expected, body, toEqual)).toBeUndefined();
    expect(firstMismatch({ total: 90 }, body, toMatchObject, { subset: true })).toBeUndefined();
  });

  it('compares an asymmetric matcher as a leaf, and names it when it rejects', () => {
    const expected = { orders: body.orders.map((o) => ({ ...o, id: expect.any(Number) })), total: 90 };
    expected.orders[5] = { ...expected.orders[5], status: expect.stringMatching(/^pending$/) };
    const found = firstMismatch(expected, body, toMatchObject, { subset: true });
    expect(found?.path).toBe('$.orders[5].status');
    expect(found?.received).toBe('shipped');
    expect(found?.expected).toBe(expected.orders[5]?.status); // the matcher itself, for the message to describe
  });
});

describe('firstMismatch: members and lengths', () => {
  it('names a member the body lacks (received undefined) and quotes keys that are not identifiers', () => {
    expect(firstMismatch({ a: { 'content-type': 'json' } }, { a: {} }, toEqual)).toEqual({
      path: '$.a["content-type"]',
      expected: 'json',
      received: undefined,
    });
  });

  it('names a member the expectation does not mention only under equality', () => {
    const received = { id: 1, extra: { deep: true } };
    expect(firstMismatch({ id: 1 }, received, toEqual)).toEqual({
      path: '$.extra',
      expected: undefined,
      received: { deep: true },
    });
    expect(firstMismatch({ id: 1 }, received, toMatchObject, { subset: true })).toBeUndefined();
  });

  it('names the first element past the shorter array (arrays have the same length in both modes)', () => {
    expect(firstMismatch({ a: [1, 2] }, { a: [1, 2, 3] }, toMatchObject, { subset: true })).toEqual({
      path: '$.a[2]',
      expected: undefined,
      received: 3,
    });
    expect(firstMismatch([1, 2, 3], [1, 2], toEqual)).toEqual({ path: '$[2]', expected: 3, received: undefined });
  });

  it('stops at a change of type, with both values', () => {
    expect(firstMismatch({ a: { b: [1] } }, { a: { b: { 0: 1 } } }, toEqual)).toEqual({
      path: '$.a.b',
      expected: [1],
      received: { 0: 1 },
    });
  });

  it('treats a tester that throws as a difference instead of throwing', () => {
    const throwing = (): boolean => {
      throw new Error('tester bug');
    };
    expect(firstMismatch({ a: { b: 1 } }, { a: { b: 1 } }, throwing)).toEqual({
      path: '$.a.b',
      expected: 1,
      received: 1,
    });
  });
});

describe('firstMismatch bounds', () => {
  it('finishes on a cyclic expectation', () => {
    const node: Record<string, unknown> = { name: 'root' };
    node.child = node;
    const received = { name: 'root', child: { name: 'root', child: { name: 'leaf', child: null } } };
    expect(firstMismatch(node, received, toEqual)).toEqual({
      path: '$.child.child.name',
      expected: 'root',
      received: 'leaf',
    });
    // Cyclic on both sides, with nothing but the cycle to follow: the search stops where it would repeat.
    const a: Record<string, unknown> = { extra: 1 };
    a.self = a;
    const b: Record<string, unknown> = {};
    b.self = b;
    expect(firstMismatch(a, b, toMatchObject, { subset: true })?.path).toMatch(/^\$(\.self)*(\.extra)?$/);
  });

  it('stops 64 levels down on a deeper body', () => {
    let expected: unknown = 1;
    let received: unknown = 2;
    for (let i = 0; i < 200; i++) {
      expected = { a: expected };
      received = { a: received };
    }
    expect(firstMismatch(expected, received, toEqual)?.path).toBe(`$${'.a'.repeat(64)}`);
  });
});
