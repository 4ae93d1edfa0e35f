import { HeaderList } from './header-list.js';
import { heldBody, isObject, method, stringOrUndefined } from './read.js';
import type { Adapter } from './types.js';

/**
 * A plain description of a response, for clients we have no adapter for, and for the inject()
 * results of fastify (light-my-request) and hapi: `{ status | statusCode, headers?, body?, url?, method? }`.
 */
export const plain: Adapter = {
  kind: 'plain',
  accepts: 'a plain { status, headers?, body?, url?, method? } object',
  detect: (v) => typeof v.status === 'number' || (typeof v.statusCode === 'number' && !('status' in v)),
  status: (v) => (typeof v.status === 'number' ? v.status : v.statusCode),
  details: (v) => {
    const url = stringOrUndefined(v.url);
    return {
      statusText: stringOrUndefined(v.statusText) ?? stringOrUndefined(v.statusMessage),
      headers: HeaderList.from(v.headers),
      url,
      request: { method: method(v.method), url },
      body: heldBody(v.body !== undefined ? v.body : 'payload' in v ? v.payload : isObject(v) ? v.text : undefined),
    };
  },
};
