import { adapt, type HttpResponse } from '../adapters/index.js';
import { hiddenSetCookieNote } from '../adapters/set-cookie.js';
import { showArgument, textExpectation, type TextExpectation } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { listNames, nearNames } from '../message/closest-names.js';
import { failureMessage } from '../message/failure-message.js';
import { headerValue, isSecretHeader, line, quote, showValue } from '../message/show.js';
import { matchesText } from '../text-match.js';
import type { MatcherContext, MatcherResult } from '../types.js';

// RFC 9110 §5.6.2 token: what a header name may be made of.
const TOKEN = /^[!#$%&'*+\-.^_`|~\dA-Za-z]+$/;

export function toHaveHeader(this: MatcherContext, received: unknown, name: unknown, expected?: unknown): MatcherResult {
  const matcher = 'toHaveHeader';
  const header = headerName(name);
  const wanted = expected === undefined ? undefined : textExpectation(matcher, 'expected', expected, toHaveHeader);
  const res = adapt(matcher, received, toHaveHeader);
  if (res.kind === 'status-code') {
    throw new HttpMatcherUsageError(matcher, `received the bare status code ${res.status}, which has no headers: pass the response itself.`, toHaveHeader);
  }

  const lower = header.toLowerCase();
  const values = res.headers.getAll(lower);
  // Set-Cookie lines cannot be joined (a cookie's Expires holds a comma), so each is a candidate.
  const candidates = lower === 'set-cookie' ? values : values.length > 0 ? [values.join(', ')] : [];
  const matches = (value: string): boolean =>
    wanted === undefined || (typeof wanted === 'string' ? wanted.trim() === value.trim() : matchesText(this, wanted, value));
  const pass = candidates.some(matches);

  const secret = isSecretHeader(lower);
  const shownExpected =
    wanted === undefined ? '' :
    typeof wanted === 'string' ? `: ${secret ? headerValue(lower, wanted.trim(), { quoted: true }) : quote(wanted)}` :
    wanted instanceof RegExp ? ` matching ${showValue(wanted, this)}` :
    `: ${showValue(wanted, this)}`;
  const expectedText =
    wanted === undefined ? `${header} (any value)` :
    `${header}${shownExpected}${lower === 'set-cookie' ? ' (on any line)' : ''}`;

  return {
    pass,
    message: () =>
      failureMessage(this, res, {
        about: 'response',
        matcher,
        args: wanted === undefined ? 'name' : 'name, expected',
        expected: ['Expected header', expectedText],
        // "not content-type (any value)" reads badly: under .not, presence alone is "no content-type header".
        ...(wanted === undefined ? { negated: `no ${header} header` } : {}),
        notes: candidates.length === 0 ? absentNotes(res, header) : receivedNotes(lower, values, wanted, pass, secret),
      }),
  };
}

function headerName(name: unknown): string {
  if (typeof name === 'string' && TOKEN.test(name)) return name;
  const colon = typeof name === 'string' ? /^\s*([^:\s]+)\s*:\s*(.*)$/.exec(name) : null;
  throw new HttpMatcherUsageError(
    'toHaveHeader',
    `name must be a header name such as 'content-type' (letters, digits and !#$%&'*+-.^_\`|~); got ${showArgument(name)}.` +
      (colon ? ` To check a value, pass it as the second argument: toHaveHeader(${quote(colon[1] ?? '')}, ${quote(colon[2] ?? '')}).` : ''),
    toHaveHeader,
  );
}

function absentNotes(res: HttpResponse, header: string): string[] {
  const notes = [`The response has no ${header} header.`];
  const names = [...res.headers.entries()].map(([n]) => line(n, 80));
  const near = nearNames(header, names);
  if (near.length > 0) notes.push(`Did you mean ${near.slice(0, 3).join(' or ')}?`);
  if (names.length === 0) notes.push('It has no headers at all.');
  // Near misses first, then by name: clients order headers differently (fetch sorts them, Node does not).
  else notes.push(`Headers present (${names.length}): ${listNames([...near, ...names.filter((n) => !near.includes(n)).sort()])}`);
  if (res.type === 'cors') {
    notes.push('This is a CORS response: the browser shows only the CORS-safelisted headers and those the server names in Access-Control-Expose-Headers.');
  }
  if (header.toLowerCase() === 'set-cookie') {
    const hidden = hiddenSetCookieNote(res);
    if (hidden !== undefined) notes.push(hidden);
  }
  return notes;
}

function receivedNotes(lower: string, values: readonly string[], wanted: TextExpectation | undefined, pass: boolean, secret: boolean): string[] {
  const show = (value: string): string => (secret ? headerValue(lower, value) : line(value));
  const notes: string[] = [];
  if (lower === 'set-cookie') {
    const lines = values.slice(0, 20).map((v) => `  ${show(v)}`);
    if (values.length > 20) lines.push(`  … and ${values.length - 20} more`);
    notes.push(`Received set-cookie (${values.length === 1 ? '1 line' : `${values.length} lines, each compared on its own`}):\n${lines.join('\n')}`);
  } else {
    const joined = values.join(', ');
    notes.push(`Received header: ${lower}: ${show(joined)}${values.length > 1 ? ` (${values.length} values, compared joined with ", ")` : ''}`);
  }
  if (wanted === undefined) return notes;
  if (secret) {
    const verdict = pass ? 'It matches the expected value.' : 'It does not match the expected value.';
    notes.push(
      lower === 'set-cookie'
        ? `Cookie values hidden: set-cookie is a secret header. ${pass ? 'A line matches the expected value.' : 'No line matches the expected value.'} To check one cookie's value and attributes, use toHaveCookie(name, { value, … }).`
        : `Value hidden: ${lower} is a secret header. ${verdict}`,
    );
    return notes;
  }
  if (pass || typeof wanted !== 'string') return notes;
  const want = wanted.trim();
  const joined = values.join(', ').trim();
  if (want.toLowerCase() === joined.toLowerCase()) {
    notes.push('The values differ only in letter case; header values are compared exactly. To ignore case, pass a RegExp with the i flag.');
  } else if (values.length > 1 && values.some((v) => v.trim() === want)) {
    notes.push(`${quote(want)} is one of its ${values.length} values. To match one value of a repeated header, use expect.stringContaining(${quote(want)}) or a RegExp.`);
  }
  return notes;
}
