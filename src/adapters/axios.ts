import { HeaderList } from './header-list.js';
import { describeError, heldBody, isObject, method, stringOrUndefined } from './read.js';
import type { Adapter, HeldBody } from './types.js';

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
      // axios keeps the body it sent, serialised, in config.data.
      request: { method: method(config.method) ?? 'GET', url: requestUrl, body: config.data },
      requestHeaders: HeaderList.from(config.headers),
      redirected: finalUrl !== undefined && requestUrl !== undefined && finalUrl !== safeHref(requestUrl),
      body: axiosBody(v, config),
    };
  },
  // responseType: 'stream' leaves a stream in data, which heldBody does not take.
  bodySource: (v) => ({ type: 'stream', stream: v.data }),
};

/**
 * axios JSON.parse()s a text body unless told not to, and keeps the text when that fails: a string in `data` is
 * either the body as sent (not JSON) or a JSON string it parsed (the body `"123"` becomes "123"). Taking the parsed
 * string for the text would make it the number 123, so it is told apart: a string that parses as JSON cannot be a
 * body axios failed to parse; otherwise Content-Length, where there is one, says whether the quotes were sent.
 */
function axiosBody(v: Record<PropertyKey, unknown>, config: Record<PropertyKey, unknown>): HeldBody | undefined {
  const data = v.data;
  if (typeof data !== 'string' || !axiosParsesJson(config)) return heldBody(data);
  if (parsesAsJson(data)) return { type: 'value', value: data };
  const length = Number(HeaderList.from(v.headers).get('content-length'));
  const encoder = new TextEncoder();
  if (Number.isSafeInteger(length) && length !== encoder.encode(data).byteLength)
    if (length === encoder.encode(JSON.stringify(data)).byteLength) return { type: 'value', value: data };
  return { type: 'text', text: data };
}

function axiosParsesJson(config: Record<PropertyKey, unknown>): boolean {
  if (config.responseType === 'json') return true;
  const transitional = isObject(config.transitional) ? config.transitional : undefined;
  return (config.responseType === undefined || config.responseType === '') && transitional?.forcedJSONParsing !== false;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

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
