import { isObject } from '../adapters/read.js';
import { showArgument } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { line } from '../message/show.js';

// Standard Schema v1 (standardschema.dev): the interface every validator exposes, and its issues in words.

/**
 * A Standard Schema v1 validator (https://standardschema.dev): zod 3.24+, valibot 1, arktype 2,
 * effect's `Schema.standardSchemaV1(…)` and others. No validator library is a dependency of expect-http.
 */
export interface StandardSchemaV1 {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaResult | Promise<StandardSchemaResult>;
  };
}

export type StandardSchemaResult =
  | { readonly value: unknown; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
      }>;
    };

export const MAX_ISSUES = 20;

export type Validator = { validate: (value: unknown) => unknown };

/** `items[2].price: Expected number, received string` */
export function issueLine(issue: unknown): string {
  const message = read(issue, 'message');
  const path = formatPath(read(issue, 'path'));
  return line(`${path === '' ? '(root)' : path}: ${typeof message === 'string' ? message : 'invalid'}`, 300);
}

/**
 * A path as code would write it. Standard Schema allows only property keys and `{ key }` objects as
 * segments; anything else (a null-prototype object, a throwing toString) is shown as `[object]`, never
 * converted, so a validator that breaks the spec cannot crash the failure message.
 */
export function formatPath(path: unknown): string {
  let out = '';
  try {
    if (!Array.isArray(path)) return '';
    for (const segment of path as unknown[]) {
      if (out.length > 300) return `${out}…`; // the line is cut there anyway
      const key = isObject(segment) ? read(segment, 'key') : segment;
      if (typeof key === 'number') out += `[${key}]`;
      else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
      else if (typeof key === 'string') out += `[${JSON.stringify(key)}]`;
      // String() gives a symbol's `Symbol(description)` without calling its toString; the rest are primitives.
      else if (typeof key === 'symbol' || !(isObject(key) || isObject(segment))) out += `[${String(key)}]`;
      else out += '[object]';
    }
  } catch {
    out += '[unreadable]'; // a Proxy path whose traps throw
  }
  return out;
}

/** A property of a validator's issue, or undefined where reading it throws (a getter, a revoked Proxy). */
function read(value: unknown, key: string): unknown {
  try {
    return isObject(value) ? value[key] : undefined;
  } catch {
    return undefined;
  }
}

/** A Standard Schema argument, checked: its validator and vendor name, or a usage error naming `matcher`. */
export function parseSchema(
  matcher: string,
  what: string,
  schema: unknown,
  caller: (...args: never[]) => unknown,
): { standard: Validator; vendor: string } {
  const standard = isObject(schema) ? schema['~standard'] : undefined;
  if (!isObject(standard) || typeof standard.validate !== 'function') {
    throw new HttpMatcherUsageError(
      matcher,
      `${what} must be a Standard Schema (an object with a "~standard" property: zod 3.24+, valibot 1, arktype 2, …); got ${showArgument(schema)}.`,
      caller,
    );
  }
  return {
    standard: standard as Validator,
    vendor: typeof standard.vendor === 'string' ? line(standard.vendor, 40) : 'Standard',
  };
}

/** The schema's issues for a value: validate() may be async; a throw is the validator's fault, said as such. */
export async function issuesOf(
  matcher: string,
  standard: Validator,
  vendor: string,
  value: unknown,
): Promise<readonly unknown[]> {
  try {
    const result: unknown = await standard.validate(value);
    return isObject(result) && Array.isArray(result.issues) ? result.issues : [];
  } catch (error) {
    throw new HttpMatcherUsageError(
      matcher,
      `the ${vendor} schema's validate threw: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** `Schema issues (2):` and a line per issue, at most MAX_ISSUES of them. */
export function issueLines(issues: readonly unknown[]): string[] {
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => `  ${issueLine(issue)}`);
  if (issues.length > MAX_ISSUES) lines.push(`  … and ${issues.length - MAX_ISSUES} more`);
  return [`Schema issues (${issues.length}):`, ...lines];
}
