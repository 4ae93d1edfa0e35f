import { equals } from '../equality.js';
import { adapt } from '../adapters/index.js';
import { bodyOf, parsedJson, shownBody } from '../adapters/read-body.js';
import { failureMessage } from '../message/failure-message.js';
import { jsonDiff } from '../message/json-diff.js';
import { notJsonLines } from '../message/not-json.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export async function toHaveJsonBody(this: MatcherContext, received: unknown, expected?: unknown): Promise<MatcherResult> {
  const name = 'toHaveJsonBody';
  const res = adapt(name, received, toHaveJsonBody);
  const body = await bodyOf(name, res);
  const parsed = parsedJson(body);
  const compare = expected !== undefined;
  const pass = parsed.ok && (!compare || equals(this, parsed.value, expected));
  const wanted = compare ? 'JSON equal to the expected value' : 'valid JSON';
  return {
    pass,
    message: () =>
      failureMessage(this, res, {
        about: 'response',
        matcher: name,
        args: compare ? 'expected' : '',
        expected: ['Expected body', `${this.isNot ? 'not ' : ''}${wanted}`],
        notes: pass ? [] : parsed.ok ? [jsonDiff(this, expected, parsed.value, 'equal')] : notJsonLines(body.text, body.bytes, body.contentType, res.status, parsed.error),
        body: shownBody(body),
      }),
  };
}
