import { adapt } from '../adapters/index.js';
import { parseMediaType } from '../body/media-type.js';
import { parseContentTypeArguments } from '../expectations/content-type.js';
import { contentTypeNotes } from '../message/content-type-notes.js';
import { matcherResult } from '../matcher-result.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveContentType(
  this: MatcherContext,
  received: unknown,
  expected: unknown,
  options?: unknown,
): MatcherResult {
  const matcher = 'toHaveContentType';
  const { wanted, charset } = parseContentTypeArguments(expected, options, toHaveContentType);
  const res = adapt(matcher, received, toHaveContentType, { needs: 'headers', requests: true });

  const raw = res.headers.get('content-type');
  const media = parseMediaType(raw);
  const typeOk = raw !== undefined && wanted.test(raw, media);
  const receivedCharset = media?.params.get('charset');
  const charsetOk =
    charset === undefined || (receivedCharset !== undefined && receivedCharset.toLowerCase() === charset.toLowerCase());
  const pass = typeOk && charsetOk;

  const expectedText = `${wanted.label}${charset === undefined ? '' : ` with charset ${charset}`}`;
  return matcherResult(this, res, pass, () => ({
    about: 'response',
    matcher,
    args: options === undefined ? 'expected' : 'expected, options',
    expected: ['Expected content type', expectedText],
    notes: contentTypeNotes(this.isNot === true, res, { raw, media, wanted, typeOk, charset, charsetOk }),
  }));
}

export type { ContentTypeOptions, ContentTypeShorthand } from '../expectations/content-type.js';
