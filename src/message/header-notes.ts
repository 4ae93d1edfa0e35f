import { parseMediaType } from '../body/media-type.js';
import type { HttpResponse } from '../adapters/index.js';
import { hiddenSetCookieNote } from '../adapters/set-cookie.js';
import type { TextExpectation } from '../arguments.js';
import { listNames, nearNames } from './closest-names.js';
import { headerValue, line, quote } from './show.js';

// What toHaveHeader's message says: the headers present (nearest names first) when one is missing, or
// the received value, hidden for a secret header, with why a near value does not match.

export function absentNotes(res: HttpResponse, header: string): string[] {
  const notes = [`The ${res.subject} has no ${header} header.`];
  const names = [...res.headers.entries()].map(([n]) => line(n, 80));
  const near = nearNames(header, names);
  if (near.length > 0) notes.push(`Did you mean ${near.slice(0, 3).join(' or ')}?`);
  if (names.length === 0) notes.push('It has no headers at all.');
  // Near misses first, then by name: clients order headers differently (fetch sorts them, Node does not).
  else
    notes.push(
      `Headers present (${names.length}): ${listNames([...near, ...names.filter((n) => !near.includes(n)).sort()])}`,
    );
  if (res.type === 'cors') {
    notes.push(
      'This is a CORS response: the browser shows only the CORS-safelisted headers and those the server names in Access-Control-Expose-Headers.',
    );
  }
  if (header.toLowerCase() === 'set-cookie') {
    const hidden = hiddenSetCookieNote(res);
    if (hidden !== undefined) notes.push(hidden);
  }
  return notes;
}

export function receivedNotes(
  lower: string,
  values: readonly string[],
  wanted: TextExpectation | undefined,
  pass: boolean,
  secret: boolean,
): string[] {
  const show = (value: string): string => (secret ? headerValue(lower, value) : line(value));
  const notes: string[] = [];
  if (lower === 'set-cookie') {
    const lines = values.slice(0, 20).map((v) => `  ${show(v)}`);
    if (values.length > 20) lines.push(`  … and ${values.length - 20} more`);
    notes.push(
      `Received set-cookie (${values.length === 1 ? '1 line' : `${values.length} lines, each compared on its own`}):\n${lines.join('\n')}`,
    );
  } else {
    const joined = values.join(', ');
    notes.push(
      `Received header: ${lower}: ${show(joined)}${values.length > 1 ? ` (${values.length} values, compared joined with ", ")` : ''}`,
    );
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
    notes.push(
      'The values differ only in letter case; header values are compared exactly. To ignore case, pass a RegExp with the i flag.',
    );
  } else if (lower === 'content-type' && sameMediaType(want, joined)) {
    notes.push(
      `The media type is the same; only its parameters differ (${line(joined)}). To check the type whatever the charset, use toHaveContentType(${quote(essence(want) ?? want)}), or toHaveContentType('json') for any JSON type.`,
    );
  } else if (values.length > 1 && values.some((v) => v.trim() === want)) {
    notes.push(
      `${quote(want)} is one of its ${values.length} values. To match one value of a repeated header, use expect.stringContaining(${quote(want)}) or a RegExp.`,
    );
  }
  return notes;
}

/** `application/json` of `application/json; charset=utf-8`. */
function essence(contentType: string): string | undefined {
  const media = parseMediaType(contentType);
  return media === undefined ? undefined : `${media.type}/${media.subtype}`;
}

function sameMediaType(a: string, b: string): boolean {
  const left = essence(a);
  return left !== undefined && left === essence(b);
}
