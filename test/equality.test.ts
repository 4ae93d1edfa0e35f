import { describe, expect, it } from 'vitest';
import { equals } from '../src/equality.js';
import { matchers } from '../src/index.js';
import type { MatcherContext } from '../src/types.js';

// Playwright's matcher context: its `equals` throws, and its utils have no EXPECTED_COLOR / RECEIVED_COLOR.
// (The examples/playwright-request project runs the real thing; this pins the fallback in the unit suite.)
const playwrightLike: MatcherContext = {
  isNot: false,
  promise: '',
  equals: () => {
    throw new Error('equals is not compatible with Playwright');
  },
  utils: {
    matcherHint: (name) => `expect(response).${name}()`,
    printExpected: String,
    printReceived: String,
    diff: () => null,
  },
};

describe('equals', () => {
  it('uses the runner when it works, so user testers and asymmetric matchers behave as in toEqual', () => {
    const ctx = { ...playwrightLike, equals: (a: unknown, b: unknown) => a === b || (b as { n?: number })?.n === 1 };
    expect(equals(ctx, { n: 2 }, { n: 1 })).toBe(true);
  });

  it('falls back to its own structural equality when the runner has none, honouring asymmetric matchers', () => {
    expect(equals(playwrightLike, { id: 1, name: 'Ada', tags: ['a'] }, { id: 1, name: expect.any(String), tags: ['a'] })).toBe(true);
    expect(equals(playwrightLike, { id: 1, extra: true }, { id: 1 })).toBe(false);
    expect(equals(playwrightLike, { id: 1, extra: true }, { id: 1 }, 'subset')).toBe(true);
    expect(equals(playwrightLike, [{ id: 1, x: 2 }], [{ id: 1 }], 'subset')).toBe(true);
    expect(equals(playwrightLike, [1, 2], [1], 'subset')).toBe(false);
    expect(equals(playwrightLike, { a: undefined, b: 1 }, { b: 1 })).toBe(true);
    expect(equals(playwrightLike, new Date(5), new Date(5))).toBe(true);
  });

  it('rethrows anything else the runner throws (a user tester that throws is the user’s to see)', () => {
    const ctx = { ...playwrightLike, equals: () => { throw new TypeError('boom in a custom tester'); } };
    expect(() => equals(ctx, 1, 1)).toThrow('boom in a custom tester');
  });

  it('lets matchers run under such a context, with plain-text messages', () => {
    const result = matchers.toHaveStatus.call(playwrightLike, 404, expect.any(Number));
    expect(result.pass).toBe(true);
    const failed = matchers.toHaveStatus.call(playwrightLike, 404, 200);
    expect(failed.pass).toBe(false);
    expect(failed.message()).toContain('Expected status: 200 OK (2xx Successful)\nReceived status: 404 Not Found (4xx Client Error)');
  });
});
