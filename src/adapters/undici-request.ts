import { HeaderList } from './header-list.js';
import { isObject } from './read.js';
import type { Adapter } from './types.js';

/** The result of `undici.request()`: `{ statusCode, headers, trailers, opaque, body, context }`. */
export const undiciRequest: Adapter = {
  kind: 'undici-request',
  accepts: 'an undici.request() result',
  name: 'undici.request() result',
  detect: (v) =>
    typeof v.statusCode === 'number' && isObject(v.headers) && isObject(v.body) && 'trailers' in v && 'opaque' in v,
  status: (v) => v.statusCode,
  // Neither the URL nor the method is kept on the result; the body is a stream read by the body matchers.
  details: (v) => ({ headers: HeaderList.from(v.headers) }),
  // undici.request, unlike undici's fetch, does not undo Content-Encoding.
  bodySource: (v) => ({ type: 'stream', stream: v.body, encoded: true }),
};
