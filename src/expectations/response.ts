import type { HttpResponse } from '../adapters/index.js';
import { isObject } from '../adapters/read.js';
import { isAsymmetricMatcher, showArgument, statusExpectation, textExpectation } from '../arguments.js';
import { parseMediaType } from '../body/media-type.js';
import { parsedJson, type ResponseBody } from '../body/read-body.js';
import { equals } from '../equality.js';
import { HttpMatcherUsageError } from '../errors.js';
import { unknownKeysProblem } from '../message/closest-names.js';
import { absentNotes, receivedNotes } from '../message/header-notes.js';
import { contentTypeNotes } from '../message/content-type-notes.js';
import { jsonDiff } from '../message/json-diff.js';
import { notJsonLines } from '../message/not-json.js';
import { expectedHeaderValue, isSecretHeader, quote, showValue } from '../message/show.js';
import { textBodyNotes } from '../message/text-body-notes.js';
import { CLASS_NAMES, statusClass } from '../registry/classes.js';
import type { StatusClass } from '../registry/index.js';
import { matchesText } from '../text-match.js';
import type { AsymmetricMatcher, MatcherContext } from '../types.js';
import type { ContentTypeShorthand } from './content-type.js';
import { parseExpected as parseContentType } from './content-type.js';
import { parseExpectation as parseCookie, parseName as parseCookieName, type CookieExpectation } from './cookie.js';
import { matchCookie } from './cookie-match.js';
import { matchHeader, parseHeaderName } from './header.js';
import { issueLines, issuesOf, parseSchema, type StandardSchemaV1 } from './standard-schema.js';

// What toMatchResponse accepts, checked once, as a list of parts each judged on its own, so a failure lists them all.

/**
 * A whole response at once: every key is optional, and an unknown key is a usage error (and, typed, a compile error).
 * `json` is a subset (toMatchObject semantics) unless `exact: true` makes it an exact value (toEqual semantics).
 */
export interface ResponseExpectation {
  /** A code, a list of codes, a class such as `'2xx'`, or an asymmetric matcher. */
  status?: number | readonly number[] | StatusClass | AsymmetricMatcher;
  /** Header name (any letter case) → the value: a string compared exactly, a RegExp, or an asymmetric matcher. */
  headers?: Readonly<Record<string, string | RegExp | AsymmetricMatcher>>;
  /** As toHaveContentType's `expected`: a shorthand such as `'json'`, a media type or range, or a RegExp. */
  contentType?: ContentTypeShorthand | (string & {}) | RegExp;
  /** Cookie name → as toHaveCookie's `expected` (`{}`: the cookie is set). */
  cookies?: Readonly<Record<string, CookieExpectation>>;
  /** The JSON body: a subset, or with `exact: true` the whole value. */
  json?: unknown;
  /** `json` is the exact body, not a subset. */
  exact?: boolean;
  /** The body text: a string compared exactly, a RegExp, or an asymmetric matcher. */
  text?: string | RegExp | AsymmetricMatcher;
  /** A Standard Schema (zod, valibot, arktype, …) the JSON body must satisfy. */
  schema?: StandardSchemaV1;
}

const KEYS = ['status', 'headers', 'contentType', 'cookies', 'json', 'exact', 'text', 'schema'] as const;
const MATCHER = 'toMatchResponse';

type Caller = (...args: never[]) => unknown;

export interface PartVerdict {
  pass: boolean;
  notes(): string[];
}

/** One thing the expectation names: `status`, `header location`, `cookie "sid"`, `content type`, `JSON body`, … */
export interface ResponsePart {
  readonly name: string;
  /** What is expected, after the name: `201 Created`, `: "no-store"`. */
  readonly expected: string;
  judge(res: HttpResponse, body: ResponseBody | undefined): PartVerdict | Promise<PartVerdict>;
}

export interface ParsedResponseExpectation {
  parts: ResponsePart[];
  readsBody: boolean;
  needsHeaders: boolean;
  /** The class every wanted code is in, for the status explanation. */
  statusClass: StatusClass | undefined;
  hasStatus: boolean;
  /** Wanted codes, not a class: an opaque redirect hides what a 3xx check would need. */
  statusByCode: boolean;
  showHeaders: string[];
}

function usage(problem: string, caller: Caller): HttpMatcherUsageError {
  return new HttpMatcherUsageError(MATCHER, problem, caller);
}

/** A usage error of a shared parser, re-said under toMatchResponse with the path of the value at fault. */
function within<T>(path: string, caller: Caller, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof HttpMatcherUsageError)) throw error;
    const problem = error.message.slice(error.matcherName.length + 2);
    throw usage(/^expected\b/.test(problem) ? problem.replace(/^expected/, path) : `${path}: ${problem}`, caller);
  }
}

