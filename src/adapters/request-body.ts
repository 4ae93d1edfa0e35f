import { isObject } from './read.js';

/**
 * A request body a client kept, as the text it sent: a string as is, bytes as UTF-8, URLSearchParams as its text,
 * and a value the client serialises itself (superagent's `_data`, got's `json`/`form`) the way that client does.
 * undefined: a body that cannot be had again (a stream, FormData), which the caller reports.
 */
export function sentText(body: unknown, contentType: string | undefined): string | undefined {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(body));
  if (body instanceof URLSearchParams) return body.toString();
  if (!isObject(body) || typeof body.pipe === 'function' || typeof body.getReader === 'function') return undefined;
  const proto: unknown = Object.getPrototypeOf(body);
  if (proto !== Object.prototype && proto !== null && !Array.isArray(body)) return undefined;
  if (contentType !== undefined && /^application\/x-www-form-urlencoded/i.test(contentType))
    return new URLSearchParams(
      Object.entries(body).flatMap(([k, v]) => (Array.isArray(v) ? v.map((i) => [k, String(i)]) : [[k, String(v)]])),
    ).toString();
  return JSON.stringify(body);
}

/** The "cannot check this body" reason, for a client's request whose body was a stream or FormData. */
export function unkeptBody(name: string): string {
  return `the body of this ${name} was a stream or FormData, which the client does not keep: check the request where it is received instead (an msw handler's \`request\`, or the server).`;
}
