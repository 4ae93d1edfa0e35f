import { HttpMatcherUsageError } from '../errors.js';
import { isJson, parseMediaType } from '../body/media-type.js';
import { findOperation, headerValue, mediaFor, type ContractOutcome, type ContractProblem } from './check-response.js';
import type { SentRequest } from '../adapters/requests.js';
import type { ApiSpecOptions } from './options.js';
import type { ApiSpec } from './spec/api-spec.js';
import { child, isJsonObject, type Located } from './spec/documents.js';
import { operationLabel, requestPath, type Operation } from './spec/operations.js';

// The verdict of toSatisfyApiSpec on a request (a fetch Request, which is what msw handlers receive, or the request
// supertest, axios or got kept): its path, query and header parameters, and its body against the operation's
// requestBody, readOnly properties forbidden.

type Caller = (...args: never[]) => unknown;

/** A request as it was sent (a fetch Request's body read through a clone), with what its client calls it. */
export interface RequestView {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly text: string;
  /** `this ${clientName}` in usage errors: "fetch Request", "supertest request", "axios request config"… */
  readonly clientName?: string;
}

/** A client's sent request (src/adapters/requests.ts) as the checks and the message read it. */
export function requestView(sent: SentRequest, clientName: string): RequestView {
  const headers = new Headers();
  for (const [name, values] of sent.headers.entries())
    for (const value of values) {
      try {
        headers.append(name, value);
      } catch {
        // A value fetch's Headers refuses (a control character) was not sent by a conforming client: left out.
      }
    }
  return { method: sent.method, url: sent.url, headers, text: sent.text, clientName };
}

export async function readRequest(request: Request, matcher: string, caller: Caller): Promise<RequestView> {
  if (request.bodyUsed)
    throw new HttpMatcherUsageError(
      matcher,
      'received a Request whose body was already read: check it before reading it (await request.json() after the assertion), or pass request.clone().',
      caller,
    );
  const text = request.body === null ? '' : await request.clone().text();
  return { method: request.method.toUpperCase(), url: request.url, headers: request.headers, text };
}

/** The operation's parameters, the path item's overridden by the operation's own of the same name and place. */
function parametersOf(spec: ApiSpec, op: Operation): Located[] {
  const byKey = new Map<string, Located>();
  for (const owner of [op.item, op.at]) {
    const list = child(owner, 'parameters');
    if (!list || !Array.isArray(list.value)) continue;
    list.value.forEach((_, i) => {
      const param = spec.docs.follow(child(list, i) as Located);
      if (param && isJsonObject(param.value)) byKey.set(`${String(param.value.in)} ${String(param.value.name)}`, param);
    });
  }
  return [...byKey.values()];
}

function pathValues(spec: ApiSpec, op: Operation, pathname: string): Map<string, string> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  for (const base of spec.basePaths) {
    if (base !== '' && !pathname.startsWith(`${base}/`)) continue;
    const m = op.pattern.exec(pathname.slice(base.length) || '/');
    if (m) return new Map(names.map((name, i) => [name, decodeURIComponent(m[i + 1] ?? '')]));
  }
  return new Map();
}

function parameterProblems(spec: ApiSpec, op: Operation, req: RequestView, matcher: string): ContractProblem[] {
  const url = new URL(req.url);
  const path = pathValues(spec, op, url.pathname);
  const problems: ContractProblem[] = [];
  for (const param of parametersOf(spec, op)) {
    const p = param.value as Record<string, unknown>;
    const name = String(p.name);
    if (p.in === 'body' || p.in === 'cookie' || p.in === 'formData') continue;
    const schema = spec.version === '2.0' ? param : child(param, 'schema');
    const target = schema && spec.docs.follow(schema)?.value;
    const isArray = isJsonObject(target) && target.type === 'array';
    let raw: string | string[] | undefined;
    if (p.in === 'path') raw = path.get(name);
    else if (p.in === 'query')
      raw = isArray ? url.searchParams.getAll(name) : (url.searchParams.get(name) ?? undefined);
    else if (p.in === 'header') raw = req.headers.get(name) ?? undefined;
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
      if (p.required === true)
        problems.push({
          kind: 'missing-param',
          name,
          in: String(p.in),
          location: spec.docs.label(param.url, param.pointer),
        });
      continue;
    }
    if (!schema) continue;
    const value = Array.isArray(raw)
      ? raw.flatMap((v) => v.split(',')).map((v) => headerValue(spec, child(schema, 'items') ?? schema, v))
      : headerValue(spec, schema, raw);
    const issues = spec.schemas.check(schema, 'request', matcher)(value);
    if (issues.length > 0)
      problems.push({
        kind: 'schema',
        what: `${String(p.in)} parameter ${name}`,
        location: spec.docs.label(schema.url, schema.pointer),
        issues,
      });
  }
  return problems;
}

