import { equals } from '../equality.js';
import { adapt, type HttpResponse } from '../adapters/index.js';
import { hiddenSetCookieNote, parseSetCookie, type SetCookie } from '../adapters/set-cookie.js';
import { isAsymmetricMatcher, showArgument, textExpectation, type TextExpectation } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { listNames, nearNames } from '../message/closest-names.js';
import { failureMessage } from '../message/failure-message.js';
import { hidden, line, quote, showValue } from '../message/show.js';
import { matchesText } from '../text-match.js';
import type { AsymmetricMatcher, MatcherContext, MatcherResult } from '../types.js';

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

type Key = keyof CookieExpectation;
const KEYS: readonly Key[] = ['value', 'httpOnly', 'secure', 'partitioned', 'sameSite', 'path', 'domain', 'maxAge', 'expires'];

/** One expected attribute: how to show it, test it, and show what a cookie has instead. */
interface Check {
  key: Key;
  /** For the table's expected column. */
  expected: string;
  /** For the Expected line: `httpOnly`, `not secure`, `path /app`. */
  summary: string;
  /** The user's own string, for `value`. */
  text?: string;
  test(cookie: SetCookie): boolean;
  received(cookie: SetCookie): string;
}

export function toHaveCookie(this: MatcherContext, received: unknown, name: unknown, expected?: unknown): MatcherResult {
  const matcher = 'toHaveCookie';
  const cookieName = parseName(name);
  const checks = parseExpectation(this, expected);
  const res = adapt(matcher, received, toHaveCookie);
  if (res.kind === 'status-code') {
    throw new HttpMatcherUsageError(matcher, `received the bare status code ${res.status}, which has no headers: pass the response itself.`, toHaveCookie);
  }

  const cookies = res.headers.getAll('set-cookie').map(parseSetCookie).filter((c): c is SetCookie => c !== undefined);
  const candidates = cookies.filter((c) => c.name === cookieName);
  const passing = candidates.filter((c) => checks.every((check) => check.test(c)));
  const pass = passing.length > 0;

  return {
    pass,
    message: () => {
      // The user's own value string is the secret when it equals a received value: show it as such.
      const masked = (check: Check): string =>
        check.text !== undefined && candidates.some((c) => c.value === check.text) ? hidden(check.text) : check.expected;
      const described = checks.map((c) => (c.key === 'value' ? `value ${masked(c)}` : c.summary));
      const expectedText = `${quote(cookieName)}${described.length > 0 ? ` with ${described.join(', ')}` : ''}`;
      return failureMessage(this, res, {
        about: 'response',
        matcher,
        args: expected === undefined ? 'name' : 'name, expected',
        expected: ['Expected cookie', expectedText],
        notes: candidates.length === 0 ? absentNotes(res, cookieName, cookies) : presentNotes(this.isNot === true, cookieName, this.isNot ? passing : candidates, checks, masked),
        showHeaders: ['set-cookie'],
      });
    },
  };
}

function absentNotes(res: HttpResponse, name: string, cookies: readonly SetCookie[]): string[] {
  if (cookies.length === 0) {
    const notes = [res.headers.has('set-cookie') ? 'The response has Set-Cookie headers, but none a browser would accept.' : 'The response sets no cookies (it has no Set-Cookie header).'];
    const hidden = hiddenSetCookieNote(res);
    if (hidden !== undefined) notes.push(hidden);
    return notes;
  }
  const names = [...new Set(cookies.map((c) => line(c.name, 80)))];
  const notes = [`The response sets no cookie named ${quote(name)}.`];
  const near = nearNames(name, names);
  if (near.length > 0) notes.push(`Did you mean ${near.slice(0, 3).map((n) => `"${n}"`).join(' or ')}? Cookie names are case-sensitive.`);
  notes.push(`Cookies set (${names.length}): ${listNames([...near, ...names.filter((n) => !near.includes(n))])}`);
  return notes;
}

