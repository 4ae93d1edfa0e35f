import { testRegExp, type TextExpectation } from './arguments.js';
import { equals } from './equality.js';
import type { MatcherContext } from './types.js';

/** Whether `value` meets a string (exactly), RegExp or asymmetric-matcher expectation. */
export function matchesText(ctx: MatcherContext, expected: TextExpectation, value: string): boolean {
  if (typeof expected === 'string') return expected === value;
  // As a fresh copy would answer: a user's /g or /y RegExp keeps lastIndex between calls and would alternate verdicts.
  if (expected instanceof RegExp) return testRegExp(expected, value);
  return equals(ctx, value, expected);
}
