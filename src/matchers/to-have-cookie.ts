import { adapt } from '../adapters/index.js';
import { parseExpectation, parseName } from '../expectations/cookie.js';
import { matchCookie } from '../expectations/cookie-match.js';
import { failureMessage } from '../message/failure-message.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export type { CookieExpectation } from '../expectations/cookie.js';

// This matcher reads Set-Cookie, which only a response carries; a request's cookies are its Cookie header.
const COOKIE_ON_A_REQUEST =
  "received a fetch Request, which carries no Set-Cookie: did you mean the response? A request's cookies are its Cookie header: check it with toHaveHeader('cookie', /(^|;\\s*)session=/).";

export function toHaveCookie(
  this: MatcherContext,
  received: unknown,
  name: unknown,
  expected?: unknown,
): MatcherResult {
  const matcher = 'toHaveCookie';
  const cookieName = parseName(name, toHaveCookie);
  const checks = parseExpectation(this, expected, toHaveCookie);
  const res = adapt(matcher, received, toHaveCookie, { needs: 'headers', requests: COOKIE_ON_A_REQUEST });
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
