import { HeaderList } from './header-list.js';
import { isObject, method } from './read.js';
import { sentText, unkeptBody } from './request-body.js';
import type { RequestAdapter } from './types.js';

/**
 * axios's request config, as a response or an AxiosError keeps it: `res.config`, `error.config`. axios builds the
 * URL from `baseURL`, `url` and `params` when it sends, so it is built here the same way; `data` is what
 * transformRequest produced (JSON text for an object).
 */
export const axiosConfig: RequestAdapter = {
  kind: 'axios-config',
  accepts: "an axios response's `res.config` (or an AxiosError's `error.config`)",
  name: 'axios request config',
  detect: (v) => 'transformRequest' in v && 'transitional' in v && isObject(v.headers) && typeof v.url === 'string',
  read: (v) => {
    const raw = v.headers as Record<PropertyKey, unknown>;
    const headers = HeaderList.from(typeof raw.toJSON === 'function' ? (raw.toJSON as () => unknown)() : raw);
    const text = sentText(v.data, headers.get('content-type'));
    if (text === undefined) return unkeptBody('axios request config');
    return { method: method(v.method) ?? 'GET', url: fullUrl(v), headers, text };
  },
};

function fullUrl(config: Record<PropertyKey, unknown>): string {
  const url = config.url as string;
  const base = typeof config.baseURL === 'string' ? config.baseURL : '';
  const joined =
    base === '' || /^([a-z][a-z\d+\-.]*:)?\/\//i.test(url)
      ? url
      : `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
  const query = serialised(config.params, config.paramsSerializer);
  return query === '' ? joined : `${joined.split('#')[0]}${joined.includes('?') ? '&' : '?'}${query}`;
}

// axios's own serialisation (helpers/buildURL.js, toFormData.js): a user's serializer if given, else arrays as
// `key[]=` (`indexes: false`, the default), `key=` (`null`) or `key[0]=` (`true`), objects as `key[sub]=`.
function serialised(params: unknown, serializer: unknown): string {
  if (!isObject(params)) return '';
  if (params instanceof URLSearchParams) return params.toString();
  const options = isObject(serializer) ? serializer : {};
  const serialize = typeof serializer === 'function' ? serializer : options.serialize;
  if (typeof serialize === 'function')
    return String((serialize as (p: unknown, o: unknown) => unknown)(params, options));
  const indexes = 'indexes' in options ? options.indexes : false;
  const itemKey = (key: string, i: number): string => {
    if (indexes === true) return `${key}[${i}]`;
    return indexes === null ? key : `${key}[]`;
  };
  const pairs = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((item, i) => add(itemKey(key, i), item));
    else if (value instanceof Date) pairs.append(key, value.toISOString());
    else if (isObject(value)) for (const [sub, item] of Object.entries(value)) add(`${key}[${sub}]`, item);
    else pairs.append(key, String(value));
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return pairs.toString();
}
