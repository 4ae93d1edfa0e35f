import { equals } from '../equality.js';
import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyResult } from '../body/judge.js';
import { bodyOf, shownBody } from '../body/read-body.js';
import { textExpectation, type TextExpectation } from '../arguments.js';
import { getConfig } from '../config.js';
import { looksBinary } from '../message/body-excerpt.js';
import { diffOf } from '../message/runner-utils.js';
import { bodyText, showValue } from '../message/show.js';
import { matchesText } from '../text-match.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveTextBody(this: MatcherContext, received: unknown, expected: unknown): Promise<MatcherResult> {
  const name = 'toHaveTextBody';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  const wanted = textExpectation(name, 'expected', expected, toHaveTextBody);
  const res = adapt(name, received, toHaveTextBody);
  return judge(this, res, wanted);
}

async function judge(ctx: MatcherContext, res: HttpResponse, wanted: TextExpectation): Promise<MatcherResult> {
  const name = 'toHaveTextBody';
  const body = await bodyOf(name, res);
  const { text } = body;
  const pass =
    typeof wanted === 'string' || wanted instanceof RegExp ? matchesText(ctx, wanted, text) : equals(ctx, text, wanted);
  const label = wanted instanceof RegExp ? `matching ${showValue(wanted)}` : showValue(wanted, ctx);

  const notes = (): string[] => {
    if (looksBinary(body.bytes.subarray(0, 4096))) return ['The body is binary data, not text.'];
    const out: string[] = [];
    if (shownBody(body).type === 'value') {
      out.push(
        "The client parsed this body (axios does so for JSON), so its text here is that value as JSON again; for the raw text, request it as text (axios: responseType: 'text').",
      );
    }
    const room = getConfig().excerptLength * 4;
    if (typeof wanted === 'string' && text.length <= room && wanted.length <= room) {
      const diff = diffOf(ctx, bodyText(wanted), bodyText(text));
      if (diff) out.push(diff);
    }
    return out;
  };
  return bodyResult(ctx, res, body, pass, {
    matcher: name,
    args: 'expected',
    expected: ['Expected body', label],
    notes,
  });
}