function record(value: unknown, path: string, example: string, caller: Caller): Record<string, unknown> {
  if (isObject(value) && !Array.isArray(value) && !(value instanceof RegExp) && !isAsymmetricMatcher(value))
    return value;
  throw usage(`${path} must be an object such as ${example}; got ${showArgument(value)}.`, caller);
}

/** The expectation, checked whole before any response is looked at. */
export function parseResponseExpectation(
  ctx: MatcherContext,
  expected: unknown,
  caller: Caller,
): ParsedResponseExpectation {
  const given = record(expected, 'expected', '{ status: 201, headers: { location: /\\/users\\// } }', caller);
  const unknownKeys = unknownKeysProblem(given, KEYS);
  if (unknownKeys !== undefined) throw usage(unknownKeys, caller);
  const has = (key: (typeof KEYS)[number]): boolean => given[key] !== undefined;
  if (has('exact') && typeof given.exact !== 'boolean')
    throw usage(`expected.exact must be true or false; got ${showArgument(given.exact)}.`, caller);
  if (has('exact') && !has('json')) throw usage('expected.exact applies to json, and there is no json.', caller);

  const parts: ResponsePart[] = [];
  const status = has('status') ? statusPart(ctx, given.status, caller) : undefined;
  if (status) parts.push(status.part);
  const headerNames: string[] = [];
  if (has('headers')) {
    const headers = record(given.headers, 'expected.headers', "{ 'cache-control': 'no-store' }", caller);
    for (const [name, value] of Object.entries(headers)) {
      const path = `expected.headers[${quote(name, 60)}]`;
      const header = within(path, caller, () => parseHeaderName(MATCHER, 'the name', name, caller));
      parts.push(headerPart(ctx, header, textExpectation(MATCHER, path, value, caller)));
      headerNames.push(header.toLowerCase());
    }
  }
  if (has('contentType')) {
    const wanted = within('expected.contentType', caller, () => parseContentType(given.contentType, caller));
    parts.push({
      name: 'content type',
      expected: wanted.label,
      judge: (res) => {
        const raw = res.headers.get('content-type');
        const media = parseMediaType(raw);
        const typeOk = raw !== undefined && wanted.test(raw, media);
        const verdict = { raw, media, wanted, typeOk, charset: undefined, charsetOk: true };
        return { pass: typeOk, notes: () => contentTypeNotes(false, res, verdict) };
      },
    });
  }
  if (has('cookies')) {
    const cookies = record(given.cookies, 'expected.cookies', '{ sid: { httpOnly: true } }', caller);
    for (const [name, value] of Object.entries(cookies)) {
      const path = `expected.cookies[${quote(name, 60)}]`;
      const cookieName = within(path, caller, () => parseCookieName(name, caller));
      const checks = within(path, caller, () => parseCookie(ctx, value, caller));
      parts.push({
        name: `cookie ${quote(cookieName)}`,
        expected: checks.length === 0 ? 'set' : `with ${checks.map((c) => c.summary).join(', ')}`,
        judge: (res) => {
          const verdict = matchCookie(res, cookieName, checks);
          return { pass: verdict.pass, notes: () => verdict.notes(false) };
        },
      });
    }
  }
  if (has('json')) parts.push(jsonPart(ctx, given.json, given.exact === true, caller));
  if (has('text')) {
    const wanted = textExpectation(MATCHER, 'expected.text', given.text, caller);
    parts.push({
      name: 'text body',
      expected: wanted instanceof RegExp ? `matching ${showValue(wanted)}` : showValue(wanted, ctx),
      judge: (_res, body) => ({
        pass: body !== undefined && matchesText(ctx, wanted, body.text),
        notes: () => (body === undefined ? [] : textBodyNotes(ctx, body, wanted)),
      }),
    });
  }
  if (has('schema')) {
    const { standard, vendor } = parseSchema(MATCHER, 'expected.schema', given.schema, caller);
    parts.push({
      name: 'JSON body',
      expected: `matching the ${vendor} schema`,
      judge: async (res, body) => {
        const parsed = parsedJson(body as ResponseBody);
        const issues = parsed.ok ? await issuesOf(MATCHER, standard, vendor, parsed.value) : [];
        return {
          pass: parsed.ok && issues.length === 0,
          notes: () => (parsed.ok ? issueLines(issues) : notJson(res, body)),
        };
      },
    });
  }
  // `{}`, `{ headers: {} }`: a pass that checks nothing would hide a mistake.
  if (parts.length === 0)
    throw usage(
      `expected names nothing to check: give at least one of ${KEYS.filter((k) => k !== 'exact').join(', ')}.`,
      caller,
    );
  return {
    parts,
    readsBody: has('json') || has('text') || has('schema'),
    needsHeaders: has('headers') || has('contentType') || has('cookies'),
    statusClass: status?.cls,
    hasStatus: status !== undefined,
    statusByCode: status !== undefined && !status.isClass,
    showHeaders: [...headerNames.filter((n) => !isSecretHeader(n)), ...(has('cookies') ? ['set-cookie'] : [])],
  };
}

