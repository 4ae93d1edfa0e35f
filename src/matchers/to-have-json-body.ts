import { equals } from '../equality.js';
import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyOf, parsedJson, shownBody } from '../body/read-body.js';
import { failureMessage } from '../message/failure-message.js';
import { jsonDiff } from '../message/json-diff.js';
import { notJsonLines } from '../message/not-json.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveJsonBody(this: MatcherContext, received: unknown, expected?: unknown): Promise<MatcherResult> {
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  const res = adapt('toHaveJsonBody', received, toHaveJsonBody);
  return judge(this, res, expected);
}

async function judge(ctx: MatcherContext, res: HttpResponse, expected: unknown): Promise<MatcherResult> {
  const name = 'toHaveJsonBody';
  const body = await bodyOf(name, res);
  const parsed = parsedJson(body);
  const compare = expected !== undefined;
  const pass = parsed.ok && (!compare || equals(ctx, parsed.value, expected));
  const wanted = compare ? 'JSON equal to the expected value' : 'valid JSON';
  return {
    pass,
    message: () =>
      failureMessage(ctx, res, {
        about: 'response',
        matcher: name,
        args: compare ? 'expected' : '',
        expected: ['Expected body', `${wanted}`],
        notes: pass ? [] : parsed.ok ? [jsonDiff(ctx, expected, parsed.value, 'equal')] : notJsonLines(body.text, body.bytes, body.contentType, res.status, parsed.error),
        body: shownBody(body),
      }),
  };
}
