import { HeaderList } from './header-list.js';
import { isObject, method } from './read.js';
import { sentText, unkeptBody } from './request-body.js';
import type { RequestAdapter } from './types.js';

/**
 * got's Request, as a got response keeps it: `res.request`. Its `options` hold what went out: `url` (a URL, search
 * params included), `headers`, and the body, which got has already turned from `json` or `form` into `body` text.
 */
export const gotRequest: RequestAdapter = {
  kind: 'got-request',
  accepts: "a got response's `res.request`",
  name: 'got request',
  detect: (v) =>
    'requestUrl' in v &&
    isObject(v.options) &&
    typeof v.options.method === 'string' &&
    isObject(v.options.headers) &&
    v.options.url !== undefined,
  read: (v) => {
    const options = v.options as Record<PropertyKey, unknown>;
    const headers = HeaderList.from(options.headers);
    const type = headers.get('content-type');
    // got moves json and form into body before sending; a request read before that still has them.
    const body = options.body ?? options.json ?? options.form;
    const text =
      options.form !== undefined && options.body === undefined
        ? sentText(options.form, 'application/x-www-form-urlencoded')
        : sentText(body, type);
    if (text === undefined) return unkeptBody('got request');
    return { method: method(options.method) ?? 'GET', url: String(options.url), headers, text };
  },
};
