import type { HeldBody } from './types.js';

type Obj = Record<PropertyKey, unknown>;

export function isObject(value: unknown): value is Obj {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

type Kind = 'number' | 'boolean' | 'string' | 'function' | 'object' | 'array';

/**
 * A shape for duck typing, built once per adapter: `shape({ status: 'number', clone: 'function' })` tests that each
 * named property is of that kind (`object`: a non-null object or function, `array`: Array.isArray).
 */
export function shape(kinds: Readonly<Record<string, Kind>>): (value: Obj) => boolean {
  const entries = Object.entries(kinds);
  return (value) => entries.every(([key, kind]) => isKind(value[key], kind));
}

function isKind(value: unknown, kind: Kind): boolean {
  if (kind === 'object') return isObject(value);
  if (kind === 'array') return Array.isArray(value);
  return typeof value === kind;
}

export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A body the object already holds, as text, bytes or a parsed value; streams are not bodies we hold. */
export function heldBody(value: unknown): HeldBody | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return { type: 'text', text: value };
  if (ArrayBuffer.isView(value))
    return { type: 'bytes', bytes: new Uint8Array(value.buffer, value.byteOffset, value.byteLength) };
  if (Object.prototype.toString.call(value) === '[object ArrayBuffer]')
    return { type: 'bytes', bytes: new Uint8Array(value as ArrayBuffer) };
  if (isObject(value) && (typeof value.pipe === 'function' || typeof value.getReader === 'function')) return undefined;
  return { type: 'value', value };
}

/** The URL a Node `ClientRequest` was sent to (it keeps host, path and protocol apart). */
export function clientRequestUrl(req: unknown): string | undefined {
  if (!isObject(req) || typeof req.path !== 'string') return undefined;
  const hostHeader =
    typeof req.getHeader === 'function' ? (req.getHeader as (n: string) => unknown)('host') : undefined;
  const host = stringOrUndefined(hostHeader) ?? stringOrUndefined(req.host);
  if (host === undefined) return req.path;
  return `${stringOrUndefined(req.protocol) ?? 'http:'}//${host}${req.path}`;
}

/** Headers a Node `ClientRequest` sent (for redaction only). */
export function clientRequestHeaders(req: unknown): unknown {
  return isObject(req) && typeof req.getHeaders === 'function' ? (req.getHeaders as () => unknown)() : undefined;
}

/** Uppercased method, or undefined. */
export function method(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.toUpperCase() : undefined;
}

/** An error in one line for a message: its code or type, then its message; never throws. */
export function describeError(error: unknown): string {
  try {
    if (isObject(error)) {
      const message = typeof error.message === 'string' ? error.message : String(error);
      // "ECONNREFUSED: connect ECONNREFUSED …" says it twice; a TypeError should say it is one.
      if (typeof error.code === 'string' && !message.includes(error.code)) return `${error.code}: ${message}`;
      if (typeof error.name === 'string' && error.name !== 'Error' && !/^Axios/.test(error.name))
        return `${error.name}: ${message}`;
      return message;
    }
    return String(error);
  } catch {
    return 'an error that could not be inspected';
  }
}
