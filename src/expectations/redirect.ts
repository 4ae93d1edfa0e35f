import { testRegExp, type TextExpectation } from '../arguments.js';
import { equals } from '../equality.js';
import type { MatcherContext } from '../types.js';

// What toBeRedirectWithLocation accepts and how a Location is compared: resolved against the response URL.

/** The codes that send the client elsewhere with a Location (304 is a 3xx, but not a redirect). */
export const REDIRECT_CODES: readonly number[] = [300, 301, 302, 303, 307, 308];

export interface RedirectOptions {
  /** One redirect code to require, e.g. 303 after a POST. */
  status?: 300 | 301 | 302 | 303 | 307 | 308;
}

export function resolve(location: string, base: string | undefined): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

export function locationMatches(
  ctx: MatcherContext,
  wanted: TextExpectation,
  raw: string,
  resolved: string | undefined,
  base: string | undefined,
): boolean {
  if (wanted instanceof RegExp)
    return testRegExp(wanted, raw) || (resolved !== undefined && testRegExp(wanted, resolved));
  if (typeof wanted !== 'string')
    return equals(ctx, raw, wanted) || (resolved !== undefined && equals(ctx, resolved, wanted));
  if (wanted === raw || wanted === resolved) return true;
  if (base !== undefined) return resolved !== undefined && resolve(wanted, base) === resolved;
  // Both absolute and not equal: different places, whatever their paths say.
  if (isAbsolute(wanted) && isAbsolute(raw)) return false;
  // The client did not keep the request URL (undici.request): compare what both say after the host.
  const path = (url: string): string | undefined => {
    const u = resolve(url, 'http://unknown.invalid');
    return u === undefined ? undefined : u.slice(u.indexOf('/', u.indexOf('//') + 2));
  };
  return path(wanted) !== undefined && path(wanted) === path(raw);
}

export function isAbsolute(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url);
}
