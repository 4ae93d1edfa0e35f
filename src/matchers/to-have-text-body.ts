import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyResult } from '../body/judge.js';
import { bodyOf } from '../body/read-body.js';
import { textExpectation, type TextExpectation } from '../arguments.js';
import { textBodyNotes } from '../message/text-body-notes.js';
import { showValue } from '../message/show.js';
import { matchesText } from '../text-match.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveTextBody(this: MatcherContext, received: unknown, expected: unknown): Promise<MatcherResult> {
  const name = 'toHaveTextBody';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  const wanted = textExpectation(name, 'expected', expected, toHaveTextBody);
  const res = adapt(name, received, toHaveTextBody, { requests: true });
  return judge(this, res, wanted);
}

async function judge(ctx: MatcherContext, res: HttpResponse, wanted: TextExpectation): Promise<MatcherResult> {
  const name = 'toHaveTextBody';
  const body = await bodyOf(name, res);
  // matchesText: a string exactly, a RegExp as a fresh copy would test it, an asymmetric matcher by the runner's equals.
  const pass = matchesText(ctx, wanted, body.text);
  const label = wanted instanceof RegExp ? `matching ${showValue(wanted)}` : showValue(wanted, ctx);
  return bodyResult(ctx, res, body, pass, {
    matcher: name,
    args: 'expected',
    expected: ['Expected body', label],
    notes: () => textBodyNotes(ctx, body, wanted),
  });
}
