import { adapt } from '../adapters/index.js';
import { parseSetCookie, type SetCookie } from '../adapters/set-cookie.js';
import { parseExpectation, parseName, type Check } from '../expectations/cookie.js';
import { absentNotes, presentNotes } from '../message/cookie-notes.js';
import { failureMessage } from '../message/failure-message.js';
import { hidden, quote } from '../message/show.js';
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

  const cookies = res.headers
    .getAll('set-cookie')
    .map(parseSetCookie)
    .filter((c): c is SetCookie => c !== undefined);
  const candidates = cookies.filter((c) => c.name === cookieName);
  const passing = candidates.filter((c) => checks.every((check) => check.test(c)));
  const pass = passing.length > 0;

  return {
    pass,
    message: () => {
      // The user's own value string is the secret when it equals a received value: show it as such.
      const masked = (check: Check): string =>
        check.text !== undefined && candidates.some((c) => c.value === check.text)
          ? hidden(check.text)
          : check.expected;
      const described = checks.map((c) => (c.key === 'value' ? `value ${masked(c)}` : c.summary));
      const expectedText = `${quote(cookieName)}${described.length > 0 ? ` with ${described.join(', ')}` : ''}`;
      return failureMessage(this, res, {
        about: 'response',
        matcher,
        args: expected === undefined ? 'name' : 'name, expected',
        expected: ['Expected cookie', expectedText],
        notes:
          candidates.length === 0
            ? absentNotes(res, cookieName, cookies)
            : presentNotes(this.isNot === true, cookieName, this.isNot ? passing : candidates, checks, masked),
        showHeaders: ['set-cookie'],
      });
    },
  };
}