function presentNotes(isNot: boolean, name: string, cookies: readonly SetCookie[], checks: readonly Check[], masked: (c: Check) => string): string[] {
  const notes: string[] = [];
  const shown = cookies.slice(0, 3);
  shown.forEach((cookie, i) => {
    const where = cookies.length > 1 ? ` (Set-Cookie ${i + 1} of ${cookies.length} with this name)` : '';
    const rows = isNot ? checks : checks.filter((c) => !c.test(cookie));
    if (rows.length === 0) {
      notes.push(`Cookie ${quote(name)}${where} is set.`);
      return;
    }
    const heading = isNot
      ? `Cookie ${quote(name)}${where} has every expected attribute:`
      : `Cookie ${quote(name)}${where} differs in ${rows.length === 1 ? '1 attribute' : `${rows.length} attributes`}:`;
    notes.push(`${heading}\n${table(rows.map((c) => [c.key, masked(c), c.received(cookie)]))}`);
    if (!isNot) notes.push(...valueHints(cookie, checks), ...browserRejects(cookie));
  });
  if (cookies.length > shown.length) notes.push(`… and ${cookies.length - shown.length} more Set-Cookie headers for ${quote(name)}.`);
  return notes;
}

function table(rows: ReadonlyArray<readonly [string, string, string]>): string {
  const all = [['attribute', 'expected', 'received'] as const, ...rows];
  const w0 = Math.max(...all.map((r) => r[0].length));
  const w1 = Math.max(...all.map((r) => r[1].length));
  return all.map(([a, e, r]) => `  ${a.padEnd(w0)}   ${e.padEnd(w1)}   ${r}`.trimEnd()).join('\n');
}

// Why a value that looks right does not match, without showing the value: it is the user's own string, transformed.
function valueHints(cookie: SetCookie, checks: readonly Check[]): string[] {
  const check = checks.find((c) => c.key === 'value');
  const wanted = check?.text;
  if (check === undefined || wanted === undefined || check.test(cookie)) return [];
  if (cookie.value === `"${wanted}"`) return ['The received value is the expected one in double quotes; browsers keep the quotes as part of the value.'];
  if (wanted !== encodeURIComponent(wanted) && cookie.value === encodeURIComponent(wanted)) {
    return ['The received value is the expected one URL-encoded (as Express\'s res.cookie sends it); compare with encodeURIComponent(value).'];
  }
  return [];
}

// Set-Cookie lines a browser drops however right their attributes look (RFC 6265bis §4.1.3, §5.7).
function browserRejects(cookie: SetCookie): string[] {
  const out: string[] = [];
  if (cookie.sameSite === 'None' && !cookie.secure) out.push('Browsers reject this cookie: SameSite=None requires Secure.');
  if (cookie.name.startsWith('__Secure-') && !cookie.secure) out.push('Browsers reject this cookie: a __Secure- name requires Secure.');
  if (cookie.name.startsWith('__Host-') && (!cookie.secure || cookie.path !== '/' || cookie.raw.has('domain'))) {
    out.push('Browsers reject this cookie: a __Host- name requires Secure, Path=/ and no Domain.');
  }
  return out;
}

function parseName(name: unknown): string {
  // eslint-disable-next-line no-control-regex
  if (typeof name === 'string' && name !== '' && !/[\u0000-\u0020\u007F;=,]/.test(name)) return name;
  const eq = typeof name === 'string' ? name.indexOf('=') : -1;
  throw usage(
    `name must be a cookie name such as 'session' (no spaces, ';', ',' or '='); got ${showArgument(name)}.` +
      (eq > 0 ? ` To check the value, pass it in the second argument: toHaveCookie(${quote(String(name).slice(0, eq))}, { value: … }).` : ''),
  );
}

function parseExpectation(ctx: MatcherContext, expected: unknown): Check[] {
  if (expected === undefined) return [];
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected) || expected instanceof RegExp || isAsymmetricMatcher(expected)) {
    throw usage(`expected must be an object such as { value: 'abc', httpOnly: true }; got ${showArgument(expected)}. To check only the value, pass { value: … }.`);
  }
  const given = expected as Record<string, unknown>;
  const unknown = Object.keys(given).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    const named = unknown.map((k) => {
      const near = KEYS.find((known) => known.toLowerCase() === k.toLowerCase()) ?? nearNames(k, KEYS)[0];
      return near === undefined ? quote(k) : `${quote(k)} (did you mean ${near}?)`;
    });
    throw usage(`expected has unknown key${unknown.length > 1 ? 's' : ''} ${named.join(', ')}. Known keys: ${KEYS.join(', ')}.`);
  }
  const checks: Check[] = [];
  for (const key of KEYS) {
    const v = given[key];
    if (v === undefined) continue;
    if (key === 'value') checks.push(valueCheck(ctx, textExpectation('toHaveCookie', 'expected.value', v, toHaveCookie)));
    else if (key === 'httpOnly' || key === 'secure' || key === 'partitioned') checks.push(flagCheck(key, v));
    else if (key === 'sameSite') checks.push(sameSiteCheck(v));
    else if (key === 'path' || key === 'domain') checks.push(stringCheck(key, v));
    else if (key === 'maxAge') checks.push(maxAgeCheck(v));
    else checks.push(expiresCheck(ctx, v));
  }
  return checks;
}

