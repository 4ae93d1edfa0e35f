import { isObject } from '../adapters/read.js';
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
  const message = isObject(issue) && typeof issue.message === 'string' ? issue.message : 'invalid';
  const path = isObject(issue) && Array.isArray(issue.path) ? formatPath(issue.path) : '';
  return line(`${path === '' ? '(root)' : path}: ${message}`, 300);
}

export function formatPath(path: readonly unknown[]): string {
  let out = '';
  for (const segment of path) {
    const key = isObject(segment) && 'key' in segment ? segment.key : segment;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else if (typeof key === 'string') out += `[${JSON.stringify(key)}]`;
    else out += `[${String(key)}]`;
  }
  return out;
}
