import { adapt } from '../adapters/index.js';
import { showArgument } from '../arguments.js';
import { judgeJson } from '../body/judge.js';
import { equals } from '../equality.js';
import { HttpMatcherUsageError } from '../errors.js';
import { jsonDiff } from '../message/json-diff.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toMatchJsonBody(this: MatcherContext, received: unknown, subset: unknown): Promise<MatcherResult> {
  const name = 'toMatchJsonBody';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  if (typeof subset !== 'object' || subset === null) {
    throw new HttpMatcherUsageError(
      name,
      `subset must be an object or an array, as for toMatchObject; got ${showArgument(subset)}.`,
      toMatchJsonBody,
    );
  }
  const res = adapt(name, received, toMatchJsonBody, { requests: true });
  return judgeJson(this, res, {
    matcher: name,
    args: 'subset',
    expected: 'JSON matching the expected subset',
    test: (value) => equals(this, value, subset, 'subset'),
    notes: (value) => [jsonDiff(this, subset, value, 'subset')],
  });
}
