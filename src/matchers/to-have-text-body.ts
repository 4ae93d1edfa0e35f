import { equals, nativeTag } from '../equality.js';
import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyOf, shownBody } from '../adapters/read-body.js';
import { textExpectation, type TextExpectation } from '../arguments.js';
import { getConfig } from '../config.js';
import { describeAsymmetric } from '../message/asymmetric.js';
import { looksBinary } from '../message/body-excerpt.js';
import { escapeText, safeLine } from '../message/escape.js';
import { failureMessage } from '../message/failure-message.js';
import { redactText } from '../message/redact.js';
import { diffOf } from '../message/runner-utils.js';
import type { AsymmetricMatcher, MatcherContext, MatcherResult } from '../types.js';

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
    typeof wanted === 'string' ? text === wanted :
    wanted instanceof RegExp ? text.search(wanted) !== -1 :
    equals(ctx, text, wanted);
  const label = typeof wanted === 'string' ? safeLine(JSON.stringify(wanted), 200) : wanted instanceof RegExp ? `matching ${safeLine(String(wanted), 200)}` : describeMatcher(ctx, wanted);

  const notes = (): string[] => {
    if (pass) return [];
    if (looksBinary(body.bytes.subarray(0, 4096))) return ['The body is binary data, not text.'];
    const out: string[] = [];
    if (shownBody(body).type === 'value') {
      out.push('The client parsed this body (axios does so for JSON), so its text here is that value as JSON again; for the raw text, request it as text (axios: responseType: \'text\').');
    }
    const room = getConfig().excerptLength * 4;
    if (typeof wanted === 'string' && text.length <= room && wanted.length <= room) {
      const diff = diffOf(ctx, redactText(escapeText(wanted)), redactText(escapeText(text)));
      if (diff) out.push(diff);
    }
    return out;
  };
  return {
    pass,
    message: () =>
      failureMessage(ctx, res, {
        about: 'response',
        matcher: name,
        args: 'expected',
        expected: ['Expected body', `${label}`],
        notes: notes(),
        body: shownBody(body),
      }),
  };
}

function describeMatcher(ctx: MatcherContext, matcher: AsymmetricMatcher): string {
  // Bun's native matchers say only [object ExpectAny] of themselves: the runner's printer names them.
  if (nativeTag(matcher) !== undefined) return describeAsymmetric(ctx, matcher);
  try {
    const own = (matcher as { toAsymmetricMatcher?: () => unknown }).toAsymmetricMatcher?.();
    return safeLine(typeof own === 'string' ? own : String(matcher), 200);
  } catch {
    return 'an asymmetric matcher';
  }
}
