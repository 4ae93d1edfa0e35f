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

// The fast method's name, by which its line is taken out of the stack of a failure it hands on.
const OWN_FRAME = 'expectHttpPassFastPath';
const V8Error = Error as { stackTraceLimit?: number };
// Set by `.not`, `.resolves`/`.rejects`, `expect.soft` and `expect.poll`: only expect.extend's route handles them.
const SLOW_FLAGS = ['negate', 'promise', 'soft', 'poll'] as const;

/**
 * Puts a pass fast path in front of the methods `expect.extend(matchers)` added to chai's Assertion prototype (call it
 * after expect.extend). When the assertion is a plain `expect(x).matcher(…)` with plain-data arguments, the matcher
 * runs with a context made once (vitest's own `equals`, custom testers and utils); if it passes, that is the whole
 * call, as in vitest's route, which returns nothing either. Anything else, a failure or a thrown usage error included,
 * goes to the expect.extend method, which runs the matcher again with the full state: failures are vitest's, byte for
 * byte (a soft failure keeps this method's line in its stack).
 * Without the chai API or an asymmetric matcher's context (another vitest), or outside a vitest worker, nothing is
 * changed. See decisions/0008.
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
  let base: MatcherContext;
  try {
    base = made.call(expect.anything(), expect);
  } catch {
    // Outside a vitest worker (the entry imported by a plain Node script) vitest has no state to give: no fast path.
    return;
  }
  // customTesters is the runner's one array, which expect.addEqualityTesters pushes to: later testers count too.
  const { equals, customTesters, utils } = base;
  const context: MatcherContext = { isNot: false, promise: '', equals, customTesters, utils };
  const prototype = chai.Assertion.prototype as Record<string, unknown>;
  for (const name of names) {
    const matcher = matchers[name];
    const viaExtend = prototype[name];
    if (typeof matcher !== 'function' || typeof viaExtend !== 'function') continue;
    const method = {
      [OWN_FRAME](this: object, ...args: unknown[]) {
        if (passesAlone(this, args, matcher)) {
          flag(this, '_name', name); // what vitest's wrapper records for a later `.resolves` message
          return undefined;
        }
        // This method and chai's wrapper of vitest's take two stack frames: lent, so the error keeps all of the test's.
        const limit = V8Error.stackTraceLimit;
        if (typeof limit === 'number') V8Error.stackTraceLimit = limit + 2;
        try {
          return (viaExtend as AssertionMethod).apply(this, args);
        } catch (error) {
          throw withoutOwnFrame(error);
        } finally {
          if (typeof limit === 'number') V8Error.stackTraceLimit = limit;
        }
      },
    }[OWN_FRAME];
    addMethod(prototype, name, method as AssertionMethod);
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

/** The error as expect.extend's route throws it: without this file's line in its stack (vitest would print it). */
function withoutOwnFrame(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const own = Object.getOwnPropertyDescriptor(error, 'stack');
  if (own?.get && own.set && own.configurable) {
    // Node 21+ formats a stack when it is first read: kept lazy, so a failure that is caught and dropped costs nothing.
    const { get, set } = own;
    Object.defineProperty(error, 'stack', {
      configurable: true,
      enumerable: own.enumerable ?? false,
      get: () => {
        const stack: unknown = get.call(error);
        return typeof stack === 'string' ? withoutOwnLine(stack) : stack;
      },
      set: (value: unknown) => set.call(error, value),
    });
  } else if (typeof own?.value === 'string') {
    error.stack = withoutOwnLine(own.value); // Node 20: reading the descriptor has formatted it already
  }
  return error;
}

function withoutOwnLine(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => !(line.startsWith('    at ') && line.includes(OWN_FRAME)))
    .join('\n');
}
