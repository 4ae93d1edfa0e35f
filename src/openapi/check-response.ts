import type { HttpResponse } from '../adapters/index.js';
import { parseMediaType, isJson, typeAndSubtype } from '../body/media-type.js';
import { bodyOf, parsedJson, type ResponseBody } from '../body/read-body.js';
import { HttpMatcherUsageError } from '../errors.js';
import { operationById, operationsByPath, type ApiSpecOptions } from './options.js';
import type { ApiSpec } from './spec/api-spec.js';
import { child, isJsonObject, type Json, type Located } from './spec/documents.js';
import { operationLabel, operationsFor, requestPath, type Operation } from './spec/operations.js';
import type { SchemaIssue } from './spec/schemas.js';
import {
  pathMatch,
  remember,
  responsePlan,
  type HeaderPlan,
  type PathMatch,
  type MediaPlan,
  type ResponsePlan,
} from './spec/lookups.js';

// The verdict of toSatisfyApiSpec on a response: which operation and response of the spec it is, and everything in
// it the spec does not allow. The words are src/message/openapi-notes.ts's; this only finds the facts.

export type ContractProblem =
  | { readonly kind: 'no-path'; readonly path: string; readonly method: string | undefined }
  | { readonly kind: 'no-method'; readonly path: string; readonly method: string; readonly methods: string[] }
  | { readonly kind: 'wrong-status'; readonly expected: number }
  | { readonly kind: 'undocumented-status'; readonly documented: string[] }
  | { readonly kind: 'content-type'; readonly received: string | undefined; readonly documented: string[] }
  | { readonly kind: 'empty-body'; readonly documented: string[] }
  | { readonly kind: 'unexpected-body'; readonly bytes: number }
  | { readonly kind: 'not-json'; readonly error: unknown }
  | { readonly kind: 'missing-header'; readonly name: string; readonly location: string }
  | { readonly kind: 'missing-param'; readonly name: string; readonly in: string; readonly location: string }
  | {
      readonly kind: 'schema';
      readonly what: string;
      readonly location: string;
      readonly issues: readonly SchemaIssue[];
    };

export interface ContractOutcome {
  readonly spec: string;
  readonly operation?: { readonly label: string; readonly id: string | undefined } | undefined;
  /** The response the status matched (`200`, `2XX`, `default`). */
  readonly response?: string | undefined;
  readonly media?: string | undefined;
  readonly problems: readonly ContractProblem[];
  readonly unknownFormats: readonly string[];
}

type Caller = (...args: never[]) => unknown;

/** The operations a URL (or, with `byPath`, a `path` option) matches, by method. */
function matchPath(spec: ApiSpec, url: string, byPath: boolean): PathMatch {
  const path = requestPath(url);
  let found: Operation[] = [];
  if (path !== undefined)
    found = byPath ? operationsByPath(spec, path) : operationsFor(spec.operations, spec.basePaths, path);
  // Best first: a concrete path before a templated one, per method.
  const byMethod = new Map<string, Operation>();
  for (const op of found) if (!byMethod.has(op.method)) byMethod.set(op.method, op);
  return { path, byMethod };
}

/** The operation the response answered, from the options, else from its method and URL. */
export function findOperation(
  spec: ApiSpec,
  res: { readonly method: string | undefined; readonly url: string | undefined; readonly clientName: string },
  options: ApiSpecOptions,
  matcher: string,
  caller: Caller,
): Operation | ContractProblem {
  if (options.operation !== undefined) return operationById(spec, options.operation, matcher, caller);
  const method = options.method ?? res.method?.toUpperCase();
  const url = options.path ?? res.url;
  const byPath = options.path !== undefined;
  const match =
    url === undefined ? undefined : pathMatch(spec, byPath ? `path ${url}` : url, () => matchPath(spec, url, byPath));
  const path = match?.path;
  if (match === undefined || path === undefined)
    throw new HttpMatcherUsageError(
      matcher,
      `this ${res.clientName} does not say which URL it answered, so the operation cannot be found: name it, as toSatisfyApiSpec('GET /pets/{petId}') or toSatisfyApiSpec({ operation: 'getPet' }).`,
      caller,
    );
  const { byMethod } = match;
  if (byMethod.size === 0) return { kind: 'no-path', path, method };
  if (method !== undefined)
    return byMethod.get(method) ?? { kind: 'no-method', path, method, methods: [...byMethod.keys()] };
  if (byMethod.size === 1) return [...byMethod.values()][0] as Operation;
  throw new HttpMatcherUsageError(
    matcher,
    `this ${res.clientName} does not keep the request's method, and ${path} has ${[...byMethod.keys()].join(', ')} in the spec: say which, as toSatisfyApiSpec('${[...byMethod.keys()][0]} ${[...byMethod.values()][0]?.path}') or { method: '${[...byMethod.keys()][0]}' }.`,
    caller,
  );
}