/** The request body's documented media types and schemas: 3.x requestBody, or 2.0's `in: body` parameter. */
function requestBodyOf(spec: ApiSpec, op: Operation): { required: boolean; media: Map<string, Located | undefined> } {
  const media = new Map<string, Located | undefined>();
  if (spec.version === '2.0') {
    const body = parametersOf(spec, op).find((p) => isJsonObject(p.value) && p.value.in === 'body');
    const consumes =
      isJsonObject(op.at.value) && Array.isArray(op.at.value.consumes) ? op.at.value.consumes : ['application/json'];
    if (body) for (const type of consumes) if (typeof type === 'string') media.set(type, child(body, 'schema'));
    return { required: body !== undefined && isJsonObject(body.value) && body.value.required === true, media };
  }
  const requestBody = child(op.at, 'requestBody');
  const body = requestBody && spec.docs.follow(requestBody);
  const content = body && child(body, 'content');
  if (content && isJsonObject(content.value))
    for (const type of Object.keys(content.value)) {
      const entry = spec.docs.follow(child(content, type) as Located);
      media.set(type, entry && child(entry, 'schema'));
    }
  return { required: isJsonObject(body?.value) && body.value.required === true, media };
}

function bodyProblems(
  spec: ApiSpec,
  op: Operation,
  req: RequestView,
  matcher: string,
): { problems: ContractProblem[]; media?: string } {
  const { required, media } = requestBodyOf(spec, op);
  const documented = [...media.keys()];
  if (req.text === '') return { problems: required ? [{ kind: 'empty-body', documented }] : [] };
  if (documented.length === 0)
    return { problems: [{ kind: 'unexpected-body', bytes: new TextEncoder().encode(req.text).length }] };
  const contentType = req.headers.get('content-type') ?? undefined;
  const key = mediaFor(contentType, documented);
  if (key === undefined) return { problems: [{ kind: 'content-type', received: contentType, documented }] };
  const schema = media.get(key);
  if (!schema || !isJson(parseMediaType(contentType))) return { problems: [], media: key };
  let value: unknown;
  try {
    value = JSON.parse(req.text);
  } catch (error) {
    return { problems: [{ kind: 'not-json', error }], media: key };
  }
  const issues = spec.schemas.check(schema, 'request', matcher)(value);
  const location = spec.docs.label(schema.url, schema.pointer);
  return { problems: issues.length > 0 ? [{ kind: 'schema', what: 'body', location, issues }] : [], media: key };
}

export function checkRequest(
  spec: ApiSpec,
  req: RequestView,
  options: ApiSpecOptions,
  matcher: string,
  caller: Caller,
): ContractOutcome {
  const base = {
    spec: `${spec.title} (${spec.version === '2.0' ? 'Swagger' : 'OpenAPI'} ${spec.version})`,
    unknownFormats: [],
  };
  const op = findOperation(
    spec,
    { method: req.method, url: req.url, clientName: req.clientName ?? 'fetch Request' },
    options,
    matcher,
    caller,
  );
  if ('kind' in op) return { ...base, problems: [op] };
  const body = bodyProblems(spec, op, req, matcher);
  return {
    ...base,
    operation: { label: operationLabel(op), id: op.operationId },
    response: undefined,
    media: body.media,
    problems: [...parameterProblems(spec, op, req, matcher), ...body.problems],
    unknownFormats: spec.schemas.unknownFormats('request'),
  };
}

export { requestPath };
