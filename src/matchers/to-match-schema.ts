import { adapt } from '../adapters/index.js';
import { judgeJson } from '../body/judge.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import { issueLines, issuesOf, parseSchema } from '../expectations/standard-schema.js';

export function toMatchSchema(this: MatcherContext, received: unknown, schema: unknown): Promise<MatcherResult> {
  const name = 'toMatchSchema';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  const { standard, vendor } = parseSchema(name, 'schema', schema, toMatchSchema);
  const res = adapt(name, received, toMatchSchema, { requests: true });
  let issues: readonly unknown[] = [];
  return judgeJson(this, res, {
    matcher: name,
    args: 'schema',
    expected: `JSON matching the ${vendor} schema`,
    test: async (value) => (issues = await issuesOf(name, standard, vendor, value)).length === 0,
    notes: () => issueLines(issues),
  });
}

export type { StandardSchemaV1 } from '../expectations/standard-schema.js';
