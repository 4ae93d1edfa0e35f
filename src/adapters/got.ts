import { HeaderList } from './header-list.js';
import { describeError, heldBody, isObject, method, stringOrUndefined } from './read.js';
import { charsetOf } from '../body/media-type.js';
import type { Adapter, HeldBody } from './types.js';

/** A got response: an IncomingMessage with `body`, `url`, `requestUrl` and `redirectUrls`. */
export const got: Adapter = {
  kind: 'got',
  accepts: 'a got response',
  name: 'got response',
  detect: (v) =>
    typeof v.statusCode === 'number' && Array.isArray(v.redirectUrls) && 'requestUrl' in v && isObject(v.headers),
  // got throws HTTPError on 4xx/5xx (its `response` is the response) and RequestError subclasses when no
  // response came (ECONNREFUSED, TimeoutError). All of them carry `options`, `input` and `timings`.
  unwrap: (v) => {
    if (!('timings' in v && 'input' in v && isObject(v.options) && typeof v.name === 'string')) return undefined;
    if (isObject(v.response)) return { response: v.response };
    return {
      problem: `received got's ${v.name} with no response (${stringOrUndefined(v.message) ?? describeError(v)}): the request never got an HTTP response, so there is no status to check. Is the server running, and is the URL right?`,
    };
  },
  noFollowOption: 'pass followRedirect: false to got',
  status: (v) => v.statusCode,
  details: (v) => {
    const options = isObject(v.request) && isObject(v.request.options) ? v.request.options : undefined;
    const requestUrl = v.requestUrl === undefined ? undefined : String(v.requestUrl);
    return {
      statusText: stringOrUndefined(v.statusMessage),
      headers: HeaderList.from(v.headers),
      url: stringOrUndefined(v.url),
      request: { method: method(options?.method), url: requestUrl, body: options?.json ?? options?.body },
      requestHeaders: HeaderList.from(options?.headers),
      redirected: (v.redirectUrls as unknown[]).length > 0,
      body: gotBody(v),
    };
  },
};

/**
 * got's `body` is text decoded as UTF-8, or the value responseType: 'json' parsed (the body `"123"` becomes "123",
 * which as text would be the number 123). `rawBody` holds the bytes it received, Content-Encoding undone: taken
 * where `body` is not the text as sent, or where the Content-Type names a charset UTF-8 would misread.
 */
function gotBody(v: Record<PropertyKey, unknown>): HeldBody | undefined {
  const charset = charsetOf(HeaderList.from(v.headers).get('content-type'))?.toLowerCase();
  const utf8 = charset === undefined || charset === 'utf-8' || charset === 'utf8';
  const options = isObject(v.request) && isObject(v.request.options) ? v.request.options : undefined;
  const parsed = options?.responseType === 'json';
  if (typeof v.body === 'string' && utf8 && !parsed) return heldBody(v.body);
  return heldBody(v.rawBody) ?? heldBody(v.body);
}
