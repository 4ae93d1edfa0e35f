import { isAsymmetric } from '../equality.js';

// For a JSON body too large to diff: the first place where it differs from the expectation, found by
// following the runner's own equality down the tree. At each level the first child that `equals` rejects
// is the one descended into, so the answer agrees with the verdict (custom testers, asymmetric matchers,
// toMatchObject's subset rules) instead of re-implementing it.

export interface Mismatch {
  /** Where, as a JSONPath: `$.items[3].price`, `$["content-type"]`. Not escaped: show it through the escaper. */
  path: string;
  /** The expected value there; `undefined` for a member the body has and the expectation does not. */
  expected: unknown;
  /** The received value there; `undefined` for a member the body lacks. */
  received: unknown;
}

export interface MismatchOptions {
  /** toMatchJsonBody's subset semantics: members the expectation does not mention are not a difference. */
  subset: boolean;
}

// A path deeper than a person would read; also the bound on a cyclic expectation.
const MAX_DEPTH = 64;
const MAX_KEY = 80;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null;
}

function member(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const shown = key.length > MAX_KEY ? `${key.slice(0, MAX_KEY)}…` : key;
  return IDENTIFIER.test(shown) ? `${path}.${shown}` : `${path}[${JSON.stringify(shown)}]`;
}

/**
 * The first path where `received` differs from `expected`, or undefined when `equals(received, expected)`.
 * `equals(received, expected)` is the runner's equality in the matcher's mode (pass subset equality for
 * toMatchJsonBody). Asymmetric matchers and non-plain objects in `expected` are compared as leaves.
 * Bounded: each level calls `equals` once per child, at most 64 levels deep, and a pair of objects seen
 * before (a cyclic expectation) ends the search there.
 */
export function firstMismatch(
  expected: unknown,
  received: unknown,
  equals: (received: unknown, expected: unknown) => boolean,
  options: MismatchOptions = { subset: false },
): Mismatch | undefined {
  const same = (r: unknown, e: unknown): boolean => {
    try {
      return equals(r, e);
    } catch {
      return false; // a tester that throws cannot vouch for the value
    }
  };
  if (same(received, expected)) return undefined;
  const seen = new Map<object, Set<object>>();
  let path = '$';
  let e = expected;
  let r = received;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!isObject(e) || !isObject(r) || isAsymmetric(e) || Array.isArray(e) !== Array.isArray(r)) break;
    const proto: unknown = Object.getPrototypeOf(e);
    if (!Array.isArray(e) && proto !== Object.prototype && proto !== null) break; // a Date, a class instance
    const pairs = seen.get(e) ?? new Set<object>();
    if (pairs.has(r)) break;
    seen.set(e, pairs.add(r));
    const next = differingChild(e, r, same, options.subset);
    if (next === undefined) break;
    path = member(path, next.key);
    if (next.leaf) return { path, expected: next.expected, received: next.received };
    e = next.expected;
    r = next.received;
  }
  return { path, expected: e, received: r };
}

interface Child {
  key: string | number;
  expected: unknown;
  received: unknown;
  /** Present on one side only: nothing to descend into. */
  leaf: boolean;
}

function differingChild(e: Obj, r: Obj, same: (r: unknown, e: unknown) => boolean, subset: boolean): Child | undefined {
  if (Array.isArray(e) && Array.isArray(r)) {
    // Arrays need the same length in both modes (toMatchObject's rule too).
    const common = Math.min(e.length, r.length);
    for (let i = 0; i < common; i++) {
      if (!same(r[i], e[i])) return { key: i, expected: e[i], received: r[i], leaf: false };
    }
    if (e.length === r.length) return undefined;
    return { key: common, expected: e[common], received: r[common], leaf: true };
  }
  for (const key of Object.keys(e)) {
    const has = Object.prototype.hasOwnProperty.call(r, key);
    if (!same(has ? r[key] : undefined, e[key])) {
      return { key, expected: e[key], received: has ? r[key] : undefined, leaf: !has };
    }
  }
  if (subset) return undefined;
  for (const key of Object.keys(r)) {
    // toEqual treats a member whose value is undefined as absent.
    const inExpected = Object.prototype.hasOwnProperty.call(e, key) && e[key] !== undefined;
    if (!inExpected && r[key] !== undefined) return { key, expected: undefined, received: r[key], leaf: true };
  }
  return undefined;
}
