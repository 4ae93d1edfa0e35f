import { isObject } from './read.js';

/**
 * The usual ways a test passes something that is not a response, each named with its fix in a line or
 * two. undefined when the value matches none of them: the caller then lists what it accepts.
 */
export function diagnoseMistake(value: unknown): string | undefined {
  try {
    return diagnose(value);
  } catch {
    // A Proxy whose traps throw, a getter that throws: no diagnosis, the caller lists what is accepted.
    return undefined;
  }
}

function diagnose(value: unknown): string | undefined {
  if (!isObject(value)) return typeof value === 'string' ? stringMistake(value) : undefined;
  if (typeof value.then === 'function') return thenableMistake(value);
  if (value instanceof Error) return errorMistake(value);
  if (isHeaders(value)) {
    return (
      'received the headers, not the response: pass the response itself (`expect(res)`, not `expect(res.headers)`); ' +
      'toHaveHeader, toHaveContentType and toHaveCookie read its headers.'
    );
  }
  if (looksLikeProblemDetails(value)) {
    return (
      'received a parsed problem details body (RFC 9457: status, title, type…), not the response: its "status" field is ' +
      "what the server wrote into the body, not the response's status. Pass the response itself, and check the body " +
      'with `await expect(res).toBeProblemDetails(…)`.'
    );
  }
  if (
    Array.isArray(value) ||
    Object.getPrototypeOf(value) === Object.prototype ||
    Object.getPrototypeOf(value) === null
  ) {
    return (
      `received what looks like a parsed body (${keysOf(value)}), not the response: pass the response itself, not ` +
      '`await res.json()`, `res.data` or `res.body`; check the body with `await expect(res).toHaveJsonBody(…)` or ' +
      'toMatchJsonBody(…).'
    );
  }
  return undefined;
}

function thenableMistake(value: Record<PropertyKey, unknown>): string {
  // superagent's Request (what supertest's request(app).get() returns) is a thenable with end() and, in supertest, expect().
  if (typeof value.end === 'function' && (typeof value.expect === 'function' || typeof value.set === 'function')) {
    return (
      'received a supertest request that was never sent (its Test object, not the response): add `await`, as in ' +
      "`const res = await request(app).get('/users')`, then `expect(res)…`."
    );
  }
  return (
    'received a Promise, not the response: the request has not finished. Add `await` before the request, as in ' +
    '`const res = await fetch(url)` (axios, got, undici.request and Playwright are awaited the same way), then `expect(res)…`.'
  );
}

// fetch rejects with `TypeError: fetch failed` (the reason in `cause`) when no response came at all. axios's and
// got's errors never reach here: their adapters unwrap them.
function errorMistake(error: Error): string {
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const reason = [error.message, cause?.message].filter(Boolean).join(': ');
  return (
    `received an error, not a response (${error.name}: ${reason}): the request never got an HTTP response, so there ` +
    'is no status to check. Is the server running, and is the URL right? To assert that a request fails, use ' +
    '`await expect(fetch(url)).rejects.toThrow()`.'
  );
}

function stringMistake(value: string): string {
  if (/^\s*\d{3}\s*$/.test(value)) {
    return `received the string ${JSON.stringify(value)}, not the response: pass the response object your client returned, or the status as a number (${value.trim()}).`;
  }
  let what = 'a string';
  if (/^\s*[[{]/.test(value)) what = 'a JSON text, probably the body';
  else if (/^(https?:)?\/\//i.test(value)) what = 'a URL';
  return (
    `received ${what} ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}, not the response: ` +
    'pass the response object your client returned (`const res = await fetch(url)`, then `expect(res)…`).'
  );
}

// Header names nearly every response carries; a plain object keyed by them, with no status, is a headers record.
const COMMON_HEADERS = new Set([
  'content-type',
  'content-length',
  'date',
  'etag',
  'location',
  'set-cookie',
  'cache-control',
  'server',
  'connection',
  'vary',
]);

function isHeaders(value: Record<PropertyKey, unknown>): boolean {
  if (typeof value.get === 'function' && typeof value.has === 'function' && typeof value.entries === 'function')
    return true;
  const name = constructorName(value);
  if (name === 'Headers' || name === 'AxiosHeaders') return true;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.some((key) => COMMON_HEADERS.has(key.toLowerCase())) &&
    keys.every((key) => /^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(key) && isHeaderValue(value[key]))
  );
}

function isHeaderValue(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'number' ||
    (Array.isArray(value) && value.every((v) => typeof v === 'string'))
  );
}

function looksLikeProblemDetails(value: Record<PropertyKey, unknown>): boolean {
  return (
    typeof value.status === 'number' &&
    ['type', 'title', 'detail', 'instance'].some((key) => typeof value[key] === 'string')
  );
}

function keysOf(value: object): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const keys = Object.keys(value);
  return keys.length === 0
    ? 'an empty object'
    : `an object with keys { ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''} }`;
}

function constructorName(value: object): string | undefined {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' ? name : undefined;
}