function valueCheck(ctx: MatcherContext, wanted: TextExpectation): Check {
  const expected = showValue(wanted, ctx);
  return {
    key: 'value',
    expected,
    summary: `value ${expected}`,
    ...(typeof wanted === 'string' ? { text: wanted } : {}),
    test: (c) => matchesText(ctx, wanted, c.value),
    received: (c) => hidden(c.value),
  };
}

function flagCheck(key: 'httpOnly' | 'secure' | 'partitioned', v: unknown): Check {
  if (typeof v !== 'boolean') throw usage(`expected.${key} must be true or false; got ${showArgument(v)}.`);
  // yes/no rather than true/false: a cookie whose value is "true" would be swept out of the message as a secret.
  const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
  return { key, expected: yesNo(v), summary: v ? key : `not ${key}`, test: (c) => c[key] === v, received: (c) => yesNo(c[key]) };
}

function sameSiteCheck(v: unknown): Check {
  const canonical = typeof v === 'string' ? ({ strict: 'Strict', lax: 'Lax', none: 'None' } as const)[v.toLowerCase()] : undefined;
  if (canonical === undefined) throw usage(`expected.sameSite must be 'Strict', 'Lax' or 'None'; got ${showArgument(v)}.`);
  return {
    key: 'sameSite',
    expected: canonical,
    summary: `sameSite ${canonical}`,
    test: (c) => c.sameSite === canonical,
    received: (c) => rawOrUnset(c, 'samesite', c.sameSite === undefined ? 'not Strict, Lax or None: browsers ignore it' : undefined),
  };
}

function stringCheck(key: 'path' | 'domain', v: unknown): Check {
  if (typeof v !== 'string' || v === '') throw usage(`expected.${key} must be a non-empty string; got ${showArgument(v)}.`);
  const want = key === 'domain' ? v.replace(/^\./, '').toLowerCase() : v;
  return {
    key,
    expected: line(v, 100),
    summary: `${key} ${line(v, 100)}`,
    test: (c) => c[key] === want,
    received: (c) => rawOrUnset(c, key, c[key] === undefined ? (key === 'path' ? 'does not start with /: browsers ignore it' : 'empty: browsers ignore it') : undefined),
  };
}

function maxAgeCheck(v: unknown): Check {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw usage(`expected.maxAge must be a whole number of seconds; got ${showArgument(v)}.`);
  return {
    key: 'maxAge',
    expected: String(v),
    summary: `maxAge ${v}`,
    test: (c) => c.maxAge === v,
    received: (c) => rawOrUnset(c, 'max-age', c.maxAge === undefined ? 'not a whole number: browsers ignore it' : undefined),
  };
}

function expiresCheck(ctx: MatcherContext, v: unknown): Check {
  const isDate = v instanceof Date && !Number.isNaN(v.getTime());
  if (!isDate && !isAsymmetricMatcher(v)) throw usage(`expected.expires must be a valid Date or an asymmetric matcher such as expect.any(Date); got ${showArgument(v)}.`);
  const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);
  const expected = v instanceof Date ? v.toUTCString() : showValue(v, ctx);
  return {
    key: 'expires',
    expected,
    summary: `expires ${expected}`,
    test: (c) => (v instanceof Date ? c.expires !== undefined && seconds(c.expires) === seconds(v) : equals(ctx, c.expires, v)),
    received: (c) => rawOrUnset(c, 'expires', c.expires === undefined ? 'not a cookie date: browsers ignore it' : undefined),
  };
}

/** An attribute as the server sent it, or `(not set)`; with why a browser ignores it, when it does. */
function rawOrUnset(cookie: SetCookie, attribute: string, ignored: string | undefined): string {
  const raw = cookie.raw.get(attribute);
  if (raw === undefined) return '(not set)';
  const shown = raw === '' ? '(empty)' : line(raw, 100);
  return ignored === undefined ? shown : `${shown} (${ignored})`;
}

function usage(problem: string): HttpMatcherUsageError {
  return new HttpMatcherUsageError('toHaveCookie', problem, toHaveCookie);
}
