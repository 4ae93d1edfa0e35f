import type { Check } from './schemas.js';
import type { Located } from './documents.js';
import type { Operation } from './operations.js';

// What a passing assertion would otherwise look up in the spec again each time, found once and kept: the operations a
// request's URL matches, and per operation and status the documented response, its media types and its headers.
// Kept per spec handle (a WeakMap), so a spec that is dropped takes its lookups with it.

/** The operations one request URL (or `path` option) matches, by method, best first. */
export interface PathMatch {
  readonly path: string | undefined;
  readonly byMethod: ReadonlyMap<string, Operation>;
}

export interface MediaPlan {
  /** The media range as the spec writes it: `application/json`, `image/*`. */
  readonly range: string;
  readonly schema: Located | undefined;
  check?: Check;
}

export interface HeaderPlan {
  readonly name: string;
  readonly required: boolean;
  readonly location: string;
  readonly schema: Located | undefined;
  /** The schema's `type`, to read the header's text as that type. */
  readonly types: readonly unknown[];
  check?: Check;
}

export interface ResponsePlan {
  /** The response the status matched (`200`, `2XX`, `default`). */
  readonly key: string;
  readonly at: Located;
  readonly media: ReadonlyMap<string, MediaPlan>;
  readonly documented: readonly string[];
  readonly headers: readonly HeaderPlan[];
  /** Per received Content-Type: the documented media it fits (if any), and whether it is JSON. */
  readonly byContentType: Map<string, { readonly media: MediaPlan | undefined; readonly json: boolean }>;
}

interface SpecLookups {
  readonly paths: Map<string, PathMatch>;
  readonly responses: WeakMap<Operation, Map<number, ResponsePlan | readonly string[]>>;
}

// A test suite asserts on a bounded set of URLs, but ids in paths vary: past this many, start over.
const MAX_KEPT = 1000;
const perSpec = new WeakMap<object, SpecLookups>();

function lookupsOf(spec: object): SpecLookups {
  let found = perSpec.get(spec);
  if (!found) perSpec.set(spec, (found = { paths: new Map(), responses: new WeakMap() }));
  return found;
}

/** `make()` once per spec and key (a URL, or a path option). */
export function pathMatch(spec: object, key: string, make: () => PathMatch): PathMatch {
  const { paths } = lookupsOf(spec);
  let found = paths.get(key);
  if (found) return found;
  if (paths.size >= MAX_KEPT) paths.clear();
  paths.set(key, (found = make()));
  return found;
}

/** `make()` once per spec, operation and status. */
export function responsePlan(
  spec: object,
  op: Operation,
  status: number,
  make: () => ResponsePlan | readonly string[],
): ResponsePlan | readonly string[] {
  const { responses } = lookupsOf(spec);
  let byStatus = responses.get(op);
  if (!byStatus) responses.set(op, (byStatus = new Map()));
  let found = byStatus.get(status);
  if (!found) byStatus.set(status, (found = make()));
  return found;
}

/** Bounded, like the paths: a server may answer with any Content-Type. */
export function remember<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let found = map.get(key);
  if (found !== undefined || map.has(key)) return found as V;
  if (map.size >= MAX_KEPT) map.clear();
  map.set(key, (found = make()));
  return found;
}
