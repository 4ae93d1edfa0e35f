import { nativeTag } from '../equality.js';
import type { AsymmetricMatcher, MatcherContext } from '../types.js';
import { cutText, escapeLine } from './escape.js';

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[\d;]*m/g;

/**
 * The runner's own rendering of an asymmetric matcher (`StringContaining "abc"`, `Any<Date>`), without its
 * colour: the message colours it. Never `[object ExpectAny]`: a printer that gives only that for one of
 * Bun's native matchers gets the matcher's kind (`Any`) instead.
 */
export function describeAsymmetric(ctx: MatcherContext, matcher: AsymmetricMatcher): string {
  const tag = nativeTag(matcher);
  try {
    const printed = ctx.utils.printExpected(matcher).replace(SGR, '');
    if (tag === undefined || !printed.includes('[object ')) return escapeLine(cutText(printed, 200));
  } catch {
    // Below.
  }
  return tag === undefined ? 'an asymmetric matcher' : tag.slice('Expect'.length);
}
