import { adapt } from '../adapters/index.js';
import { parseMediaType, typeAndSubtype, type MediaType } from '../body/media-type.js';
import { showArgument, testRegExp } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { nearNames } from '../message/closest-names.js';
import { failureMessage } from '../message/failure-message.js';
import { getStatus } from '../registry/index.js';
import { line, quote } from '../message/show.js';
import type { MatcherContext, MatcherResult } from '../types.js';

/** Names for the usual families of media types. */
export type ContentTypeShorthand = 'json' | 'html' | 'text' | 'xml' | 'form' | 'multipart';

export interface ContentTypeOptions {
  /** The charset parameter, compared case-insensitively: `'utf-8'` matches `charset="UTF-8"`. */
  charset?: string;
}

const SHORTHANDS: Readonly<Record<ContentTypeShorthand, { label: string; test: (type: string, subtype: string) => boolean }>> = {
  json: { label: 'JSON (application/json or any +json type)', test: (t, s) => (t === 'application' && s === 'json') || s.endsWith('+json') },
  html: { label: 'HTML (text/html)', test: (t, s) => t === 'text' && s === 'html' },
  text: { label: 'text (text/*)', test: (t) => t === 'text' },
  xml: { label: 'XML (application/xml, text/xml or any +xml type)', test: (t, s) => ((t === 'application' || t === 'text') && s === 'xml') || s.endsWith('+xml') },
  form: { label: 'a URL-encoded form (application/x-www-form-urlencoded)', test: (t, s) => t === 'application' && s === 'x-www-form-urlencoded' },
  multipart: { label: 'multipart (multipart/*)', test: (t) => t === 'multipart' },
};
const ACCEPTS = `expected must be one of ${Object.keys(SHORTHANDS).map((k) => `'${k}'`).join(', ')}, a media type such as 'application/pdf' or 'image/*', or a RegExp tested against the whole header`;

interface Wanted {
  label: string;
  shorthand?: ContentTypeShorthand;
  test(raw: string, media: MediaType | undefined): boolean;
}

export function toHaveContentType(this: MatcherContext, received: unknown, expected: unknown, options?: unknown): MatcherResult {
  const matcher = 'toHaveContentType';
  const wanted = parseExpected(expected);
  const charset = parseOptions(options);
  const res = adapt(matcher, received, toHaveContentType);
  if (res.kind === 'status-code') {
    throw new HttpMatcherUsageError(matcher, `received the bare status code ${res.status}, which has no headers: pass the response itself.`, toHaveContentType);
  }

  const raw = res.headers.get('content-type');
  const media = parseMediaType(raw);
  const typeOk = raw !== undefined && wanted.test(raw, media);
  const receivedCharset = media?.params.get('charset');
  const charsetOk = charset === undefined || (receivedCharset !== undefined && receivedCharset.toLowerCase() === charset.toLowerCase());
  const pass = typeOk && charsetOk;

  const expectedText = `${wanted.label}${charset === undefined ? '' : ` with charset ${charset}`}`;
  return {
    pass,
    message: () => {
      const notes: string[] = [];
      if (raw === undefined) {
        notes.push('The response has no Content-Type header.');
        const entry = getStatus(res.status);
        if (res.status === 204 || res.status === 304) {
          notes.push(`That is expected: a ${res.status} ${entry?.reason ?? ''} response has no body, so there is no content to describe.`);
        }
      } else {
        notes.push(`Received content type: ${line(raw)}`);
        const count = res.headers.getAll('content-type').length;
        if (count > 1) notes.push(`The response has ${count} Content-Type headers (shown joined); clients disagree on which one counts.`);
        if (media === undefined) notes.push('That is not a valid media type (type/subtype), so clients will not know how to read the body.');
        else if (!this.isNot && typeOk && !charsetOk) {
          notes.push(receivedCharset === undefined ? 'The media type matches, but there is no charset parameter.' : `The media type matches; the charset is ${quote(receivedCharset)}, not ${quote(charset ?? '')}.`);
        } else if (!this.isNot && wanted.shorthand === 'json' && media.type === 'text' && media.subtype === 'html') {
          notes.push('HTML where JSON was expected is often an error page, a proxy\'s page or a single-page app\'s index.html served for an unknown path: see the body.');
        }
      }
      return failureMessage(this, res, {
        about: 'response',
        matcher,
        args: options === undefined ? 'expected' : 'expected, options',
        expected: ['Expected content type', expectedText],
        notes,
      });
    },
  };
}

function parseExpected(expected: unknown): Wanted {
  if (expected instanceof RegExp) {
    return { label: `matching ${line(String(expected), 200)}`, test: (raw) => testRegExp(expected, raw) };
  }
  if (typeof expected !== 'string') throw usage(`${ACCEPTS}; got ${showArgument(expected)}.`);
  const lower = expected.trim().toLowerCase();
  const shorthand = Object.hasOwn(SHORTHANDS, lower) ? SHORTHANDS[lower as ContentTypeShorthand] : undefined;
  if (shorthand) return { label: shorthand.label, shorthand: lower as ContentTypeShorthand, test: (_raw, media) => media !== undefined && shorthand.test(media.type, media.subtype) };
  if (lower.includes(';')) {
    throw usage(`expected is a media type without parameters; got ${showArgument(expected)}. To check the charset, pass { charset: '…' } as the second argument; for other parameters, use a RegExp.`);
  }
  const m = typeAndSubtype(lower);
  if (!m) {
    const near = nearNames(lower, Object.keys(SHORTHANDS));
    throw usage(`${ACCEPTS}; got ${showArgument(expected)}.${near.length > 0 ? ` Did you mean '${near[0] ?? ''}'?` : ''}`);
  }
  const [type, subtype] = m;
  return {
    label: lower,
    test: (_raw, media) => media !== undefined && (type === '*' || media.type === type) && (subtype === '*' || media.subtype === subtype),
  };
}

function parseOptions(options: unknown): string | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw usage(`options must be an object such as { charset: 'utf-8' }; got ${showArgument(options)}.`);
  }
  const unknown = Object.keys(options).filter((k) => k !== 'charset');
  if (unknown.length > 0) throw usage(`options has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => quote(k)).join(', ')}; the only option is charset.`);
  const { charset } = options as { charset?: unknown };
  if (charset === undefined) return undefined;
  if (typeof charset !== 'string' || charset.trim() === '') throw usage(`options.charset must be a non-empty string such as 'utf-8'; got ${showArgument(charset)}.`);
  return charset.trim();
}

function usage(problem: string): HttpMatcherUsageError {
  return new HttpMatcherUsageError('toHaveContentType', problem, toHaveContentType);
}
