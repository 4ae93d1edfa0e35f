import { equals } from '../equality.js';
import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyOf, parsedJson, shownBody } from '../body/read-body.js';
import { showArgument } from '../arguments.js';
import { parseMediaType } from '../body/media-type.js';
import { HttpMatcherUsageError } from '../errors.js';
import { failureMessage } from '../message/failure-message.js';
import { line } from '../message/show.js';
import { jsonDiff } from '../message/json-diff.js';
import { notJsonLines } from '../message/not-json.js';
import type { MatcherContext, MatcherResult } from '../types.js';

type Obj = Record<string, unknown>;

export function toBeProblemDetails(this: MatcherContext, received: unknown, expected?: unknown): Promise<MatcherResult> {
  const name = 'toBeProblemDetails';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  if (expected !== undefined && !isPlainObject(expected)) {
    throw new HttpMatcherUsageError(name, `expected must be an object of problem members, e.g. { type: 'https://example.com/probs/out-of-credit' }; got ${showArgument(expected)}.`, toBeProblemDetails);
  }
  const res = adapt(name, received, toBeProblemDetails);
  return judge(this, res, expected);
}

async function judge(ctx: MatcherContext, res: HttpResponse, expected: Obj | undefined): Promise<MatcherResult> {
  const name = 'toBeProblemDetails';
  const body = await bodyOf(name, res);
  const parsed = parsedJson(body);

  const problems: string[] = [];
  const type = res.headers.get('content-type');
  const media = parseMediaType(type);
  if (media?.type !== 'application' || media.subtype !== 'problem+json') {
    problems.push(type === undefined ? 'The response has no Content-Type; problem details are sent as application/problem+json (RFC 9457 §3).' : `Content-Type is ${line(type, 100)}, not application/problem+json (RFC 9457 §3).`);
  }
  let doc: Obj | undefined;
  if (!parsed.ok) problems.push(notJsonLines(body.text, body.bytes, body.contentType, res.status, parsed.error).join('\n    '));
  else if (!isPlainObject(parsed.value)) problems.push(`The body is ${describeJson(parsed.value)}, not a JSON object (RFC 9457 §3).`);
  else {
    doc = parsed.value;
    problems.push(...memberProblems(doc, res.status));
  }
  // An absent "type" means "about:blank" (RFC 9457 §3.1.1), so { type: 'about:blank' } matches it.
  const compared = doc !== undefined && !('type' in doc) ? { type: 'about:blank', ...doc } : doc;
  const membersOk = expected === undefined || (compared !== undefined && equals(ctx, compared, expected, 'subset'));
  const pass = problems.length === 0 && membersOk;

  const notes = (): string[] => {
    if (pass) return [];
    const out: string[] = [];
    if (problems.length > 0) out.push(`Not problem details:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    if (!membersOk && compared !== undefined) out.push(jsonDiff(ctx, expected, compared, 'subset'));
    return out;
  };
  return {
    pass,
    message: () =>
      failureMessage(ctx, res, {
        about: 'response',
        matcher: name,
        args: expected === undefined ? '' : 'expected',
        expected: ['Expected', `problem details (RFC 9457: application/problem+json)${expected === undefined ? '' : ' with the expected members'}`],
        notes: notes(),
        body: shownBody(body),
      }),
  };
}

/** What RFC 9457 §3.1 asks of each standard member; a member of the wrong type is ignored by clients, so it is a bug in the server. */
function memberProblems(doc: Obj, status: number): string[] {
  const out: string[] = [];
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(doc, key);
  for (const [key, section] of [['type', '3.1.1'], ['instance', '3.1.5']] as const) {
    if (!has(key)) continue;
    const value = doc[key];
    if (typeof value !== 'string') out.push(`"${key}" is ${describeJson(value)}; it must be a string holding a URI reference (RFC 9457 §${section}).`);
    else if (!isUriReference(value)) out.push(`"${key}" is ${line(JSON.stringify(value), 120)}, which is not a URI reference: no spaces or other characters a URI cannot hold (RFC 9457 §${section}).`);
  }
  if (has('status')) {
    const value = doc.status;
    if (typeof value !== 'number' || !Number.isInteger(value)) out.push(`"status" is ${describeJson(value)}; it must be a JSON number, the HTTP status code (RFC 9457 §3.1.2).`);
    else if (value !== status) out.push(`"status" is ${value} but the response status is ${status}; the RFC requires the same code in both (RFC 9457 §3.1.2).`);
  }
  for (const [key, section] of [['title', '3.1.3'], ['detail', '3.1.4']] as const) {
    if (has(key) && typeof doc[key] !== 'string') out.push(`"${key}" is ${describeJson(doc[key])}; it must be a string (RFC 9457 §${section}).`);
  }
  return out;
}

// RFC 3986 §4.1: only URI characters and percent-escapes; a colon before any /, ? or # must end a scheme.
function isUriReference(value: string): boolean {
  if (!/^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(value)) return false;
  const first = value.search(/[:/?#]/);
  return first === -1 || value[first] !== ':' || /^[A-Za-z][A-Za-z0-9+.-]*$/.test(value.slice(0, first));
}

function isPlainObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (typeof value === 'string') return `the string ${line(JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value))}`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}
