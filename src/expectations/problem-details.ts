import { line } from '../message/show.js';

// RFC 9457 problem details: what a problem+json document's members must be.

export type Obj = Record<string, unknown>;

/** What RFC 9457 §3.1 asks of each standard member; a member of the wrong type is ignored by clients, so it is a bug in the server. */
export function memberProblems(doc: Obj, status: number): string[] {
  const out: string[] = [];
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(doc, key);
  for (const [key, section] of [
    ['type', '3.1.1'],
    ['instance', '3.1.5'],
  ] as const) {
    if (!has(key)) continue;
    const value = doc[key];
    if (typeof value !== 'string')
      out.push(
        `"${key}" is ${describeJson(value)}; it must be a string holding a URI reference (RFC 9457 §${section}).`,
      );
    else if (!isUriReference(value))
      out.push(
        `"${key}" is ${line(JSON.stringify(value), 120)}, which is not a URI reference: no spaces or other characters a URI cannot hold (RFC 9457 §${section}).`,
      );
  }
  if (has('status')) {
    const value = doc.status;
    if (typeof value !== 'number' || !Number.isInteger(value))
      out.push(`"status" is ${describeJson(value)}; it must be a JSON number, the HTTP status code (RFC 9457 §3.1.2).`);
    else if (value !== status)
      out.push(
        `"status" is ${value} but the response status is ${status}; the RFC requires the same code in both (RFC 9457 §3.1.2).`,
      );
  }
  for (const [key, section] of [
    ['title', '3.1.3'],
    ['detail', '3.1.4'],
  ] as const) {
    if (has(key) && typeof doc[key] !== 'string')
      out.push(`"${key}" is ${describeJson(doc[key])}; it must be a string (RFC 9457 §${section}).`);
  }
  return out;
}

// RFC 3986 §4.1: only URI characters and percent-escapes; a colon before any /, ? or # must end a scheme.
export function isUriReference(value: string): boolean {
  if (!/^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(value)) return false;
  const first = value.search(/[:/?#]/);
  return first === -1 || value[first] !== ':' || /^[A-Za-z][A-Za-z0-9+.-]*$/.test(value.slice(0, first));
}

export function isPlainObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeJson(value: unknown): string {
  if (typeof value === 'string')
    return `the string ${line(JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value))}`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}
