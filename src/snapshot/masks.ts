import { isObject } from '../adapters/read.js';
import { isAsymmetric } from '../equality.js';
import { HttpMatcherUsageError } from '../errors.js';
import type { AsymmetricMatcher } from '../types.js';
import { TRACE_HEADERS } from '../adapters/trace-headers.js';
import { parseJsonPath, type PathStep } from './json-path.js';

// What a response snapshot masks: the values that change between runs, by header name or JSON path.

/**
 * More to mask in a response snapshot, on top of the defaults (date, etag, last-modified, age, expires,
 * content-length, request-id and trace headers, cookie values). A list of names or JSON paths prints `[masked]`; an
 * object maps each to an asymmetric matcher, printed in its place when the value matches it (so the snapshot still
 * checks the type) and the value itself when it does not.
 */
export interface SnapshotMasks {
  /** Header names, case-insensitive: `['x-build-id']` or `{ 'x-build-id': expect.stringMatching(/^\d+$/) }`. */
  readonly headers?: readonly string[] | Readonly<Record<string, unknown>>;
  /** JSON paths into the body: `['$.createdAt', '$.items[*].id', '$..etag']`, or an object of them to matchers. */
  readonly json?: readonly string[] | Readonly<Record<string, unknown>>;
}

/** A mask: `[masked]`, or an asymmetric matcher the value is checked against. */
export type Mask = { readonly matcher?: AsymmetricMatcher };

export interface Masks {
  readonly headers: ReadonlyMap<string, Mask>;
  readonly json: ReadonlyArray<{ readonly steps: readonly PathStep[]; readonly mask: Mask }>;
}

// What changes between two runs against the same code: the clock, caches, timings, and request ids and traces.
const CHANGING_HEADERS = [
  'age',
  'content-length',
  'date',
  'etag',
  'expires',
  'last-modified',
  'server-timing',
  'x-response-time',
  'x-runtime',
  ...TRACE_HEADERS,
];
export const DEFAULT_MASKS: Masks = { headers: new Map(CHANGING_HEADERS.map((name) => [name, {}])), json: [] };

/** Checks masks as given to `httpSnapshot` or `configure({ snapshotMasks })`; a usage error names `where`. */
export function parseMasks(where: string, masks: unknown, caller: (...args: never[]) => unknown): Masks {
  const fail = (problem: string): never => {
    throw new HttpMatcherUsageError(where, problem, caller);
  };
  if (!isObject(masks) || Array.isArray(masks))
    fail('masks must be an object: { headers?: [names] | { name: matcher }, json?: [paths] | { path: matcher } }');
  const { headers, json, ...unknown } = masks as SnapshotMasks;
  const stray = Object.keys(unknown);
  if (stray.length > 0) fail(`masks take "headers" and "json", not ${stray.map((k) => JSON.stringify(k)).join(', ')}`);
  const entries = (value: unknown, what: string): Array<[string, Mask]> => {
    if (value === undefined) return [];
    const list = Array.isArray(value) ? Array.from(value, (key: unknown) => [key, {}]) : undefined;
    if (list === undefined && !isObject(value)) fail(`masks.${what} must be a list of ${what} names or an object`);
    const pairs = list ?? Object.entries(value as object).map(([key, matcher]) => [key, { matcher }]);
    return pairs.map(([key, mask]) => {
      if (typeof key !== 'string' || key === '') fail(`masks.${what} holds ${String(key)}, not a name`);
      const matcher = (mask as { matcher?: unknown }).matcher;
      if ('matcher' in (mask as object) && !isAsymmetric(matcher))
        fail(`masks.${what}[${JSON.stringify(key)}] must be an asymmetric matcher such as expect.any(String)`);
      return [key as string, mask as Mask];
    });
  };
  const jsonMasks = entries(json, 'json').map(([path, mask]) => {
    const steps = parseJsonPath(path);
    if (steps === undefined || steps.length === 0)
      fail(
        `${JSON.stringify(path.slice(0, 100))} is not a JSON path to a member: write $.createdAt, $.items[*].id, ` +
          "$.items[0], $['odd key'] or $..id (any depth)",
      );
    return { steps: steps as PathStep[], mask };
  });
  const headerMasks = entries(headers, 'headers').map(([name, mask]): [string, Mask] => [name.toLowerCase(), mask]);
  return { headers: new Map(headerMasks), json: jsonMasks };
}

export function merge(base: Masks, extra: Masks): Masks {
  return { headers: new Map([...base.headers, ...extra.headers]), json: [...base.json, ...extra.json] };
}
