import type { HttpResponse } from '../adapters/index.js';
import { hiddenSetCookieNote, type SetCookie } from '../adapters/set-cookie.js';
import type { Check } from '../expectations/cookie.js';
import { listNames, nearNames } from './closest-names.js';
import { line, quote } from './show.js';

// What toHaveCookie's message says: the cookies present when the name is missing, or a table of the
// attributes that differ, with why a browser would drop the cookie anyway.

export function absentNotes(res: HttpResponse, name: string, cookies: readonly SetCookie[]): string[] {
  if (cookies.length === 0) {
    const notes = [
      res.headers.has('set-cookie')
        ? 'The response has Set-Cookie headers, but none a browser would accept.'
        : 'The response sets no cookies (it has no Set-Cookie header).',
    ];
    const hidden = hiddenSetCookieNote(res);
    if (hidden !== undefined) notes.push(hidden);
    return notes;
  }
  const names = [...new Set(cookies.map((c) => line(c.name, 80)))];
  const notes = [`The response sets no cookie named ${quote(name)}.`];
  const near = nearNames(name, names);
  if (near.length > 0)
    notes.push(
      `Did you mean ${near
        .slice(0, 3)
        .map((n) => `"${n}"`)
        .join(' or ')}? Cookie names are case-sensitive.`,
    );
  notes.push(`Cookies set (${names.length}): ${listNames([...near, ...names.filter((n) => !near.includes(n))])}`);
  return notes;
}

export function presentNotes(
  isNot: boolean,
  name: string,
  cookies: readonly SetCookie[],
  checks: readonly Check[],
  masked: (c: Check) => string,
): string[] {
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
  if (cookies.length > shown.length)
    notes.push(`… and ${cookies.length - shown.length} more Set-Cookie headers for ${quote(name)}.`);
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
  if (cookie.value === `"${wanted}"`)
    return ['The received value is the expected one in double quotes; browsers keep the quotes as part of the value.'];
  if (wanted !== encodeURIComponent(wanted) && cookie.value === encodeURIComponent(wanted)) {
    return [
      "The received value is the expected one URL-encoded (as Express's res.cookie sends it); compare with encodeURIComponent(value).",
    ];
  }
  return [];
}

// Set-Cookie lines a browser drops however right their attributes look (RFC 6265bis §4.1.3, §5.7).
function browserRejects(cookie: SetCookie): string[] {
  const out: string[] = [];
  if (cookie.sameSite === 'None' && !cookie.secure)
    out.push('Browsers reject this cookie: SameSite=None requires Secure.');
  if (cookie.name.startsWith('__Secure-') && !cookie.secure)
    out.push('Browsers reject this cookie: a __Secure- name requires Secure.');
  if (cookie.name.startsWith('__Host-') && (!cookie.secure || cookie.path !== '/' || cookie.raw.has('domain'))) {
    out.push('Browsers reject this cookie: a __Host- name requires Secure, Path=/ and no Domain.');
  }
  return out;
}
