import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/config.js';
import { configure, matchers } from '../../src/index.js';
import * as v from 'valibot';
import { z } from 'zod';
import {
  anyArguments,
  asymmetric,
  headerName,
  jsonValue,
  matchableResponses,
  received,
  statefulRegexp,
  textArgument,
  type Received,
} from './arbitraries.js';
import {
  ArgumentTrap,
  describe as describeError,
  outcomeOf,
  unsafeCharacterIn,
  verdict,
  type Outcome,
} from './outcome.js';

// The whole matcher set is under test here, so all of it is registered.
expect.extend(matchers);

/** How each matcher is called: its mode, its arguments (valid ones mixed with anything at all). */
interface Entry {
  mode: 'sync' | 'async';
  args: fc.Arbitrary<readonly unknown[]>;
  /** For matchers that take a RegExp: the arguments with that RegExp in place. */
  withRegExp?: (re: RegExp) => unknown[];
}

const status = fc.integer({ min: 100, max: 599 });
const either = (valid: fc.Arbitrary<readonly unknown[]>): fc.Arbitrary<readonly unknown[]> =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anyArguments });
const noArgs = either(fc.constant([]));

const cookieExpectation = fc.record(
  {
    value: textArgument,
    httpOnly: fc.oneof(fc.boolean(), fc.anything({ maxDepth: 0 })),
    secure: fc.boolean(),
    partitioned: fc.boolean(),
    sameSite: fc.oneof(fc.mixedCase(fc.constantFrom('strict', 'lax', 'none', 'bogus')), fc.anything({ maxDepth: 0 })),
    path: fc.oneof(fc.constantFrom('/', '/app', ''), fc.anything({ maxDepth: 0 })),
    domain: fc.oneof(fc.constantFrom('example.test', '.Example.Test'), fc.anything({ maxDepth: 0 })),
    maxAge: fc.oneof(fc.integer(), fc.double()),
    expires: fc.oneof(fc.date(), fc.constant(new Date(Number.NaN)), asymmetric),
    unknownKey: fc.anything({ maxDepth: 0 }),
  },
  { requiredKeys: [] },
);

