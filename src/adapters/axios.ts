import { HeaderList } from './header-list.js';
import { describeError, heldBody, isObject, method, stringOrUndefined } from './read.js';
import type { Adapter } from './types.js';

/** An axios response: `status`, `headers` (AxiosHeaders), `data`, `config`, `request`. */
export const axios: Adapter = {
  kind: 'axios',
  accepts: 'an axios response or AxiosError',
  name: 'axios response',
  detect: (v) =>
    typeof v.status === 'number' && isObject(v.config) && 'data' in v && isObject(v.headers) && 'request' in v,
  // axios rejects on 4xx/5xx by default; the error carries the response we want.
  unwrap: (v) => {
    if (v.isAxiosError !== true) return undefined;
    if (isObject(v.response)) return { response: v.response };
    return {
      problem: `received an AxiosError with no response (${describeError(v)}): the request never got an HTTP response, so there is no status to check. Is the server running, and is the URL right?`,
    };
  },
  hidesSetCookieInBrowsers: true,
  noFollowOption: 'pass maxRedirects: 0 to axios',
  status: (v) => v.status,
  details: (v) => {
    const config = v.config as Record<PropertyKey, unknown>;
    const requestUrl = joinUrl(stringOrUndefined(config.baseURL), stringOrUndefined(config.url));
    const req = isObject(v.request) ? v.request : undefined;
    // In Node, follow-redirects records the final URL on the response; in a browser, XHR has responseURL.
    const finalUrl =
      (isObject(req?.res) ? stringOrUndefined(req.res.responseUrl) : undefined) ?? stringOrUndefined(req?.responseURL);
    return {
      statusText: stringOrUndefined(v.statusText),
      headers: HeaderList.from(v.headers),
      url: finalUrl ?? requestUrl,
      request: { method: method(config.method) ?? 'GET', url: requestUrl },
      requestHeaders: HeaderList.from(config.headers),
      redirected: finalUrl !== undefined && requestUrl !== undefined && finalUrl !== safeHref(requestUrl),
      body: heldBody(v.data),
    };
  },
  // responseType: 'stream' leaves a stream in data, which heldBody does not take.
  bodySource: (v) => ({ type: 'stream', stream: v.data }),
};

function joinUrl(base: string | undefined, url: string | undefined): string | undefined {
  if (base === undefined || url === undefined || /^[a-z][a-z\d+.-]*:/i.test(url)) return url ?? base;
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

function safeHref(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
