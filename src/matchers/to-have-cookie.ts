import { adapt } from '../adapters/index.js';
import { parseExpectation, parseName } from '../expectations/cookie.js';
import { matchCookie } from '../expectations/cookie-match.js';
import { failureMessage } from '../message/failure-message.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export type { CookieExpectation } from '../expectations/cookie.js';

export function toHaveCookie(
  this: MatcherContext,
  received: unknown,
  name: unknown,
  expected?: unknown,
): MatcherResult {
  const matcher = 'toHaveCookie';
  const cookieName = parseName(name, toHaveCookie);
  const checks = parseExpectation(this, expected, toHaveCookie);
  const res = adapt(matcher, received, toHaveCookie, { needs: 'headers' });
  const cookie = matchCookie(res, cookieName, checks);

  return {
    pass: cookie.pass,
    message: () =>
      failureMessage(this, res, {
        about: 'response',
        matcher,
        args: expected === undefined ? 'name' : 'name, expected',
        expected: ['Expected cookie', cookie.expectedText()],
        notes: cookie.notes(this.isNot === true),
        showHeaders: ['set-cookie'],
      }),
  };
}