/** Real Standard Schemas (zod, valibot) and hand-made ones that misbehave in every way the interface allows. */
const schema = fc.oneof(
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

/**
 * Every matcher must have an entry: a matcher added to src/matchers without one fails the suite
 * below, so nothing new slips past the fuzzer.
 */
const TABLE: Record<string, Entry> = {
  toHaveStatus: {
    mode: 'sync',
    args: either(
      fc.oneof(fc.tuple(status), fc.tuple(fc.array(status, { minLength: 1, maxLength: 4 })), fc.tuple(asymmetric)),
    ),
  },
  toHaveStatusClass: {
    mode: 'sync',
    args: either(
      fc.tuple(
        fc.oneof(
          fc.integer({ min: 0, max: 6 }),
          fc.mixedCase(
            fc.constantFrom(
              '1xx',
              '2xx',
              '3xx',
              '4xx',
              '5xx',
              '6xx',
              'successful',
              'client-error',
              'server-error',
              'redirection',
              'informational',
            ),
          ),
        ),
      ),
    ),
  },
  toBeInformational: { mode: 'sync', args: noArgs },
  toBeSuccessful: { mode: 'sync', args: noArgs },
  toBeRedirect: { mode: 'sync', args: noArgs },
  toBeClientError: { mode: 'sync', args: noArgs },
  toBeServerError: { mode: 'sync', args: noArgs },
  toBeRedirectWithLocation: {
    mode: 'sync',
    args: either(
      fc.oneof(
        fc.constant([]),
        fc.tuple(textArgument),
        fc.tuple(
          fc.oneof(textArgument, fc.constant(undefined)),
          fc.oneof(
            fc.record(
              { status: fc.constantFrom<unknown>(300, 301, 302, 303, 304, 307, 308, 200, '303', undefined) },
              { requiredKeys: [] },
            ),
            fc.anything({ maxDepth: 1 }),
          ),
        ),
      ),
    ),
    withRegExp: (re) => [re],
  },
  toHaveHeader: {
    mode: 'sync',
    args: either(fc.oneof(fc.tuple(headerName), fc.tuple(headerName, textArgument))),
    withRegExp: (re) => ['content-type', re],
  },
  toHaveContentType: {
    mode: 'sync',
    args: either(
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
  },
  toHaveCookie: {
    mode: 'sync',
    args: either(
      fc.oneof(
        fc.tuple(fc.constantFrom('session', 'a', '', 'Session')),
        fc.tuple(fc.oneof(fc.constantFrom('session', 'a'), fc.string()), cookieExpectation),
      ),
    ),
    withRegExp: (re) => ['session', { value: re }],
  },
  toHaveJsonBody: {
    mode: 'async',
    args: either(
      fc.oneof(
        fc.constant([]),
        fc.tuple(jsonValue),
        fc.tuple(asymmetric),
        fc.tuple(fc.anything({ maxDepth: 2, withBigInt: true })),
      ),
    ),
  },
  toMatchJsonBody: {
    mode: 'async',
    args: either(fc.tuple(fc.oneof(fc.object({ maxDepth: 2 }), fc.array(jsonValue, { maxLength: 3 }), asymmetric))),
  },
  toHaveTextBody: { mode: 'async', args: either(fc.tuple(textArgument)), withRegExp: (re) => [re] },
  toMatchSchema: { mode: 'async', args: either(fc.tuple(schema)) },
  toBeProblemDetails: {
    mode: 'async',
    args: either(
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
  },
};

/** Runs per matcher; each run calls the matcher twice, with and without .not. */
const RUNS = 1000;
let totalRuns = 0;
/** How the calls ended, to show the fuzzer reaches verdicts and not only usage errors. */
const tally: Record<Outcome['kind'], number> = { pass: 0, fail: 0, usage: 0, 'argument-error': 0, crash: 0 };
const names = Object.keys(matchers);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  // A short time cap, so a body matcher that waits on a body which never comes ends well inside HANG_MS.
  configure({ bodyTimeout: 1000 });
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  resetConfig();
  console.log(
    `fuzz: ${totalRuns} runs over ${names.length} matchers (${RUNS} per matcher, each with and without .not): ` +
      `${tally.pass} passed, ${tally.fail} failed with a message, ${tally.usage} usage errors, ${tally['argument-error']} errors thrown by the test's own arguments`,
  );
});

function check(name: string, outcome: Outcome, not: boolean, value: Received, args: readonly unknown[]): void {
  const where = `${not ? '.not.' : ''}${name} on ${value.description} with ${safeStringify(args)}`;
  if (outcome.kind === 'crash') throw new Error(`${where} threw from inside: ${describeError(outcome.error)}`);
  // Usage errors quote the response too (its Content-Type, a schema's words): the same rule holds.
  if (outcome.kind === 'fail' || outcome.kind === 'usage') {
    const unsafe = unsafeCharacterIn(outcome.message);
    if (unsafe !== undefined) throw new Error(`${where}: the message carries a raw ${unsafe}`);
  }
}

function safeStringify(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 300);
  } catch {
    return '(arguments that cannot be printed)';
  }
}

describe('every matcher, fuzzed', () => {
  it('has a fuzz entry for every exported matcher, and none for a matcher that does not exist', () => {
    expect(
      names.filter((n) => !(n in TABLE)),
      'matchers without a fuzz entry',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((n) => !names.includes(n)),
      'fuzz entries without a matcher',
    ).toEqual([]);
  });

  it.each(names.filter((n) => n in TABLE))(
    '%s: any received value and arguments end in pass, fail with a message, or a usage error naming it',
    async (name) => {
      const entry = TABLE[name]!;
      await fc.assert(
        fc.asyncProperty(received, entry.args, async (value, args) => {
          for (const not of [false, true]) {
            const outcome = await outcomeOf(name, (await value.make()).value, args, not, entry.mode);
            check(name, outcome, not, value, args);
            tally[outcome.kind] += 1;
          }
          totalRuns += 1;
        }),
        { numRuns: RUNS },
      );
      expect(unhandled).toEqual([]);
    },
    120_000,
  );

  it.each(names.filter((n) => TABLE[n]?.withRegExp !== undefined))(
    '%s: a /g or /y RegExp gives the same verdict however often it is used and wherever its lastIndex stands',
    async (name) => {
      const withRegExp = TABLE[name]!.withRegExp!;
      await fc.assert(
        fc.asyncProperty(matchableResponses, statefulRegexp, fc.nat({ max: 100 }), async (value, re, moved) => {
          const fresh = new RegExp(re.source, re.flags);
          const { value: source } = await value.make();
          const first = verdict(await outcomeOf(name, source, withRegExp(fresh), false, TABLE[name]!.mode));
          const again = verdict(await outcomeOf(name, source, withRegExp(fresh), false, TABLE[name]!.mode));
          fresh.lastIndex = moved;
          const afterMove = verdict(await outcomeOf(name, source, withRegExp(fresh), false, TABLE[name]!.mode));
          expect([again, afterMove]).toEqual([first, first]);
        }),
        { numRuns: 300 },
      );
    },
    120_000,
  );
});
