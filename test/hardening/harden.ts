import type fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchers } from '../../src/index.js';
import type { MatcherContext } from '../../src/types.js';
import { bodies, keepsBody } from './bodies.js';
import { fuzz } from './fuzz.js';
import { hostile } from './hostile.js';
import { secrets, type FailingCall } from './secrets.js';

export { either, noArgs, status } from './fuzz.js';
export { on, onProblem, RESPONSE_SECRET_HEADERS } from './secrets.js';

export type MatcherName = keyof typeof matchers;

interface CommonCases {
  /** Arguments to fuzz with: valid ones mixed with anything at all (see `either`). */
  fuzzArgs: fc.Arbitrary<readonly unknown[]>;
  /** For a matcher that takes a RegExp: its arguments with that RegExp in place. */
  withRegExp?: (re: RegExp) => unknown[];
  /** Calls that fail on a response full of secrets (`on`, `onProblem`), with .not where .not can fail. */
  secrets: FailingCall[];
  /** The arguments of a call that fails, with or without .not, on a hostile 4xx/5xx response. */
  hostile: unknown[];
}

/** The table of one matcher, read by the fuzz, secrets, hostile-content and bodies engines. */
export type MatcherCases = CommonCases & { name: MatcherName } & (
    | {
        mode: 'sync';
        /** A call (passing or failing) on a 200 JSON or a 404 problem response: the body must stay readable. */
        keepsBody: unknown[];
      }
    | {
        mode: 'async';
        /** A call on a streamed body (1 GiB, never ending, or JSON that must stay readable). */
        bodies: unknown[];
      }
  );

type Table = MatcherCases extends infer C ? (C extends MatcherCases ? Omit<C, 'name'> : never) : never;

export function matcherCases(name: MatcherName, table: Table): MatcherCases {
  return { name, ...table } as MatcherCases;
}

export interface HardenOptions {
  /**
   * What the test file set up that intercepts the real clients (an msw server): closed for the hardening tests,
   * which need the bytes the servers send, unchanged and streamed. msw's close() may be called again later.
   */
  interceptors?: Array<{ close(): void }>;
}

/**
 * Registers the hardening tests of one matcher in its own test file: fuzzing, secrets, hostile content and
 * what it does to a body. Call it last in the file. test/matchers/barrel.test.ts checks every matcher's test
 * file calls it.
 */
export function harden(cases: MatcherCases, { interceptors = [] }: HardenOptions = {}): void {
  const { name } = cases;
  describe(`${name}, hardened`, () => {
    beforeAll(() => {
      for (const interceptor of interceptors) interceptor.close();
      // The matcher as the package exports it (a body matcher wrapped by guardAwait).
      expect.extend({ [name]: matchers[name] });
    });

    it(`${name} is ${cases.mode}: it returns a promise exactly when its table says async`, () => {
      expect(returnsPromise(name, cases.mode === 'async' ? cases.bodies : cases.keepsBody)).toBe(
        cases.mode === 'async',
      );
    });

    fuzz(name, cases);
    secrets(name, cases.secrets);
    hostile(name, cases.hostile);
    if (cases.mode === 'async') {
      bodies(name, cases.bodies);
      keepsBody(name, cases.bodies);
    } else {
      keepsBody(name, cases.keepsBody);
    }
  });
}

/** Whether a call with valid arguments returns a promise (a body matcher checks them before it returns it). */
function returnsPromise(name: MatcherName, args: readonly unknown[]): boolean {
  const fn = matchers[name] as (this: MatcherContext, ...args: unknown[]) => unknown;
  const ctx = { isNot: false, utils: {}, equals: () => false } as unknown as MatcherContext;
  try {
    const result = fn.call(ctx, 200, ...args);
    if (result instanceof Promise) {
      result.catch(() => {});
      return true;
    }
  } catch {
    // A sync matcher's usage error.
  }
  return false;
}
