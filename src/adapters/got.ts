import { HeaderList } from './header-list.js';
import { heldBody, isObject, method, stringOrUndefined } from './read.js';
import type { Adapter } from './types.js';

/** A got response: an IncomingMessage with `body`, `url`, `requestUrl` and `redirectUrls`. */
export const got: Adapter = {
  kind: 'got',
  accepts: 'a got response',
  detect: (v) => typeof v.statusCode === 'number' && Array.isArray(v.redirectUrls) && 'requestUrl' in v && isObject(v.headers),
  status: (v) => v.statusCode,
  details: (v) => {
    const options = isObject(v.request) && isObject(v.request.options) ? v.request.options : undefined;
    const requestUrl = v.requestUrl === undefined ? undefined : String(v.requestUrl);
    return {
      statusText: stringOrUndefined(v.statusMessage),
      headers: HeaderList.from(v.headers),
      url: stringOrUndefined(v.url),
      request: { method: method(options?.method), url: requestUrl },
      requestHeaders: HeaderList.from(options?.headers),
      redirected: (v.redirectUrls as unknown[]).length > 0,
      body: heldBody(v.body),
    };
  },
};
