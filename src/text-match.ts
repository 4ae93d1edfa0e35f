import { testRegExp, type TextExpectation } from './arguments.js';
import { equals } from './equality.js';
import { describeAsymmetric } from './message/asymmetric.js';
import { cutText, escapeLine } from './message/escape.js';
import type { MatcherContext } from './types.js';

export { describeAsymmetric };

/** Whether `value` meets a string (exactly), RegExp or asymmetric-matcher expectation. */
export function matchesText(ctx: MatcherContext, expected: TextExpectation, value: string): boolean {
  if (typeof expected === 'string') return expected === value;
  // As a fresh copy would answer: a user's /g or /y RegExp keeps lastIndex between calls and would alternate verdicts.
  if (expected instanceof RegExp) return testRegExp(expected, value);
  return equals(ctx, value, expected);
}

/** How a message shows an expectation the user wrote: `"no-store"`, `/^abc/i`, `StringContaining "abc"`. */
export function describeText(ctx: MatcherContext, expected: TextExpectation): string {
  if (typeof expected === 'string') return quote(expected);
  if (expected instanceof RegExp) return escapeLine(cutText(String(expected), 200));
  return describeAsymmetric(ctx, expected);
}

/** A JSON-quoted, escaped, capped string. */
export function quote(text: string, max = 200): string {
  const cut = cutText(text, max);
  return escapeLine(JSON.stringify(cut)) + (cut.length < text.length ? `… (${text.length} characters)` : '');
}