/** The response object for a status: the exact code, then its range (`2XX`), then `default`; else the documented keys. */
function responseFor(spec: ApiSpec, op: Operation, status: number): ResponsePlan | readonly string[] {
  return responsePlan(spec, op, status, () => {
    const responses = child(op.at, 'responses');
    const keys = responses && isJsonObject(responses.value) ? Object.keys(responses.value) : [];
    const key =
      keys.find((k) => k === String(status)) ??
      keys.find((k) => k.toUpperCase() === `${String(status)[0]}XX`) ??
      keys.find((k) => k === 'default');
    const at = key === undefined || !responses ? undefined : spec.docs.follow(child(responses, key) as Located);
    if (key === undefined || !at) return keys.filter((k) => !k.startsWith('x-'));
    const media = new Map<string, MediaPlan>();
    for (const [range, schema] of documentedMedia(spec, op, at)) media.set(range, { range, schema });
    return { key, at, media, documented: [...media.keys()], headers: headerPlans(spec, at), byContentType: new Map() };
  });
}

/** The media types a response documents, each with its schema's place (if any). */
function documentedMedia(spec: ApiSpec, op: Operation, response: Located): Map<string, Located | undefined> {
  const media = new Map<string, Located | undefined>();
  if (spec.version === '2.0') {
    const schema = child(response, 'schema');
    if (!schema) return media;
    const own = isJsonObject(op.at.value) ? op.at.value.produces : undefined;
    const root = isJsonObject(spec.docs.root.value) ? spec.docs.root.value.produces : undefined;
    const listed = Array.isArray(own) ? own : root;
    const produces: Json[] = Array.isArray(listed) ? listed : ['application/json'];
    for (const type of produces) if (typeof type === 'string') media.set(type, schema);
    return media;
  }
  const content = child(response, 'content');
  if (!content || !isJsonObject(content.value)) return media;
  for (const type of Object.keys(content.value)) {
    const entry = spec.docs.follow(child(content, type) as Located);
    media.set(type, entry && child(entry, 'schema'));
  }
  return media;
}

/** The documented media range that fits the Content-Type best: exact, then `type/*`, then `*\/*`. */
export function mediaFor(contentType: string | undefined, documented: readonly string[]): string | undefined {
  const received = parseMediaType(contentType);
  if (!received) return undefined;
  const ranges = documented.map((d) => [d, typeAndSubtype(d.split(';')[0] ?? '')] as const);
  return (
    ranges.find(([, r]) => r?.[0] === received.type && r[1] === received.subtype)?.[0] ??
    ranges.find(([, r]) => r?.[0] === received.type && r[1] === '*')?.[0] ??
    ranges.find(([, r]) => r?.[0] === '*' && r[1] === '*')?.[0]
  );
}

/** A header or parameter value as its schema's type reads it: `"42"` is the integer 42 for `type: integer`. */
export function headerValue(spec: ApiSpec, schema: Located, raw: string): unknown {
  return valueOfType(schemaTypes(spec, schema), raw);
}

function schemaTypes(spec: ApiSpec, schema: Located): readonly unknown[] {
  const target = spec.docs.follow(schema)?.value;
  const type = isJsonObject(target) ? target.type : undefined;
  return Array.isArray(type) ? type : [type];
}

function valueOfType(types: readonly unknown[], raw: string): unknown {
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(raw.trim()))
    return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (types.includes('array')) return raw.split(',').map((part) => part.trim());
  return raw;
}

function headerPlans(spec: ApiSpec, response: Located): HeaderPlan[] {
  const headers = child(response, 'headers');
  if (!headers || !isJsonObject(headers.value)) return [];
  const plans: HeaderPlan[] = [];
  for (const name of Object.keys(headers.value)) {
    // "If a response header is defined with the name Content-Type, it SHALL be ignored" (OpenAPI 3.x, Response Object).
    if (name.toLowerCase() === 'content-type') continue;
    const header = spec.docs.follow(child(headers, name) as Located);
    if (!header || !isJsonObject(header.value)) continue;
    const schema = spec.version === '2.0' ? header : child(header, 'schema');
    plans.push({
      name,
      required: header.value.required === true,
      location: spec.docs.label(header.url, header.pointer),
      schema,
      types: schema ? schemaTypes(spec, schema) : [],
    });
  }
  return plans;
}

