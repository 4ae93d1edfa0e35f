import { HeaderList } from './header-list.js';
import { heldBody, shape, stringOrUndefined } from './read.js';
import type { Adapter } from './types.js';

const looksLikeResponse = shape({ status: 'number', clone: 'function', bodyUsed: 'boolean', headers: 'object' });

/** WHATWG `Response`: global fetch, undici's fetch, msw's `HttpResponse`, ky, ofetch's raw response. */
export const fetchResponse: Adapter = {
  kind: 'fetch',
  accepts: 'a fetch Response (global fetch, undici, msw, ky, ofetch)',
  name: 'fetch Response',
  detect: (v) => looksLikeResponse(v) && typeof (v.headers as Record<PropertyKey, unknown>).get === 'function',
  allowsStatusZero: true,
  hidesSetCookieInBrowsers: true,
  noFollowOption: "pass { redirect: 'manual' } to fetch",
  status: (v) => v.status,
  details: (v) => ({
    statusText: stringOrUndefined(v.statusText),
    headers: HeaderList.from(v.headers),
    url: stringOrUndefined(v.url) || undefined,
    redirected: v.redirected === true,
    type: stringOrUndefined(v.type),
    // ofetch keeps the parsed body on `_data`; a plain Response holds none until it is read.
    body: '_data' in v ? heldBody(v._data) : undefined,
  }),
  bodySource: (v) => ({ type: 'fetch', response: v }),
};