function statusPart(
  ctx: MatcherContext,
  value: unknown,
  caller: Caller,
): { part: ResponsePart; cls: StatusClass | undefined; isClass: boolean } {
  if (typeof value === 'string' && /^[1-5]xx$/i.test(value)) {
    const cls = value.toLowerCase() as StatusClass;
    const part: ResponsePart = {
      name: 'status',
      expected: `a ${cls} ${CLASS_NAMES[cls]} status`,
      // An opaque redirect hides its code, but its type says it was a 3xx.
      judge: (res) => ({
        pass: (res.status === 0 && res.type === 'opaqueredirect' ? '3xx' : statusClass(res.status)) === cls,
        notes: () => [],
      }),
    };
    return { part, cls, isClass: true };
  }
  // statusExpectation knows no classes, so a string that is not one gets the list that includes them.
  if (typeof value === 'string')
    throw usage(
      `expected.status must be a status code, a non-empty list of them, a class such as '2xx', or an asymmetric matcher; got ${showArgument(value)}.`,
      caller,
    );
  const wanted = within('expected.status', caller, () => statusExpectation(ctx, MATCHER, value, caller));
  const part: ResponsePart = {
    name: 'status',
    expected: wanted.label,
    judge: (res) => ({ pass: wanted.test(res.status, ctx), notes: () => [] }),
  };
  return { part, cls: wanted.cls, isClass: false };
}

function headerPart(ctx: MatcherContext, header: string, wanted: string | RegExp | AsymmetricMatcher): ResponsePart {
  const lower = header.toLowerCase();
  const secret = isSecretHeader(lower);
  return {
    name: `header ${header}`,
    expected: expectedHeaderValue(ctx, lower, wanted, secret).replace(/^:? /, ''),
    judge: (res) => {
      const { values, candidates, pass } = matchHeader(ctx, res, lower, wanted);
      return {
        pass,
        notes: () =>
          candidates.length === 0 ? absentNotes(res, header) : receivedNotes(lower, values, wanted, pass, secret),
      };
    },
  };
}

function jsonPart(ctx: MatcherContext, json: unknown, exact: boolean, caller: Caller): ResponsePart {
  if (!exact && (typeof json !== 'object' || json === null))
    throw usage(
      `expected.json must be an object or an array (a subset, as for toMatchObject), unless exact: true; got ${showArgument(json)}.`,
      caller,
    );
  const mode = exact ? 'equal' : 'subset';
  return {
    name: 'JSON body',
    expected: exact ? 'equal to the expected value' : 'matching the expected subset',
    judge: (res, body) => {
      const parsed = parsedJson(body as ResponseBody);
      return {
        pass: parsed.ok && equals(ctx, parsed.value, json, mode),
        notes: () => (parsed.ok ? [jsonDiff(ctx, json, parsed.value, mode)] : notJson(res, body)),
      };
    },
  };
}

function notJson(res: HttpResponse, body: ResponseBody | undefined): string[] {
  if (body === undefined) return [];
  const parsed = parsedJson(body);
  return parsed.ok ? [] : notJsonLines(body.text, body.bytes, body.contentType, res.status, parsed.error);
}

/**
 * A response expectation, checked now (a usage error names an unknown key and the nearest known one) and typed,
 * to reuse across tests: `await expect(res).toMatchResponse(created)`.
 * @example const created = responseSpec({ status: 201, headers: { location: expect.any(String) } })
 */
export function responseSpec(expected: ResponseExpectation): ResponseExpectation {
  // No runner here to describe values with: the descriptions are made again by each toMatchResponse call.
  const noRunner: MatcherContext = { utils: {} as MatcherContext['utils'] };
  try {
    parseResponseExpectation(noRunner, expected, responseSpec);
  } catch (error) {
    if (!(error instanceof HttpMatcherUsageError)) throw error;
    throw new HttpMatcherUsageError('responseSpec', error.message.slice(MATCHER.length + 2), responseSpec);
  }
  return expected;
}
