import type { HttpResponse } from '../adapters/index.js';
import { graphqlMedia, type ExpectedError, type GraphQLResponse } from '../expectations/graphql.js';
import { isPlainObject } from '../expectations/problem-details.js';
import type { MatcherContext } from '../types.js';
import { line, quote, showValue } from './show.js';

// What the GraphQL matchers' failures say beyond the pipeline's parts: the errors as a person reads them, the
// operation, and what the status means for the media type (GraphQL over HTTP, "Status Codes").

const SPEC = '(GraphQL over HTTP)';
const MAX_ERRORS = 10;

/** What the status says about the request, read with the media type it came with. */
export function graphqlStatusNote(res: HttpResponse, doc: GraphQLResponse | undefined): string {
  const { status } = res;
  const type = res.headers.get('content-type');
  const media = graphqlMedia(type);
  const ok = status >= 200 && status < 300;
  if (media === 'json')
    return status === 200
      ? `Status 200 with application/json says nothing about the outcome: a GraphQL server answers 200 to every well-formed request, errors or not, so only the body tells ${SPEC}. Send Accept: application/graphql-response+json for a status that means something.`
      : `Status ${status} with application/json: a GraphQL server answers 200 to every well-formed request, so this status most likely comes from a malformed request (not JSON, no "query") or from something in front of the GraphQL server (a gateway, proxy or auth layer) ${SPEC}.`;
  if (media === undefined)
    return type === undefined
      ? `The response has no Content-Type; a GraphQL response is application/graphql-response+json or application/json ${SPEC}.`
      : `Content-Type is ${line(type, 100)}, not application/graphql-response+json or application/json ${SPEC}.`;
  const base = 'with application/graphql-response+json';
  let meaning = `Status ${status} ${base}: the request produced no "data"; with this media type a server answers 4xx or 5xx only when the response has none ${SPEC}.`;
  if (ok)
    meaning = `Status ${status} ${base}: the request was valid and the operation was executed; errors in the body are execution (field) errors, alongside partial or null data ${SPEC}.`;
  else if (status === 400)
    meaning = `Status 400 ${base}: the request failed before execution. The document did not parse or failed validation, or the operation or variables were wrong, so nothing ran ${SPEC}.`;
  if (doc === undefined) return meaning;
  if (ok && !doc.hasData)
    return `${meaning}\nYet the body has no "data": with this media type the server MUST then answer 4xx or 5xx ${SPEC}.`;
  if (!ok && doc.hasData && doc.data !== null)
    return `${meaning}\nYet the body has "data": with this media type the server MUST then answer 2xx ${SPEC}.`;
  return meaning;
}

/** The errors the server sent, each with its path, locations and extensions.code. */
export function graphqlErrorLines(errors: readonly unknown[]): string {
  const shown = errors.slice(0, MAX_ERRORS).map((error) => {
    if (!isPlainObject(error)) return `  - ${showValue(error)}`;
    const parts = [typeof error.message === 'string' ? quote(error.message) : '(no message)'];
    if (Array.isArray(error.path)) parts.push(`at ${line(error.path.map(String).join('.'), 200) || '(root)'}`);
    if (Array.isArray(error.locations)) {
      const places = error.locations
        .filter(isPlainObject)
        .map((l) => `${showValue(l.line)}:${showValue(l.column)}`)
        .slice(0, 5);
      if (places.length > 0) parts.push(`(line:column ${places.join(', ')} in the document)`);
    }
    const code = isPlainObject(error.extensions) ? error.extensions.code : undefined;
    if (code !== undefined) parts.push(`[${showValue(code)}]`);
    return `  - ${parts.join(' ')}`;
  });
  const more = errors.length > MAX_ERRORS ? [`  … and ${errors.length - MAX_ERRORS} more`] : [];
  return [`GraphQL errors (${errors.length}):`, ...shown, ...more].join('\n');
}

/** An expected error as the notes list it: `message /not found/, path ["user"], extensions.code "NOT_FOUND"`. */
export function expectedErrorLine(ctx: MatcherContext, want: ExpectedError): string {
  const parts = want.message === undefined ? [] : [`message ${showValue(want.message, ctx)}`];
  for (const [key, value] of Object.entries(want.rest)) {
    if (key === 'extensions' && isPlainObject(value) && Object.keys(value).length === 1 && 'code' in value)
      parts.push(`extensions.code ${showValue(value.code, ctx)}`);
    else parts.push(`${line(key, 60)} ${Array.isArray(value) ? showValue(value, ctx) : showValue(value, ctx, 80)}`);
  }
  return `  - ${parts.length > 0 ? parts.join(', ') : 'any error'}`;
}

/**
 * The operation, when the request says it: a GET carries it in its URL, and supertest, axios and got keep the body of
 * a POST (`operationName`, or the first named operation of `query`). fetch, undici and Playwright keep no request
 * body, so a POST's operation is not known for them.
 */
export function operationLine(res: HttpResponse): string[] {
  let params: Record<string, unknown> | undefined;
  try {
    params = requestParams(res);
  } catch {
    // A request body whose members throw when read: the operation is not known.
    return [];
  }
  if (params === undefined) return [];
  const named = typeof params.operationName === 'string' ? params.operationName : undefined;
  const query = typeof params.query === 'string' ? params.query.slice(0, 10_000) : '';
  const inQuery = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
  const name = named ?? inQuery;
  return name ? [`Operation: ${line(name, 100)}`] : [];
}

function requestParams(res: HttpResponse): Record<string, unknown> | undefined {
  const body = res.request?.body;
  if (typeof body === 'string' && body.length < 1_000_000) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
    } catch {
      // Not a JSON request body: the URL may still say.
    }
  } else if (typeof body === 'object' && body !== null && !ArrayBuffer.isView(body)) {
    return body as Record<string, unknown>;
  }
  const target = res.request?.url ?? res.url;
  if (target === undefined) return undefined;
  try {
    return Object.fromEntries(new URL(target).searchParams);
  } catch {
    return undefined;
  }
}

/**
 * The notes every GraphQL matcher's failure has, around its own: that the body is not GraphQL at all, or where it
 * breaks the spec, then the matcher's lines, the operation and what the status means for the media type.
 */
export function graphqlNotes(
  res: HttpResponse,
  doc: GraphQLResponse | { readonly notGraphQL: string },
  own: (doc: GraphQLResponse) => string[],
): string[] {
  if ('notGraphQL' in doc) return [doc.notGraphQL, graphqlStatusNote(res, undefined)];
  const out: string[] = [];
  if (doc.problems.length > 0)
    out.push(`Not a well-formed GraphQL response:\n${doc.problems.map((p) => `  - ${p}`).join('\n')}`);
  // One note of blocks a blank line apart: the errors list, a diff and the status note are each several lines.
  const closing = [...operationLine(res), graphqlStatusNote(res, doc)].join('\n');
  return [[...out, ...own(doc), closing].join('\n\n')];
}
