import { equals } from '../equality.js';
import { adapt } from '../adapters/index.js';
import { bodyOf, shownBody } from '../adapters/read-body.js';
import { textExpectation } from '../arguments.js';
import { getConfig } from '../config.js';
import { looksBinary } from '../message/body-excerpt.js';
import { escapeText, safeLine } from '../message/escape.js';
import { failureMessage } from '../message/failure-message.js';
import { redactText } from '../message/redact.js';
import type { AsymmetricMatcher, MatcherContext, MatcherResult } from '../types.js';

export async function toHaveTextBody(this: MatcherContext, received: unknown, expected: unknown): Promise<MatcherResult> {
  const name = 'toHaveTextBody';
  const wanted = textExpectation(name, 'expected', expected, toHaveTextBody);
  const res = adapt(name, received, toHaveTextBody);
  const body = await bodyOf(name, res);
  const { text } = body;
  const pass =
    typeof wanted === 'string' ? text === wanted :
    wanted instanceof RegExp ? text.search(wanted) !== -1 :
    equals(this, text, wanted);
  const label = typeof wanted === 'string' ? safeLine(JSON.stringify(wanted), 200) : wanted instanceof RegExp ? `matching ${safeLine(String(wanted), 200)}` : describeMatcher(wanted);

  const notes = (): string[] => {
    if (pass) return [];
    if (looksBinary(body.bytes.subarray(0, 4096))) return ['The body is binary data, not text.'];
    const out: string[] = [];
    if (shownBody(body).type === 'value') {
      out.push('The client parsed this body (axios does so for JSON), so its text here is that value as JSON again; for the raw text, request it as text (axios: responseType: \'text\').');
    }
    const room = getConfig().excerptLength * 4;
    if (typeof wanted === 'string' && text.length <= room && wanted.length <= room) {
      const diff = this.utils.diff(redactText(escapeText(wanted)), redactText(escapeText(text)));
      if (diff) out.push(diff);
    }
    return out;
  };
  return {
    pass,
    message: () =>
      failureMessage(this, res, {
        about: 'response',
        matcher: name,
        args: 'expected',
        expected: ['Expected body', `${this.isNot ? 'not ' : ''}${label}`],
        notes: notes(),
        body: shownBody(body),
      }),
  };
}

function describeMatcher(matcher: AsymmetricMatcher): string {
  try {
    const own = (matcher as { toAsymmetricMatcher?: () => unknown }).toAsymmetricMatcher?.();
    return safeLine(typeof own === 'string' ? own : String(matcher), 200);
  } catch {
    return 'an asymmetric matcher';
  }
}