function headerProblems(spec: ApiSpec, res: HttpResponse, plan: ResponsePlan, matcher: string): ContractProblem[] {
  let problems: ContractProblem[] | undefined;
  for (const header of plan.headers) {
    const raw = res.headers.get(header.name);
    if (raw === undefined) {
      if (header.required)
        (problems ??= []).push({ kind: 'missing-header', name: header.name, location: header.location });
      continue;
    }
    if (!header.schema) continue;
    header.check ??= spec.schemas.check(header.schema, 'response', matcher);
    const issues = header.check(valueOfType(header.types, raw));
    if (issues.length > 0)
      (problems ??= []).push({
        kind: 'schema',
        what: `header ${header.name}`,
        location: spec.docs.label(header.schema.url, header.schema.pointer),
        issues,
      });
  }
  return problems ?? NONE;
}

// The problems of a passing check: one shared empty list, not a new one per assertion.
const NONE: ContractProblem[] = [];

function bodyProblems(
  spec: ApiSpec,
  res: HttpResponse,
  body: ResponseBody,
  plan: ResponsePlan,
  matcher: string,
): { problems: ContractProblem[]; media?: string } {
  const documented = plan.documented as string[];
  const empty = body.bytes.length === 0;
  if (documented.length === 0)
    return { problems: empty ? NONE : [{ kind: 'unexpected-body', bytes: body.bytes.length }] };
  const contentType = res.headers.get('content-type');
  if (empty && contentType === undefined) return { problems: [{ kind: 'empty-body', documented }] };
  const fit = remember(plan.byContentType, contentType ?? '', () => {
    const key = mediaFor(contentType, documented);
    return { media: key === undefined ? undefined : plan.media.get(key), json: isJson(parseMediaType(contentType)) };
  });
  const media = fit.media;
  if (media === undefined) return { problems: [{ kind: 'content-type', received: contentType, documented }] };
  const schema = media.schema;
  if (!schema || !fit.json) return { problems: NONE, media: media.range };
  const json = parsedJson(body);
  if (!json.ok) return { problems: [{ kind: 'not-json', error: json.error }], media: media.range };
  media.check ??= spec.schemas.check(schema, 'response', matcher);
  const issues = media.check(json.value);
  if (issues.length === 0) return { problems: NONE, media: media.range };
  const location = spec.docs.label(schema.url, schema.pointer);
  return { problems: [{ kind: 'schema', what: 'body', location, issues }], media: media.range };
}

/** Everything in the response the spec does not allow, and which operation, response and media type it was held to. */
export async function checkResponse(
  spec: ApiSpec,
  res: HttpResponse,
  options: ApiSpecOptions,
  matcher: string,
  caller: Caller,
  /** The request, where the response does not keep it (an msw mock's Response). */
  answered?: { readonly method: string; readonly url: string },
): Promise<ContractOutcome> {
  // Outcomes are written out whole: `{ ...base, unknownFormats }` (a spread, then a key it set again) put V8 on a slow
  // path that cost more than the rest of a passing check (measured: 11 µs against 2.4 µs per call).
  const label = specLabel(spec);
  const request = answered
    ? { ...answered, clientName: res.clientName }
    : { method: res.request?.method, url: res.request?.url ?? res.url, clientName: res.clientName };
  const op = findOperation(spec, request, options, matcher, caller);
  if ('kind' in op) return { spec: label, problems: [op], unknownFormats: NO_FORMATS };
  const operation = { label: operationLabel(op), id: op.operationId };
  if (options.status !== undefined && options.status !== res.status) {
    const problem: ContractProblem = { kind: 'wrong-status', expected: options.status };
    return { spec: label, operation, problems: [problem], unknownFormats: NO_FORMATS };
  }
  const found = responseFor(spec, op, res.status);
  if (isKeyList(found)) {
    const problem: ContractProblem = { kind: 'undocumented-status', documented: [...found] };
    return { spec: label, operation, problems: [problem], unknownFormats: NO_FORMATS };
  }
  const body = await bodyOf(matcher, res);
  const checked = op.method === 'HEAD' ? { problems: NONE } : bodyProblems(spec, res, body, found, matcher);
  const headers = headerProblems(spec, res, found, matcher);
  return {
    spec: label,
    operation,
    response: found.key,
    media: checked.media,
    problems: headers === NONE ? checked.problems : [...checked.problems, ...headers],
    unknownFormats: spec.schemas.unknownFormats('response'),
  };
}

const NO_FORMATS: readonly string[] = [];
const isKeyList = (found: ResponsePlan | readonly string[]): found is readonly string[] => Array.isArray(found);
const specLabel = (spec: ApiSpec): string =>
  `${spec.title} (${spec.version === '2.0' ? 'Swagger' : 'OpenAPI'} ${spec.version})`;
