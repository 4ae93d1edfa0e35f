import type { SetCookie } from '../adapters/set-cookie.js';
import { isAsymmetricMatcher, showArgument, textExpectation, type TextExpectation } from '../arguments.js';
import { equals } from '../equality.js';
import { HttpMatcherUsageError } from '../errors.js';
import { unknownKeysProblem } from '../message/closest-names.js';
import { hidden, line, quote, showValue } from '../message/show.js';
import { matchesText } from '../text-match.js';
import type { AsymmetricMatcher, MatcherContext } from '../types.js';

type Caller = (...args: never[]) => unknown;

/** What `toHaveCookie` can check besides the name. Every key is optional; unknown keys are a usage error. */
export interface CookieExpectation {
  /** The value as sent (not URL-decoded): a string compared exactly, a RegExp, or an asymmetric matcher. */
  value?: string | RegExp | AsymmetricMatcher;
  /** `true`: HttpOnly is set; `false`: it is not. */
  httpOnly?: boolean;
  secure?: boolean;
  partitioned?: boolean;
  /** Compared case-insensitively. */
  sameSite?: 'Strict' | 'Lax' | 'None' | 'strict' | 'lax' | 'none';
  path?: string;
  /** Compared case-insensitively, without a leading dot. */
  domain?: string;
  /** Seconds. */
  maxAge?: number;
  /** Compared to the second (a cookie date has no milliseconds), or an asymmetric matcher given the Date. */
  expires?: Date | AsymmetricMatcher;
}

export type Key = keyof CookieExpectation;
const KEYS: readonly Key[] = [
  'value',
  'httpOnly',
  'secure',
  'partitioned',
  'sameSite',
  'path',
  'domain',
  'maxAge',
  'expires',
];

/** One expected attribute: how to show it, test it, and show what a cookie has instead. */
export interface Check {
  key: Key;
  /** For the table's expected column. */
  expected: string;
  /** For the Expected line: `httpOnly`, `not secure`, `path /app`. */
  summary: string;
  /** The user's own string, for `value`. */
  text?: string | undefined;
  test(cookie: SetCookie): boolean;
  received(cookie: SetCookie): string;
}

/** The cookie name argument, or a usage error that shows how to check a value. */
// Why a browser ignores a path or domain attribute the parser could not take.
const IGNORED = { path: 'does not start with /: browsers ignore it', domain: 'empty: browsers ignore it' } as const;

export function parseName(name: unknown, caller: Caller): string {
  // eslint-disable-next-line no-control-regex
  if (typeof name === 'string' && name !== '' && !/[\u0000-\u0020\u007F;=,]/.test(name)) return name;
  const eq = typeof name === 'string' ? name.indexOf('=') : -1;
  throw usage(
    caller,
    `name must be a cookie name such as 'session' (no spaces, ';', ',' or '='); got ${showArgument(name)}.` +
      (eq > 0
        ? ` To check the value, pass it in the second argument: toHaveCookie(${quote(String(name).slice(0, eq))}, { value: … }).`
        : ''),
  );
}

/** The expected attributes, each checked once: a usage error names an unknown or misspelt key. */
export function parseExpectation(ctx: MatcherContext, expected: unknown, caller: Caller): Check[] {
  if (expected === undefined) return [];
  if (
    typeof expected !== 'object' ||
    expected === null ||
    Array.isArray(expected) ||
    expected instanceof RegExp ||
    isAsymmetricMatcher(expected)
  ) {
    throw usage(
      caller,
      `expected must be an object such as { value: 'abc', httpOnly: true }; got ${showArgument(expected)}. To check only the value, pass { value: … }.`,
    );
  }
  const given = expected as Record<string, unknown>;
  // The sentence is failure text: built only when there is a key to name.
  const unknownKeys = Object.keys(given).some((k) => !(KEYS as readonly string[]).includes(k))
    ? unknownKeysProblem(given, KEYS)
    : undefined;
  if (unknownKeys !== undefined) throw usage(caller, unknownKeys);
  const checks: Check[] = [];
  for (const key of KEYS) {
    const v = given[key];
    if (v === undefined) continue;
    if (key === 'value') checks.push(valueCheck(ctx, textExpectation('toHaveCookie', 'expected.value', v, caller)));
    else if (key === 'httpOnly' || key === 'secure' || key === 'partitioned') checks.push(flagCheck(caller, key, v));
    else if (key === 'sameSite') checks.push(sameSiteCheck(caller, v));
    else if (key === 'path' || key === 'domain') checks.push(stringCheck(caller, key, v));
    else if (key === 'maxAge') checks.push(maxAgeCheck(caller, v));
    else checks.push(expiresCheck(caller, ctx, v));
  }
  return checks;
}

