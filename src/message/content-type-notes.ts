import type { HttpResponse } from '../adapters/index.js';
import { bodyToShow } from '../body/excerpt.js';
import type { MediaType } from '../body/media-type.js';
import type { Wanted } from '../expectations/content-type.js';
import { getStatus } from '../registry/index.js';
import { line, quote } from './show.js';

// What toHaveContentType's message (and toMatchResponse's contentType part) says about the received Content-Type.

export interface ContentTypeVerdict {
  raw: string | undefined;
  media: MediaType | undefined;
  wanted: Wanted;
  typeOk: boolean;
  charset: string | undefined;
  charsetOk: boolean;
}

export function contentTypeNotes(isNot: boolean, res: HttpResponse, verdict: ContentTypeVerdict): string[] {
  const { raw, media, wanted, typeOk, charset, charsetOk } = verdict;
  const notes: string[] = [];
  if (raw === undefined) {
    notes.push(`The ${res.subject} has no Content-Type header.`);
    const entry = getStatus(res.status);
    if (res.status === 204 || res.status === 304) {
      notes.push(
        `That is expected: a ${res.status} ${entry?.reason ?? ''} response has no body, so there is no content to describe.`,
      );
    }
    return notes;
  }
  notes.push(`Received content type: ${line(raw)}`);
  const count = res.headers.getAll('content-type').length;
  if (count > 1)
    notes.push(
      `The ${res.subject} has ${count} Content-Type headers (shown joined); clients disagree on which one counts.`,
    );
  const receivedCharset = media?.params.get('charset');
  if (media === undefined)
    notes.push('That is not a valid media type (type/subtype), so clients will not know how to read the body.');
  else if (!isNot && typeOk && !charsetOk) {
    notes.push(
      receivedCharset === undefined
        ? 'The media type matches, but there is no charset parameter.'
        : `The media type matches; the charset is ${quote(receivedCharset)}, not ${quote(charset ?? '')}.`,
    );
  } else if (!isNot && wanted.shorthand === 'json' && media.type === 'text' && media.subtype === 'html') {
    // Only point at the body when this message shows it: an unread stream is not in it.
    const look =
      bodyToShow(res) === undefined ? 'await readBody(res) before this assertion to see which' : 'see the body';
    notes.push(
      `HTML where JSON was expected is often an error page, a proxy's page or a single-page app's index.html served for an unknown path: ${look}.`,
    );
  }
  return notes;
}
