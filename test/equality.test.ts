import { describe, expect, it } from 'vitest';
import { isAsymmetricMatcher } from '../src/arguments.js';
import { equals, nativeTag } from '../src/equality.js';
import { HttpMatcherUsageError, matchers } from '../src/index.js';
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
    expect(
      equals(playwrightLike, { id: 1, name: 'Ada', tags: ['a'] }, { id: 1, name: expect.any(String), tags: ['a'] }),
    ).toBe(true);
    expect(equals(playwrightLike, { id: 1, extra: true }, { id: 1 })).toBe(false);
    expect(equals(playwrightLike, { id: 1, extra: true }, { id: 1 }, 'subset')).toBe(true);
    expect(equals(playwrightLike, [{ id: 1, x: 2 }], [{ id: 1 }], 'subset')).toBe(true);
    expect(equals(playwrightLike, [1, 2], [1], 'subset')).toBe(false);
    expect(equals(playwrightLike, { a: undefined, b: 1 }, { b: 1 })).toBe(true);
    expect(equals(playwrightLike, new Date(5), new Date(5))).toBe(true);
  });

  it('rethrows anything else the runner throws (a user tester that throws is the user’s to see)', () => {
    const ctx = {
      ...playwrightLike,
      equals: () => {
        throw new TypeError('boom in a custom tester');
      },
    };
    expect(() => equals(ctx, 1, 1)).toThrow('boom in a custom tester');
  });

  it('lets matchers run under such a context, with plain-text messages', () => {
    const result = matchers.toHaveStatus.call(playwrightLike, 404, expect.any(Number));
    expect(result.pass).toBe(true);
    const failed = matchers.toHaveStatus.call(playwrightLike, 404, 200);
    expect(failed.pass).toBe(false);
    expect(failed.message()).toContain(
      'Expected status: 200 OK (2xx Successful)\nReceived status: 404 Not Found (4xx Client Error)',
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Bun's matcher context, as Bun 1.4.5 shapes it (test/matrix/bun.test.mjs runs the real thing in the
// version matrix). Nothing in this suite produces these shapes, so they are made here:
// - its utils are a native class whose methods throw unless called on the utils object, and whose
//   EXPECTED_COLOR / RECEIVED_COLOR put quotes around the text instead of colouring it;
// - its matcherHint prints its arguments as values, over several lines;
// - it has no diff, subsetEquality or iterableEquality;
// - its expect.any(…), expect.stringContaining(…) are native objects tagged [object ExpectAny] and so
//   on, with no asymmetricMatch: only its own `equals` and printer understand them.
// The printer and `equals` behind it are vitest's real ones, given vitest's matchers in place of Bun's.

let vitestContext: MatcherContext | undefined;
expect.extend({
  captureContext(this: MatcherContext) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test needs vitest's real matcher context itself
    vitestContext = this;
    return { pass: true, message: () => '' };
  },
});
function vitestUtils(): MatcherContext {
  (expect(0) as unknown as { captureContext(): void }).captureContext();
  return vitestContext!;
}

class ExpectAny {
  readonly #sample: unknown;
  constructor(sample: unknown) {
    this.#sample = sample;
  }
  get [Symbol.toStringTag](): string {
    return 'ExpectAny';
  }
  static vitest(value: unknown): unknown {
    return value instanceof ExpectAny ? expect.any(value.#sample) : value;
  }
}

class ExpectStringContaining {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  get [Symbol.toStringTag](): string {
    return 'ExpectStringContaining';
  }
  static vitest(value: unknown): unknown {
    return value instanceof ExpectStringContaining ? expect.stringContaining(value.#text) : value;
  }
}

/** A value with Bun's native matchers swapped for vitest's, for vitest's printer and equals. */
function asVitest(value: unknown): unknown {
  if (value instanceof ExpectAny) return ExpectAny.vitest(value);
  if (value instanceof ExpectStringContaining) return ExpectStringContaining.vitest(value);
  if (Array.isArray(value)) return value.map(asVitest);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asVitest(v)]));
  }
  return value;
}
const uncoloured = (text: string): string => text.replace(/\u001b\[[\d;]*m/g, '');

class BunLikeUtils {
  static calls = 0;
  private own(): void {
    if (!(this instanceof BunLikeUtils)) throw new TypeError('Expected this to be instanceof ExpectMatcherUtils');
  }
  EXPECTED_COLOR(this: BunLikeUtils, text: string): string {
    BunLikeUtils.prototype.own.call(this);
    BunLikeUtils.calls += 1;
    return JSON.stringify(text);
  }
  RECEIVED_COLOR(this: BunLikeUtils, text: string): string {
    BunLikeUtils.prototype.own.call(this);
    return JSON.stringify(text);
  }
  matcherHint(
    this: BunLikeUtils,
    name: string,
    received = 'received',
    expected = 'expected',
    options: { isNot?: boolean } = {},
  ): string {
    BunLikeUtils.prototype.own.call(this);
    return options.isNot
      ? `expect(received).not.${name}(expected)\n\nExpected: not ${JSON.stringify(expected)}\n`
      : `expect(received).${name}(expected)\n\nExpected: ${JSON.stringify(expected)}\nReceived: ${JSON.stringify(received)}\n`;
  }
  printExpected(this: BunLikeUtils, value: unknown): string {
    BunLikeUtils.prototype.own.call(this);
    return uncoloured(vitestUtils().utils.printExpected(asVitest(value)));
  }
  printReceived(this: BunLikeUtils, value: unknown): string {
    BunLikeUtils.prototype.own.call(this);
    return uncoloured(vitestUtils().utils.printReceived(value));
  }
}

function bunLike(overrides: Partial<MatcherContext> = {}): MatcherContext {
  return {
    isNot: false,
    promise: '',
    utils: new BunLikeUtils(),
    equals: (a, b) => vitestUtils().equals!(a, asVitest(b)),
    ...overrides,
  };
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const text = (body: string): Response => new Response(body, { headers: { 'content-type': 'text/plain' } });

describe('under a Bun-shaped matcher context', () => {
  it('mimics Bun where it matters: unbound colour functions throw, matcherHint spans lines, the matchers are tagged and have no asymmetricMatch', () => {
    const utils = new BunLikeUtils();
    const { EXPECTED_COLOR } = utils;
    expect(() => EXPECTED_COLOR('a')).toThrow('Expected this to be instanceof ExpectMatcherUtils');
    expect(utils.EXPECTED_COLOR('a')).toBe('"a"');
    expect(utils.matcherHint('toHaveStatus', 'response', 'expected', {})).toContain('\n');
    expect(Object.prototype.toString.call(new ExpectAny(Number))).toBe('[object ExpectAny]');
    expect('asymmetricMatch' in new ExpectAny(Number)).toBe(false);
    expect(utils.printExpected(new ExpectAny(Number))).toBe('Any<Number>');
  });

  it('fails with a plain-text message: no colour function called off its object, no quotes, and our own one-line hint', () => {
    const res = json({ error: 'boom' }, 500);
    const message = matchers.toHaveStatus.call(bunLike(), res, 200).message();
    expect(message).toMatch(
      /^expect\(response\)\.toHaveStatus\(expected\)\n\nExpected status: 200 OK \(2xx Successful\)\nReceived status: 500 Internal Server Error \(5xx Server Error\)\n\nMeaning: /,
    );
    expect(matchers.toHaveStatus.call(bunLike({ isNot: true }), res, 500).message()).toContain(
      'expect(response).not.toHaveStatus(expected)\n\nExpected status: not 500 Internal Server Error (5xx Server Error)\nReceived status: 500',
    );
    expect(matchers.toBeServerError.call(bunLike({ isNot: true, promise: 'resolves' }), res).message()).toMatch(
      /^expect\(response\)\.resolves\.not\.toBeServerError\(\)\n\n/,
    );
  });

  it('works out once per utils object whether its colour functions colour', () => {
    const ctx = bunLike();
    const before = BunLikeUtils.calls;
    for (let i = 0; i < 3; i++) matchers.toHaveStatus.call(ctx, 500, 200).message();
    expect(BunLikeUtils.calls - before).toBe(1);
  });

  it('keeps a runner’s colours and its one-line hint where they are what they should be (jest and vitest)', () => {
    const green = (t: string): string => `\u001b[32m${t}\u001b[39m`;
    const red = (t: string): string => `\u001b[31m${t}\u001b[39m`;
    const hint =
      '\u001b[2mexpect(\u001b[22m\u001b[31mresponse\u001b[39m\u001b[2m).\u001b[22mtoHaveStatus\u001b[2m(\u001b[22m\u001b[32mexpected\u001b[39m\u001b[2m)\u001b[22m';
    const ctx = bunLike({
      utils: { ...vitestUtils().utils, EXPECTED_COLOR: green, RECEIVED_COLOR: red, matcherHint: () => hint },
    });
    expect(matchers.toHaveStatus.call(ctx, 500, 200).message().split('\n\nMeaning:')[0]).toBe(
      `${hint}\n\nExpected status: ${green('200 OK (2xx Successful)')}\nReceived status: ${red('500 Internal Server Error (5xx Server Error)')}`,
    );
  });

  it('shows the expected and received values where the runner has no diff', async () => {
    const res = json({ id: 1, name: 'Ada', apiToken: 'tok_live_12345' });
    const result = await matchers.toHaveJsonBody.call(bunLike(), res, { id: 2, name: new ExpectAny(String) });
    expect(result.pass).toBe(false);
    const message = result.message();
    // The values as the runner prints them (here vitest's printer, which says Object { where Bun says {).
    expect(message).toContain(
      'Expected: Object {\n  "id": 2,\n  "name": "Ada",\n}\nReceived: Object {\n  "apiToken": "[redacted]",\n  "id": 1,\n  "name": "Ada",\n}',
    );
    expect(message).not.toContain('tok_live_12345');

    const body = await matchers.toHaveTextBody.call(bunLike(), text('pong'), 'ping');
    expect(body.message()).toContain(
      'Expected body:   "ping"\nReceived status: 200 OK (2xx Successful)\n\nExpected: "ping"\nReceived: "pong"',
    );
  });

  it('recognises Bun’s native asymmetric matchers, applies them through the runner’s equals, and names them', async () => {
    expect(isAsymmetricMatcher(new ExpectAny(Number))).toBe(true);
    expect(isAsymmetricMatcher({ [Symbol.toStringTag]: 'Expected' })).toBe(false);
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => nativeTag(trap)).not.toThrow();

    // Subset mode without subsetEquality: our structural equality, handing Bun's matchers to Bun's equals.
    const ctx = bunLike();
    expect(equals(ctx, { id: 1, name: 'Ada', extra: true }, { name: new ExpectAny(String) }, 'subset')).toBe(true);
    expect(equals(ctx, { id: 1, name: 7 }, { name: new ExpectAny(String) }, 'subset')).toBe(false);
    expect(equals({ ...ctx, equals: undefined }, { name: 'Ada' }, { name: new ExpectAny(String) }, 'subset')).toBe(
      false,
    );
    expect(
      (
        await matchers.toMatchJsonBody.call(ctx, json({ items: [{ sku: 'A-1', qty: 2 }] }), {
          items: [{ sku: new ExpectAny(String) }],
        })
      ).pass,
    ).toBe(true);
    expect(
      (
        await matchers.toBeProblemDetails.call(
          ctx,
          new Response('{"title":"Out of credit"}', {
            status: 403,
            headers: { 'content-type': 'application/problem+json' },
          }),
          { title: new ExpectAny(String) },
        )
      ).pass,
    ).toBe(true);

    expect(matchers.toHaveStatus.call(ctx, 201, new ExpectAny(Number)).pass).toBe(true);
    expect(matchers.toHaveStatus.call(bunLike({ isNot: true }), 201, new ExpectAny(Number)).message()).toContain(
      'Expected status: not Any<Number>\n',
    );
    const header = matchers.toHaveHeader.call(ctx, text('x'), 'content-type', new ExpectStringContaining('json'));
    expect(header.pass).toBe(false);
    expect(header.message()).toContain('Expected header: content-type: StringContaining "json"\n');
    const body = await matchers.toHaveTextBody.call(ctx, text('pong'), new ExpectStringContaining('pi'));
    expect(body.message()).toContain('Expected body:   StringContaining "pi"\n');
    // A printer that knows no better than the tag: the matcher's kind, never [object ExpectAny].
    const bare = bunLike({
      utils: { ...vitestUtils().utils, printExpected: (v: unknown) => Object.prototype.toString.call(v) },
    });
    expect(
      uncoloured(matchers.toHaveStatus.call({ ...bare, isNot: true }, 201, new ExpectAny(Number)).message()),
    ).toContain('Expected status: not Any\n');
  });

  it('throws a body matcher’s usage errors synchronously, through the await guard too, so Bun keeps their class', () => {
    const res = text('pong');
    const bad: Array<[keyof typeof matchers, unknown[]]> = [
      ['toHaveJsonBody', ['not a response']],
      ['toMatchJsonBody', [res, 'not a subset']],
      ['toHaveTextBody', [res, 42]],
      ['toMatchSchema', [res, { parse() {} }]],
      ['toBeProblemDetails', [res, 'out-of-credit']],
    ];
    for (const ctx of [bunLike(), { ...bunLike(), task: { type: 'test', promises: [] } }]) {
      for (const [name, args] of bad) {
        const matcher = matchers[name] as (this: MatcherContext, ...args: unknown[]) => unknown;
        expect(() => matcher.call(ctx, ...args), name).toThrow(HttpMatcherUsageError);
      }
    }
  });
});
