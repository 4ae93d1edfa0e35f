/**
 * One Set-Cookie line as a browser reads it (RFC 6265bis §5.6): attribute names are case-insensitive,
 * the last occurrence of an attribute wins, and a malformed attribute is ignored, not an error.
 */
export interface SetCookie {
  readonly name: string;
  /** As sent: not URL-decoded, surrounding double quotes kept (browsers keep them too). */
  readonly value: string;
  /** From Expires; `undefined` when absent or not a date a browser would accept. */
  readonly expires: Date | undefined;
  /** From Max-Age, in seconds; `undefined` when absent or not an integer. */
  readonly maxAge: number | undefined;
  /** Lowercased, without the leading dot. */
  readonly domain: string | undefined;
  /** `undefined` when absent or not starting with `/` (the browser then uses the request's directory). */
  readonly path: string | undefined;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** `'Strict'`, `'Lax'` or `'None'`; `undefined` when absent or unrecognised. */
  readonly sameSite: 'Strict' | 'Lax' | 'None' | undefined;
  readonly partitioned: boolean;
  /** The last value of each attribute as sent, by lowercased name, for messages (`'max-age' → 'abc'`). */
  readonly raw: ReadonlyMap<string, string>;
}

const SAME_SITE: Readonly<Record<string, 'Strict' | 'Lax' | 'None'>> = { strict: 'Strict', lax: 'Lax', none: 'None' };

/** Parses one Set-Cookie line. Never throws; returns `undefined` for a line a browser would ignore. */
export function parseSetCookie(line: string): SetCookie | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(line)) return undefined;
  const semi = line.indexOf(';');
  const { name, value } = setCookiePair(line);
  if (name === '' && value === '') return undefined;

  const raw = new Map<string, string>();
  for (const av of semi === -1 ? [] : line.slice(semi + 1).split(';')) {
    const avEq = av.indexOf('=');
    const key = trim(avEq === -1 ? av : av.slice(0, avEq)).toLowerCase();
    if (key === '') continue;
    raw.set(key, trim(avEq === -1 ? '' : av.slice(avEq + 1)));
  }
  const maxAgeText = raw.get('max-age');
  const pathText = raw.get('path');
  const domainText = raw.get('domain');
  const expiresText = raw.get('expires');
  return {
    name,
    value,
    expires: expiresText === undefined ? undefined : parseCookieDate(expiresText),
    maxAge: maxAgeText !== undefined && /^-?\d+$/.test(maxAgeText) ? Number(maxAgeText) : undefined,
    domain: domainText ? domainText.replace(/^\./, '').toLowerCase() || undefined : undefined,
    path: pathText?.startsWith('/') ? pathText : undefined,
    secure: raw.has('secure'),
    httpOnly: raw.has('httponly'),
    sameSite: SAME_SITE[(raw.get('samesite') ?? '').toLowerCase()],
    partitioned: raw.has('partitioned'),
    raw,
  };
}

/**
 * The cookie name and value of a Set-Cookie line, whatever else is wrong with it. A line without `=` before its
 * first `;` is a nameless cookie and all of that is its value (RFC 6265bis §5.6 step 3, as browsers read it;
 * RFC 6265 ignored such lines), so `Set-Cookie: abcdef123secret` is a secret value, not a cookie name.
 */
export function setCookiePair(line: string): { readonly name: string; readonly value: string } {
  const semi = line.indexOf(';');
  const pair = semi === -1 ? line : line.slice(0, semi);
  const eq = pair.indexOf('=');
  return eq === -1
    ? { name: '', value: trim(pair) }
    : { name: trim(pair.slice(0, eq)), value: trim(pair.slice(eq + 1)) };
}

function trim(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The cookie-date algorithm of RFC 6265bis §5.1.1, which browsers use instead of `Date.parse`: it
 * accepts `Wed, 21-Oct-2015 07:28:00 GMT` and two-digit years, and is the same in every engine.
 */
export function parseCookieDate(text: string): Date | undefined {
  let time: number[] | undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  // eslint-disable-next-line no-control-regex
  for (const token of text.split(/[\u0009\u0020-\u002F\u003B-\u0040\u005B-\u0060\u007B-\u007E]+/)) {
    if (token === '') continue;
    const hms = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D.*)?$/.exec(token);
    if (time === undefined && hms) {
      time = [Number(hms[1]), Number(hms[2]), Number(hms[3])];
      continue;
    }
    const dayMatch = /^(\d{1,2})(?:\D.*)?$/.exec(token);
    if (day === undefined && dayMatch) {
      day = Number(dayMatch[1]);
      continue;
    }
    const m = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
    if (month === undefined && m !== -1) {
      month = m;
      continue;
    }
    const yearMatch = /^(\d{2,4})(?:\D.*)?$/.exec(token);
    if (year === undefined && yearMatch) year = Number(yearMatch[1]);
  }
  if (time === undefined || day === undefined || month === undefined || year === undefined) return undefined;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const [h = 0, min = 0, s = 0] = time;
  if (day < 1 || day > 31 || year < 1601 || h > 23 || min > 59 || s > 59) return undefined;
  const date = new Date(Date.UTC(year, month, day, h, min, s));
  // Feb 30 and the like roll over in Date.UTC; the algorithm rejects them.
  return date.getUTCDate() === day ? date : undefined;
}

/**
 * Browsers never let scripts read Set-Cookie (a forbidden response-header name), so a fetch or axios
 * response there never has one. Said only where a DOM exists: in Node, a missing Set-Cookie is real.
 */
export function hiddenSetCookieNote(res: { readonly hidesSetCookieInBrowsers: boolean }): string | undefined {
  const dom = typeof (globalThis as { document?: unknown }).document !== 'undefined';
  if (!dom || !res.hidesSetCookieInBrowsers) return undefined;
  return "If this test runs in a real browser: browsers never show Set-Cookie to scripts (fetch, XHR, axios), so the response cannot carry it here. Check the cookie from the server side, or with Playwright's context.cookies().";
}