function valueCheck(ctx: MatcherContext, wanted: TextExpectation): Check {
  return new ValueCheck(ctx, wanted);
}

/**
 * Getters: only a failure shows them, and showing a value is message work (src/message/, loaded on demand). A class,
 * not an object literal with getters, which V8 creates far more slowly (see statusExpectation in src/arguments.ts).
 */
class ValueCheck implements Check {
  readonly key = 'value';
  readonly text: string | undefined;
  constructor(
    private readonly ctx: MatcherContext,
    private readonly wanted: TextExpectation,
  ) {
    this.text = typeof wanted === 'string' ? wanted : undefined;
  }
  get expected(): string {
    return showValue(this.wanted, this.ctx);
  }
  get summary(): string {
    return `value ${showValue(this.wanted, this.ctx)}`;
  }
  test(c: SetCookie): boolean {
    return matchesText(this.ctx, this.wanted, c.value);
  }
  received(c: SetCookie): string {
    return hidden(c.value);
  }
}

function flagCheck(caller: Caller, key: 'httpOnly' | 'secure' | 'partitioned', v: unknown): Check {
  if (typeof v !== 'boolean') throw usage(caller, `expected.${key} must be true or false; got ${showArgument(v)}.`);
  // yes/no rather than true/false: a cookie whose value is "true" would be swept out of the message as a secret.
  const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
  return {
    key,
    expected: yesNo(v),
    summary: v ? key : `not ${key}`,
    test: (c) => c[key] === v,
    received: (c) => yesNo(c[key]),
  };
}

function sameSiteCheck(caller: Caller, v: unknown): Check {
  const canonical =
    typeof v === 'string' ? ({ strict: 'Strict', lax: 'Lax', none: 'None' } as const)[v.toLowerCase()] : undefined;
  if (canonical === undefined)
    throw usage(caller, `expected.sameSite must be 'Strict', 'Lax' or 'None'; got ${showArgument(v)}.`);
  return {
    key: 'sameSite',
    expected: canonical,
    summary: `sameSite ${canonical}`,
    test: (c) => c.sameSite === canonical,
    received: (c) =>
      rawOrUnset(c, 'samesite', c.sameSite === undefined ? 'not Strict, Lax or None: browsers ignore it' : undefined),
  };
}

function stringCheck(caller: Caller, key: 'path' | 'domain', v: unknown): Check {
  if (typeof v !== 'string' || v === '')
    throw usage(caller, `expected.${key} must be a non-empty string; got ${showArgument(v)}.`);
  const want = key === 'domain' ? v.replace(/^\./, '').toLowerCase() : v;
  return {
    key,
    expected: line(v, 100),
    summary: `${key} ${line(v, 100)}`,
    test: (c) => c[key] === want,
    received: (c) => rawOrUnset(c, key, c[key] === undefined ? IGNORED[key] : undefined),
  };
}

function maxAgeCheck(caller: Caller, v: unknown): Check {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw usage(caller, `expected.maxAge must be a whole number of seconds; got ${showArgument(v)}.`);
  return {
    key: 'maxAge',
    expected: String(v),
    summary: `maxAge ${v}`,
    test: (c) => c.maxAge === v,
    received: (c) =>
      rawOrUnset(c, 'max-age', c.maxAge === undefined ? 'not a whole number: browsers ignore it' : undefined),
  };
}

function expiresCheck(caller: Caller, ctx: MatcherContext, v: unknown): Check {
  const isDate = v instanceof Date && !Number.isNaN(v.getTime());
  if (!isDate && !isAsymmetricMatcher(v))
    throw usage(
      caller,
      `expected.expires must be a valid Date or an asymmetric matcher such as expect.any(Date); got ${showArgument(v)}.`,
    );
  const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);
  const expected = v instanceof Date ? v.toUTCString() : showValue(v, ctx);
  return {
    key: 'expires',
    expected,
    summary: `expires ${expected}`,
    test: (c) =>
      v instanceof Date ? c.expires !== undefined && seconds(c.expires) === seconds(v) : equals(ctx, c.expires, v),
    received: (c) =>
      rawOrUnset(c, 'expires', c.expires === undefined ? 'not a cookie date: browsers ignore it' : undefined),
  };
}

/** An attribute as the server sent it, or `(not set)`; with why a browser ignores it, when it does. */
function rawOrUnset(cookie: SetCookie, attribute: string, ignored: string | undefined): string {
  const raw = cookie.raw.get(attribute);
  if (raw === undefined) return '(not set)';
  const shown = raw === '' ? '(empty)' : line(raw, 100);
  return ignored === undefined ? shown : `${shown} (${ignored})`;
}

function usage(caller: Caller, problem: string): HttpMatcherUsageError {
  return new HttpMatcherUsageError('toHaveCookie', problem, caller);
}
