import { showArgument, testRegExp, type TextExpectation } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { equals } from '../equality.js';
import type { MatcherContext } from '../types.js';

// What toBeRedirectWithLocation accepts and how a Location is compared: resolved against the response URL
// when there is one, else as written; a relative expectation never matches a Location on another origin.

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

/** A URL a Location can be resolved against: absolute, or none (a bare request path is no base). */
export function usableBase(url: string | undefined): string | undefined {
  return url !== undefined && isAbsolute(url) ? url : undefined;
}

/** Whether a URL parser reads it on its own (`https://…`, `javascript:…`), as opposed to a relative reference. */
export function isAbsolute(url: string): boolean {
  return resolve(url, undefined) !== undefined;
}

/**
 * What a relative reference says after the origin, when it stays on whatever origin it is resolved against:
 * undefined for `//evil.example/login` or `/\\evil.example/login`, relative references that name another host.
 */
function pathOnSameOrigin(url: string): string | undefined {
  const [a, b] = ['http://a.invalid/', 'http://b.invalid/'].map((base) => {
    const href = resolve(url, base);
    return href?.startsWith(base) ? href.slice(base.length - 1) : undefined;
  });
  return a !== undefined && a === b ? a : undefined;
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
  if (wanted === raw) return true;
  if (base !== undefined) return resolved !== undefined && resolve(wanted, base) === resolved;
  // No URL to resolve against (undici.request, a plain object): compare the Location as written. An absolute
  // expectation matches only that absolute Location; a relative one only a relative Location of that path.
  if (isAbsolute(wanted) || isAbsolute(raw))
    return isAbsolute(wanted) && resolve(wanted, undefined) === resolve(raw, undefined);
  const path = pathOnSameOrigin(raw);
  return path !== undefined && pathOnSameOrigin(wanted) === path;
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
