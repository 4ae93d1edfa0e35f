import { HeaderList } from './header-list.js';
import { clientRequestHeaders, heldBody, isObject, method, stringOrUndefined } from './read.js';
import type { Adapter, HeldBody } from './types.js';

/** A supertest/superagent response: `status`, `header`, `text`, `body`, `request`. */
export const supertest: Adapter = {
  kind: 'supertest',
  accepts: 'a supertest/superagent response',
  name: 'supertest response',
  detect: (v) => typeof v.status === 'number' && isObject(v.header) && 'text' in v && 'body' in v,
  noFollowOption: 'leave out .redirects(n) on the supertest request (it follows none by default)',
  status: (v) => v.status,
  details: (v) => {
    const request = isObject(v.request) ? v.request : undefined;
    const url = stringOrUndefined(request?.url);
    // After `.redirects(n)`, superagent overwrites the request's URL with each hop's: the first one is gone.
    const redirected = Array.isArray(v.redirects) && v.redirects.length > 0;
    return {
      statusText: isObject(v.res) ? stringOrUndefined(v.res.statusMessage) : undefined,
      headers: HeaderList.from(v.header),
      url,
      redirected,
      // superagent keeps what .send() was given in _data.
      request: { method: method(request?.method), url: redirected ? undefined : url, body: request?._data },
      requestHeaders: HeaderList.from(isObject(request?.req) ? clientRequestHeaders(request.req) : request?.header),
      body: supertestBody(v),
    };
  },
};

function supertestBody(v: Record<PropertyKey, unknown>): HeldBody | undefined {
  // superagent fills `text` for textual bodies and parses JSON into `body`; binary bodies land in `body` as a Buffer.
  if (typeof v.text === 'string') return heldBody(v.text);
  const body = v.body;
  if (body === undefined || (isObject(body) && Object.keys(body).length === 0 && !ArrayBuffer.isView(body)))
    return undefined;
  return heldBody(body);
}
