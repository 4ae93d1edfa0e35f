import type { HttpResponse } from '../adapters/index.js';
import { parseSetCookie, type SetCookie } from '../adapters/set-cookie.js';
import { absentNotes, presentNotes } from '../message/cookie-notes.js';
import { hidden, quote } from '../message/show.js';
import type { Check } from './cookie.js';

// How toHaveCookie (and toMatchResponse's `cookies`) judges one cookie name against its checks, and words it.

export interface CookieVerdict {
  pass: boolean;
  /** `"session" with httpOnly, value [redacted] (6 characters)` */
  expectedText(): string;
  notes(isNot: boolean): string[];
}

export function matchCookie(res: HttpResponse, name: string, checks: readonly Check[]): CookieVerdict {
  const cookies = res.headers
    .getAll('set-cookie')
    .map(parseSetCookie)
    .filter((c): c is SetCookie => c !== undefined);
  const candidates = cookies.filter((c) => c.name === name);
  const passing = candidates.filter((c) => checks.every((check) => check.test(c)));
  // The user's own value string is the secret when it equals a received value: show it as such.
  const masked = (check: Check): string =>
    check.text !== undefined && candidates.some((c) => c.value === check.text) ? hidden(check.text) : check.expected;
  return {
    pass: passing.length > 0,
    expectedText: () => {
      const described = checks.map((c) => (c.key === 'value' ? `value ${masked(c)}` : c.summary));
      return `${quote(name)}${described.length > 0 ? ` with ${described.join(', ')}` : ''}`;
    },
    notes: (isNot) =>
      candidates.length === 0
        ? absentNotes(res, name, cookies)
        : presentNotes(isNot, name, isNot ? passing : candidates, checks, masked),
  };
}
