import type { TextExpectation } from '../arguments.js';
import { shownBody, type ResponseBody } from '../body/read-body.js';
import { getConfig } from '../config.js';
import type { MatcherContext } from '../types.js';
import { looksBinary } from './body-excerpt.js';
import { diffOf } from './runner-utils.js';
import { bodyText } from './show.js';

// What toHaveTextBody's message (and toMatchResponse's `text` part) says when the body text does not match.

export function textBodyNotes(ctx: MatcherContext, body: ResponseBody, wanted: TextExpectation): string[] {
  if (looksBinary(body.bytes.subarray(0, 4096))) return ['The body is binary data, not text.'];
  const out: string[] = [];
  if (shownBody(body).type === 'value') {
    out.push(
      "The client parsed this body (axios does so for JSON), so its text here is that value as JSON again; for the raw text, request it as text (axios: responseType: 'text').",
    );
  }
  const room = getConfig().excerptLength * 4;
  const { text } = body;
  if (typeof wanted === 'string' && text.length <= room && wanted.length <= room) {
    const diff = diffOf(ctx, bodyText(wanted), bodyText(text));
    if (diff) out.push(diff);
  }
  return out;
}
