import { HeaderList } from './header-list.js';
import { heldBody, isObject, method, stringOrUndefined } from './read.js';
import type { Adapter } from './types.js';

// The keys a hand-built response may have without `headers` (see decisions/0005).
const RESPONSE_KEYS = new Set([
  'status',
  'statusCode',
  'statusText',
  'statusMessage',
  'headers',
  'body',
  'payload',
  'text',
  'url',
  'method',
  'ok',
  'redirected',
  'type',
]);

/**
 * A plain description of a response, for clients we have no adapter for, and for the inject()
 * results of fastify (light-my-request) and hapi: `{ status | statusCode, headers?, body?, url?, method? }`.
 * A numeric status alone is not enough: a parsed body such as problem+json has one too. So the object
 * must also carry `headers`, or have no key but the ones above (decisions/0005).
 */
// fastify's inject() calls it payload; a hand-built one may say text.
function plainBody(v: Record<PropertyKey, unknown>): unknown {
  if (v.body !== undefined) return v.body;
  return 'payload' in v ? v.payload : v.text;
}

export const plain: Adapter = {
  kind: 'plain',
  accepts: 'a plain { status, headers?, body?, url?, method? } object',
  name: 'response',
  detect: (v) =>
    (typeof v.status === 'number' || (typeof v.statusCode === 'number' && !('status' in v))) &&
    (isObject(v.headers) || Object.keys(v).every((key) => RESPONSE_KEYS.has(key))),
  status: (v) => (typeof v.status === 'number' ? v.status : v.statusCode),
  details: (v) => {
    const url = stringOrUndefined(v.url);
    return {
      statusText: stringOrUndefined(v.statusText) ?? stringOrUndefined(v.statusMessage),
      headers: HeaderList.from(v.headers),
      url,
      request: { method: method(v.method), url },
      body: heldBody(plainBody(v)),
    };
  },
  // A body given as a stream (heldBody takes anything else).
  bodySource: (v) => ({ type: 'stream', stream: v.body }),
};
