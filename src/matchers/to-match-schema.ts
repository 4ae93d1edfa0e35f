import { adapt } from '../adapters/index.js';
import { judgeJson } from '../body/judge.js';
import { isObject } from '../adapters/read.js';
import { showArgument } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { line } from '../message/show.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import { issueLine, MAX_ISSUES, type Validator } from '../expectations/standard-schema.js';

export function toMatchSchema(this: MatcherContext, received: unknown, schema: unknown): Promise<MatcherResult> {
  const name = 'toMatchSchema';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  const standard = isObject(schema) ? schema['~standard'] : undefined;
  if (!isObject(standard) || typeof standard.validate !== 'function') {
    throw new HttpMatcherUsageError(
      name,
      `schema must be a Standard Schema (an object with a "~standard" property: zod 3.24+, valibot 1, arktype 2, …); got ${showArgument(schema)}.`,
      toMatchSchema,
    );
  }
  const vendor = typeof standard.vendor === 'string' ? line(standard.vendor, 40) : 'Standard';
  const res = adapt(name, received, toMatchSchema);
  let issues: readonly unknown[] = [];
  return judgeJson(this, res, {
    matcher: name,
    args: 'schema',
    expected: `JSON matching the ${vendor} schema`,
    test: async (value) => (issues = await issuesOf(standard as Validator, vendor, value)).length === 0,
    notes: () => issueLines(issues),
  });
}

/** The schema's issues for a value: validate() may be async; a throw is the validator's fault, said as such. */
async function issuesOf(standard: Validator, vendor: string, value: unknown): Promise<readonly unknown[]> {
  try {
    const result: unknown = await standard.validate(value);
    return isObject(result) && Array.isArray(result.issues) ? result.issues : [];
  } catch (error) {
    throw new HttpMatcherUsageError(
      'toMatchSchema',
      `the ${vendor} schema's validate threw: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function issueLines(issues: readonly unknown[]): string[] {
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => `  ${issueLine(issue)}`);
  if (issues.length > MAX_ISSUES) lines.push(`  … and ${issues.length - MAX_ISSUES} more`);
  return [`Schema issues (${issues.length}):`, ...lines];
}

export type { StandardSchemaV1 } from '../expectations/standard-schema.js';
