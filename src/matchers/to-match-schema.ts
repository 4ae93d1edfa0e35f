import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyOf, parsedJson, shownBody } from '../body/read-body.js';
import { isObject } from '../adapters/read.js';
import { showArgument } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { failureMessage } from '../message/failure-message.js';
import { line } from '../message/show.js';
import { notJsonLines } from '../message/not-json.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import { issueLine, MAX_ISSUES, type StandardSchemaResult, type StandardSchemaV1, type Validator } from '../expectations/standard-schema.js';

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
  return judge(this, res, standard as Validator, vendor);
}

async function judge(ctx: MatcherContext, res: HttpResponse, standard: Validator, vendor: string): Promise<MatcherResult> {
  const name = 'toMatchSchema';
  const body = await bodyOf(name, res);
  const parsed = parsedJson(body);
  let issues: readonly unknown[] = [];
  if (parsed.ok) {
    try {
      const result: unknown = await standard.validate(parsed.value);
      issues = isObject(result) && Array.isArray(result.issues) ? result.issues : [];
    } catch (error) {
      throw new HttpMatcherUsageError(name, `the ${vendor} schema's validate threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const pass = parsed.ok && issues.length === 0;

  const notes = (): string[] => {
    if (pass) return [];
    if (!parsed.ok) return notJsonLines(body.text, body.bytes, body.contentType, res.status, parsed.error);
    const lines = issues.slice(0, MAX_ISSUES).map((issue) => `  ${issueLine(issue)}`);
    if (issues.length > MAX_ISSUES) lines.push(`  … and ${issues.length - MAX_ISSUES} more`);
    return [`Schema issues (${issues.length}):`, ...lines];
  };
  return {
    pass,
    message: () =>
      failureMessage(ctx, res, {
        about: 'response',
        matcher: name,
        args: 'schema',
        expected: ['Expected body', `JSON matching the ${vendor} schema`],
        notes: notes(),
        body: shownBody(body),
      }),
  };
}

export type { StandardSchemaV1 } from '../expectations/standard-schema.js';
