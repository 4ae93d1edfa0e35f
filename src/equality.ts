import type { AsymmetricMatcher, MatcherContext } from './types.js';

const MAX_DEPTH = 200;

/**
 * Equality as the runner defines it (`this.equals` with the user's testers, so asymmetric matchers and
 * `expect.addEqualityTesters` work), with `toMatchObject` semantics in `'subset'` mode. Runners whose
 * `equals` is missing or a stub (Playwright's throws "not compatible") get a structural equality of our
 * own that still honours asymmetric matchers.
 */
export function equals(
  ctx: MatcherContext,
  received: unknown,
  expected: unknown,
  mode: 'equal' | 'subset' = 'equal',
): boolean {
  const { subsetEquality, iterableEquality } = ctx.utils;
  const canSubset = mode === 'equal' || subsetEquality !== undefined;
  if (typeof ctx.equals === 'function' && canSubset) {
    const testers = [...(ctx.customTesters ?? [])];
    if (mode === 'subset') testers.push(...(iterableEquality ? [iterableEquality] : []), subsetEquality);
    try {
      return ctx.equals(received, expected, testers);
    } catch (error) {
      if (!(error instanceof Error) || !/playwright|not (compatible|supported)/i.test(error.message)) throw error;
    }
  }
  return structuralEquals(ctx, received, expected, mode === 'subset', 0);
}

// Bun's own expect.any(…), expect.stringContaining(…) and the like are native objects with no
// asymmetricMatch, known only by their tag ([object ExpectAny]); only Bun's `equals` can apply them.
const NATIVE_TAG = /^\[object Expect[A-Z]\w*\]$/;

/** Whether `value` is an asymmetric matcher: one with `asymmetricMatch` (vitest's, jest's, a user's), or one of Bun's native ones. */
export function isAsymmetric(value: unknown): value is AsymmetricMatcher {
  if (typeof value !== 'object' || value === null) return false;
  return (
    typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function' || nativeTag(value) !== undefined
  );
}

/** The tag of one of Bun's native asymmetric matchers (`ExpectAny`, `ExpectStringContaining`), or undefined. */
export function nativeTag(value: object): string | undefined {
  try {
    const tag = Object.prototype.toString.call(value);
    return NATIVE_TAG.test(tag) ? tag.slice(8, -1) : undefined;
  } catch {
    // A Proxy whose get trap throws: not a matcher a runner made.
    return undefined;
  }
}

function structuralEquals(ctx: MatcherContext, a: unknown, b: unknown, subset: boolean, depth: number): boolean {
  if (isAsymmetric(b)) {
    // Bun's native matchers can only be applied by Bun's equals, which takes them in 'equal' mode.
    if (typeof b.asymmetricMatch === 'function') return b.asymmetricMatch(a);
    return typeof ctx.equals === 'function' && ctx.equals(a, b);
  }
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > MAX_DEPTH) return false;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    // toMatchObject compares arrays element by element and requires the same length, as toEqual does.
    return a.length === b.length && a.every((item, i) => structuralEquals(ctx, item, b[i], subset, depth + 1));
  }
  const aObj = a as Record<string, unknown>;
  const bObj = b as Record<string, unknown>;
  // toEqual ignores properties whose value is undefined.
  const bKeys = Object.keys(bObj).filter((k) => bObj[k] !== undefined);
  if (!subset) {
    const aKeys = Object.keys(aObj).filter((k) => aObj[k] !== undefined);
    if (aKeys.length !== bKeys.length) return false;
  }
  return bKeys.every((k) => Object.hasOwn(aObj, k) && structuralEquals(ctx, aObj[k], bObj[k], subset, depth + 1));
}
