import type { MatcherContext, MatcherResult } from './types.js';

/** The part of vitest's `chai` export used here: its plugin utilities and the Assertion prototype. */
export interface ChaiPluginApi {
  Assertion: { prototype: object };
  util: {
    flag(assertion: object, key: string, value?: unknown): unknown;
    addMethod(target: object, name: string, method: (this: object, ...args: unknown[]) => unknown): void;
  };
}

type SyncMatcher = (this: MatcherContext, received: unknown, ...args: never[]) => MatcherResult | PromiseLike<unknown>;
type AssertionMethod = (this: object, ...args: unknown[]) => unknown;

// Set by `.not`, `.resolves`/`.rejects`, `expect.soft` and `expect.poll`: only expect.extend's route handles them.
const SLOW_FLAGS = ['negate', 'promise', 'soft', 'poll'] as const;

/**
 * Puts a pass fast path in front of the methods `expect.extend(matchers)` added to chai's Assertion prototype (call it
 * after expect.extend). When the assertion is a plain `expect(x).matcher(…)` with primitive arguments, the matcher runs
 * with a context made once (vitest's own `equals`, custom testers and utils); if it passes, that is the whole call, as
 * in vitest's route, which returns nothing either. Anything else, a failure or a thrown usage error included, goes to
 * the expect.extend method, which runs the matcher again with the full state: failures are vitest's, byte for byte.
 * Without the chai API or an asymmetric matcher's context (another vitest), nothing is changed. See decisions/0008.
 */
export function addPassFastPath(
  chai: ChaiPluginApi,
  expect: { anything(): unknown },
  matchers: Readonly<Record<string, SyncMatcher>>,
  names: readonly string[],
): void {
  const { flag, addMethod } = chai.util ?? {};
  const made = (expect.anything() as { getMatcherContext?: (e: unknown) => MatcherContext }).getMatcherContext;
  if (typeof flag !== 'function' || typeof addMethod !== 'function' || typeof made !== 'function') return;
  const base = made.call(expect.anything(), expect);
  // customTesters is the runner's one array, which expect.addEqualityTesters pushes to: later testers count too.
  const context: MatcherContext = { isNot: false, promise: '', ...pick(base) };
  const prototype = chai.Assertion.prototype as Record<string, unknown>;
  for (const name of names) {
    const matcher = matchers[name];
    const viaExtend = prototype[name];
    if (typeof matcher !== 'function' || typeof viaExtend !== 'function') continue;
    addMethod(prototype, name, function (this: object, ...args: unknown[]) {
      if (!passesAlone(this, args, matcher)) return (viaExtend as AssertionMethod).apply(this, args);
      flag(this, '_name', name); // what vitest's wrapper records for a later `.resolves` message
      return undefined;
    });
  }

  function passesAlone(assertion: object, args: unknown[], matcher: SyncMatcher): boolean {
    for (const key of SLOW_FLAGS) if (flag(assertion, key)) return false;
    if (!args.every(isInert)) return false;
    try {
      const result = matcher.call(context, flag(assertion, 'object'), ...(args as never[]));
      return (result as MatcherResult).pass === true;
    } catch {
      return false; // the usage error is thrown again by the expect.extend route, with its own stack
    }
  }
}

/**
 * An argument that cannot tell how often, or with which context, it was looked at: a primitive, an array of them, or a
 * RegExp that keeps no lastIndex. Any other object (an asymmetric matcher, an options object, a g/y RegExp) may, so
 * its assertion takes expect.extend's route: on a failure the matcher runs twice, and the second run must see the same.
 */
function isInert(arg: unknown): boolean {
  if (typeof arg !== 'object' || arg === null) return typeof arg !== 'function';
  if (Array.isArray(arg)) return arg.every((item) => typeof item !== 'object' && typeof item !== 'function');
  return Object.getPrototypeOf(arg) === RegExp.prototype && !(arg as RegExp).global && !(arg as RegExp).sticky;
}

function pick({
  equals,
  customTesters,
  utils,
}: MatcherContext): Pick<MatcherContext, 'equals' | 'customTesters' | 'utils'> {
  return { equals, customTesters, utils };
}
