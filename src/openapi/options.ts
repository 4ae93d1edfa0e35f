import { showArgument } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { nearNames, unknownKeysProblem } from '../message/closest-names.js';
import { isJsonObject } from './spec/documents.js';
import type { ApiSpec } from './spec/api-spec.js';
import { operationLabel, type Operation } from './spec/operations.js';

/** What `toSatisfyApiSpec(options)` takes: `'GET /pets/{petId}'`, or these, all optional. */
export interface ApiSpecOptions {
  /** The operationId: `'getPet'`. */
  operation?: string;
  /** `'GET'`: needed where the client does not keep the method (fetch, Playwright) and the path has several. */
  method?: string;
  /** The path template as the spec writes it (`'/pets/{petId}'`), or the request's path. */
  path?: string;
  /** The status the test expects: any other fails, even one the spec documents. */
  status?: number;
  /** A spec from `loadApiSpec`, instead of the default one set by `useApiSpec`. */
  spec?: ApiSpec;
}

const KEYS = ['operation', 'method', 'path', 'status', 'spec'];
const METHOD = /^(?:get|put|post|delete|options|head|patch|trace|query)$/i;
type Caller = (...args: never[]) => unknown;

export function apiSpecOptions(matcher: string, options: unknown, caller: Caller): ApiSpecOptions {
  if (options === undefined) return {};
  const fail = (problem: string): never => {
    throw new HttpMatcherUsageError(matcher, problem, caller);
  };
  if (typeof options === 'string') {
    const m = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(options);
    if (!m || !METHOD.test(m[1] ?? ''))
      return fail(
        `options as a string must be a method and a path, such as 'GET /pets/{petId}'; got ${showArgument(options)}.`,
      );
    return { method: (m[1] ?? '').toUpperCase(), path: m[2] ?? '' };
  }
  if (!isJsonObject(options as never) && !(typeof options === 'object' && options !== null && !Array.isArray(options)))
    return fail(
      `options must be 'GET /pets/{petId}' or { operation?, method?, path?, status?, spec? }; got ${showArgument(options)}.`,
    );
  const given = options as Record<string, unknown>;
  // The message is built only for a key that is wrong: this runs on every assertion.
  const unknown = Object.keys(given).every((k) => KEYS.includes(k)) ? undefined : unknownKeysProblem(given, KEYS);
  if (unknown) fail(unknown.replace(/^expected/, 'options'));
  const { operation, method, path, status } = given;
  if (operation !== undefined && typeof operation !== 'string')
    fail(`operation must be an operationId (a string); got ${showArgument(operation)}.`);
  if (method !== undefined && (typeof method !== 'string' || !METHOD.test(method)))
    fail(`method must be an HTTP method such as 'GET'; got ${showArgument(method)}.`);
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/')))
    fail(`path must start with "/", as the spec's paths do ('/pets/{petId}'); got ${showArgument(path)}.`);
  if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599))
    fail(`status must be a status code (a whole number from 100 to 599); got ${showArgument(status)}.`);
  return {
    ...(operation === undefined ? {} : { operation: operation as string }),
    ...(method === undefined ? {} : { method: (method as string).toUpperCase() }),
    ...(path === undefined ? {} : { path: path as string }),
    ...(status === undefined ? {} : { status: status as number }),
    ...(given.spec === undefined ? {} : { spec: given.spec as ApiSpec }),
  };
}

/** The operation an `operation` option names, or a usage error with the nearest operationIds. */
export function operationById(spec: ApiSpec, id: string, matcher: string, caller: Caller): Operation {
  const found = spec.operations.find((op) => op.operationId === id);
  if (found) return found;
  const ids = spec.operations.flatMap((op) => (op.operationId ? [op.operationId] : []));
  const near = nearNames(id, ids);
  throw new HttpMatcherUsageError(
    matcher,
    `the spec "${spec.title}" has no operation with operationId ${showArgument(id)}${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}. ${ids.length > 0 ? `Its operationIds: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''}.` : "It gives no operation an operationId: name it as 'GET /path'."}`,
    caller,
  );
}

/** The operations a `path` option names: the template itself, else the templates the path matches. */
export function operationsByPath(spec: ApiSpec, path: string): Operation[] {
  const exact = spec.operations.filter((op) => op.path === path);
  return exact.length > 0 ? exact : spec.operations.filter((op) => op.pattern.test(path));
}

export const labelOf = operationLabel;
