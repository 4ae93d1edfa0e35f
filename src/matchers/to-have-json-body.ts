import { adapt } from '../adapters/index.js';
import { judgeJson } from '../body/judge.js';
import { equals } from '../equality.js';
import { jsonDiff } from '../message/json-diff.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveJsonBody(this: MatcherContext, received: unknown, expected?: unknown): Promise<MatcherResult> {
  // adapt() before anything async: a usage error is thrown, not a rejection (Bun replaces a matcher's
  // rejection with an error of its own).
  const res = adapt('toHaveJsonBody', received, toHaveJsonBody, { requests: true });
  const compare = expected !== undefined;
  return judgeJson(this, res, {
    matcher: 'toHaveJsonBody',
    args: compare ? 'expected' : '',
    expected: compare ? 'JSON equal to the expected value' : 'valid JSON',
    test: (value) => !compare || equals(this, value, expected),
    notes: (value) => [jsonDiff(this, expected, value, 'equal')],
  });
}
