import { showArgument, testRegExp, type TextExpectation } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
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

/** `options.status`, checked: one redirect code, or a usage error that says what was meant. */
export function parseRedirectOptions(value: unknown, caller: (...args: never[]) => unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const meant =
      typeof value === 'number' && REDIRECT_CODES.includes(value)
        ? ` To require that code, pass { status: ${value} }.`
        : '';
    throw new HttpMatcherUsageError(
      'toBeRedirectWithLocation',
      `options must be an object { status?: ${REDIRECT_CODES.join(' | ')} }; got ${showArgument(value)}.${meant}`,
      caller,
    );
  }
  const s: unknown = (value as RedirectOptions).status;
  if (s === undefined) return undefined;
  if (typeof s === 'number' && REDIRECT_CODES.includes(s)) return s;
  const why = s === 304 ? ' (304 Not Modified answers a conditional request; it is not a redirect)' : '';
  throw new HttpMatcherUsageError(
    'toBeRedirectWithLocation',
    `options.status must be one of ${REDIRECT_CODES.join(', ')}; got ${showArgument(s)}${why}.`,
    caller,
  );
}
