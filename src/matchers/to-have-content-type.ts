import { adapt } from '../adapters/index.js';
import { parseMediaType } from '../body/media-type.js';
import { parseContentTypeArguments } from '../expectations/content-type.js';
import { failureMessage } from '../message/failure-message.js';
import { getStatus } from '../registry/index.js';
import { line, quote } from '../message/show.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveContentType(
  this: MatcherContext,
  received: unknown,
  expected: unknown,
  options?: unknown,
): MatcherResult {
  const matcher = 'toHaveContentType';
  const { wanted, charset } = parseContentTypeArguments(expected, options, toHaveContentType);
  const res = adapt(matcher, received, toHaveContentType, { needs: 'headers' });

  const raw = res.headers.get('content-type');
  const media = parseMediaType(raw);
  const typeOk = raw !== undefined && wanted.test(raw, media);
  const receivedCharset = media?.params.get('charset');
  const charsetOk =
    charset === undefined || (receivedCharset !== undefined && receivedCharset.toLowerCase() === charset.toLowerCase());
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
          notes.push(
            `That is expected: a ${res.status} ${entry?.reason ?? ''} response has no body, so there is no content to describe.`,
          );
        }
      } else {
        notes.push(`Received content type: ${line(raw)}`);
        const count = res.headers.getAll('content-type').length;
        if (count > 1)
          notes.push(
            `The response has ${count} Content-Type headers (shown joined); clients disagree on which one counts.`,
          );
        if (media === undefined)
          notes.push('That is not a valid media type (type/subtype), so clients will not know how to read the body.');
        else if (!this.isNot && typeOk && !charsetOk) {
          notes.push(
            receivedCharset === undefined
              ? 'The media type matches, but there is no charset parameter.'
              : `The media type matches; the charset is ${quote(receivedCharset)}, not ${quote(charset ?? '')}.`,
          );
        } else if (!this.isNot && wanted.shorthand === 'json' && media.type === 'text' && media.subtype === 'html') {
          notes.push(
            "HTML where JSON was expected is often an error page, a proxy's page or a single-page app's index.html served for an unknown path: see the body.",
          );
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

export type { ContentTypeOptions, ContentTypeShorthand } from '../expectations/content-type.js';
