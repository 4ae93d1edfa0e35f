import { HeaderList } from './header-list.js';
import { method, shape, stringOrUndefined } from './read.js';
import type { Adapter, RequestAdapter } from './types.js';

const looksLikeRequest = shape({
  method: 'string',
  url: 'string',
  clone: 'function',
  bodyUsed: 'boolean',
  headers: 'object',
});

/**
 * WHATWG `Request`: what an msw handler receives, a service worker's fetch event, a Request built by hand. It is what
 * a client sends, so it has no status: only the header and body matchers accept it (decisions/0005).
 */
export const fetchRequest: Adapter = {
  kind: 'fetch-request',
  subject: 'request',
  accepts: 'a fetch Request (for the header and body matchers)',
  name: 'fetch Request',
  // A Response has a status and no method; a Request the reverse.
  detect: (v) =>
    looksLikeRequest(v) && !('status' in v) && typeof (v.headers as Record<PropertyKey, unknown>).get === 'function',
  status: () => Number.NaN,
  details: (v) => {
    const url = stringOrUndefined(v.url);
    return {
      headers: HeaderList.from(v.headers),
      url,
      request: { method: method(v.method), url },
      requestHeaders: HeaderList.from(v.headers),
    };
  },
  // Read through clone() so the handler can still read it; once read, the stream itself says it is used.
  bodySource: (v) => (v.bodyUsed === true ? { type: 'stream', stream: v.body } : { type: 'fetch', response: v }),
};

/** The same Request, as a contract check reads it: its body through a clone (bounded by bodyLimit and bodyTimeout). */
export const fetchRequestSent: RequestAdapter = {
  kind: 'fetch-request',
  accepts: 'a fetch Request (what an msw handler receives)',
  name: 'fetch Request',
  detect: (v) => fetchRequest.detect(v),
  read: (v, readStream) => {
    // Checked before anything async, so the usage error is thrown at the assertion.
    if (v.bodyUsed === true)
      return 'received a Request whose body was already read: check it before reading it (await request.json() after the assertion), or pass request.clone().';
    const view = (text: string) => ({
      method: method(v.method) ?? 'GET',
      url: v.url as string,
      headers: HeaderList.from(v.headers),
      text,
    });
    return v.body === null ? view('') : readStream().then(view);
  },
};
