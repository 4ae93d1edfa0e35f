import { equals } from '../equality.js';
import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyOf, parsedJson, shownBody } from '../body/read-body.js';
import { showArgument } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { failureMessage } from '../message/failure-message.js';
import { jsonDiff } from '../message/json-diff.js';
import { notJsonLines } from '../message/not-json.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toMatchJsonBody(this: MatcherContext, received: unknown, subset: unknown): Promise<MatcherResult> {
  const name = 'toMatchJsonBody';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  if (typeof subset !== 'object' || subset === null) {
    throw new HttpMatcherUsageError(name, `subset must be an object or an array, as for toMatchObject; got ${showArgument(subset)}.`, toMatchJsonBody);
  }
  const res = adapt(name, received, toMatchJsonBody);
  return judge(this, res, subset);
}

async function judge(ctx: MatcherContext, res: HttpResponse, subset: object): Promise<MatcherResult> {
  const name = 'toMatchJsonBody';
  const body = await bodyOf(name, res);
  const parsed = parsedJson(body);
  const pass = parsed.ok && equals(ctx, parsed.value, subset, 'subset');
  return {
    pass,
    message: () =>
      failureMessage(ctx, res, {
        about: 'response',
        matcher: name,
        args: 'subset',
        expected: ['Expected body', `JSON matching the expected subset`],
        notes: pass ? [] : parsed.ok ? [jsonDiff(ctx, subset, parsed.value, 'subset')] : notJsonLines(body.text, body.bytes, body.contentType, res.status, parsed.error),
        body: shownBody(body),
      }),
  };
}
