import { showArgument, testRegExp } from '../arguments.js';
import type { MediaType } from '../body/media-type.js';
import { typeAndSubtype } from '../body/media-type.js';
import { HttpMatcherUsageError } from '../errors.js';
import { nearNames } from '../message/closest-names.js';
import { line, quote } from '../message/show.js';

// What toHaveContentType accepts: a shorthand, a media type or range, or a RegExp; and the charset option.

type Caller = (...args: never[]) => unknown;

/** Names for the usual families of media types. */
export type ContentTypeShorthand = 'json' | 'html' | 'text' | 'xml' | 'form' | 'multipart';

export interface ContentTypeOptions {
  /** The charset parameter, compared case-insensitively: `'utf-8'` matches `charset="UTF-8"`. */
  charset?: string;
}

export const SHORTHANDS: Readonly<
  Record<ContentTypeShorthand, { label: string; test: (type: string, subtype: string) => boolean }>
> = {
  json: {
    label: 'JSON (application/json or any +json type)',
    test: (t, s) => (t === 'application' && s === 'json') || s.endsWith('+json'),
  },
  html: { label: 'HTML (text/html)', test: (t, s) => t === 'text' && s === 'html' },
  text: { label: 'text (text/*)', test: (t) => t === 'text' },
  xml: {
    label: 'XML (application/xml, text/xml or any +xml type)',
    test: (t, s) => ((t === 'application' || t === 'text') && s === 'xml') || s.endsWith('+xml'),
  },
  form: {
    label: 'a URL-encoded form (application/x-www-form-urlencoded)',
    test: (t, s) => t === 'application' && s === 'x-www-form-urlencoded',
  },
  multipart: { label: 'multipart (multipart/*)', test: (t) => t === 'multipart' },
};
export const ACCEPTS = `expected must be one of ${Object.keys(SHORTHANDS)
  .map((k) => `'${k}'`)
  .join(', ')}, a media type such as 'application/pdf' or 'image/*', or a RegExp tested against the whole header`;

export interface Wanted {
  label: string;
  shorthand?: ContentTypeShorthand;
  test(raw: string, media: MediaType | undefined): boolean;
}

export function parseExpected(expected: unknown, caller: Caller): Wanted {
  if (expected instanceof RegExp) {
    return { label: `matching ${line(String(expected), 200)}`, test: (raw) => testRegExp(expected, raw) };
  }
  if (typeof expected !== 'string') throw usage(caller, `${ACCEPTS}; got ${showArgument(expected)}.`);
  const lower = expected.trim().toLowerCase();
  const shorthand = Object.hasOwn(SHORTHANDS, lower) ? SHORTHANDS[lower as ContentTypeShorthand] : undefined;
  if (shorthand)
    return {
      label: shorthand.label,
      shorthand: lower as ContentTypeShorthand,
      test: (_raw, media) => media !== undefined && shorthand.test(media.type, media.subtype),
    };
  if (lower.includes(';')) {
    throw usage(
      caller,
      `expected is a media type without parameters; got ${showArgument(expected)}. To check the charset, pass { charset: '…' } as the second argument; for other parameters, use a RegExp.`,
    );
  }
  const m = typeAndSubtype(lower);
  if (!m) {
    const near = nearNames(lower, Object.keys(SHORTHANDS));
    throw usage(
      caller,
      `${ACCEPTS}; got ${showArgument(expected)}.${near.length > 0 ? ` Did you mean '${near[0] ?? ''}'?` : ''}`,
    );
  }
  const [type, subtype] = m;
  return {
    label: lower,
    test: (_raw, media) =>
      media !== undefined && (type === '*' || media.type === type) && (subtype === '*' || media.subtype === subtype),
  };
}

export function parseOptions(options: unknown, caller: Caller): string | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw usage(caller, `options must be an object such as { charset: 'utf-8' }; got ${showArgument(options)}.`);
  }
  const unknown = Object.keys(options).filter((k) => k !== 'charset');
  if (unknown.length > 0)
    throw usage(
      caller,
      `options has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => quote(k)).join(', ')}; the only option is charset.`,
    );
  const { charset } = options as { charset?: unknown };
  if (charset === undefined) return undefined;
  if (typeof charset !== 'string' || charset.trim() === '')
    throw usage(caller, `options.charset must be a non-empty string such as 'utf-8'; got ${showArgument(charset)}.`);
  return charset.trim();
}

function usage(caller: Caller, problem: string): HttpMatcherUsageError {
  return new HttpMatcherUsageError('toHaveContentType', problem, caller);
}

/** Both arguments of toHaveContentType, checked before the response is looked at. */
export function parseContentTypeArguments(
  expected: unknown,
  options: unknown,
  caller: Caller,
): { wanted: Wanted; charset: string | undefined } {
  return { wanted: parseExpected(expected, caller), charset: parseOptions(options, caller) };
}
