import type { ContractOutcome, ContractProblem } from '../openapi/check-response.js';
import type { SchemaIssue } from '../openapi/spec/schemas.js';
import { formatPath } from '../expectations/standard-schema.js';
import type { MatcherContext } from '../types.js';
import { escapeMessage } from './escape.js';
import { hideSecret } from './redact.js';
import { Redactor } from './redactor.js';
import { colours, hintLine } from './runner-utils.js';
import { bodyText, isSecretHeader, line, quote, showValue, url } from './show.js';

// What the OpenAPI matchers' failures say beyond the pipeline's parts: the operation, response and media type the
// response was held to, and each way it breaks them, schema errors in plain words with where they are in the spec.

const MAX_ISSUES = 10;

/** `Contract: GET /pets/{petId} (getPet), response 200, application/json, in Petstore (OpenAPI 3.0)` */
export function contractLine(outcome: ContractOutcome): string {
  const parts = [];
  if (outcome.operation)
    parts.push(`${outcome.operation.label}${outcome.operation.id ? ` (${outcome.operation.id})` : ''}`);
  if (outcome.response !== undefined) parts.push(`response ${outcome.response}`);
  if (outcome.media !== undefined) parts.push(outcome.media);
  return line(`Contract: ${parts.length > 0 ? `${parts.join(', ')}, in ` : ''}${outcome.spec}`, 400);
}

export function contractNotes(outcome: ContractOutcome, status: number): string[] {
  const notes = [contractLine(outcome), ...outcome.problems.map((p) => problemText(p, outcome, status))];
  if (outcome.unknownFormats.length > 0) notes.push(unknownFormatsNote(outcome.unknownFormats));
  return notes;
}

function unknownFormatsNote(formats: readonly string[]): string {
  return `Not checked: format ${formats.map((f) => quote(f, 40)).join(', ')} (unknown to ajv-formats, so any value passes).`;
}

function problemText(p: ContractProblem, outcome: ContractOutcome, status: number): string {
  const op = outcome.operation?.label ?? 'the operation';
  switch (p.kind) {
    case 'no-path':
      return `No path in the spec matches ${quote(p.path)}${p.method ? ` (${p.method})` : ''}: the API answers a request its contract does not document, or the spec's servers/basePath differ from the URL.`;
    case 'no-method':
      return `${quote(p.path)} has ${p.methods.join(', ')} in the spec, not ${p.method}.`;
    case 'wrong-status':
      return `The test expects response ${p.expected} of ${op}; the response is ${status}.`;
    case 'undocumented-status':
      return `Status ${status} is not documented for ${op}. Documented: ${p.documented.join(', ') || '(no responses)'}.`;
    case 'content-type':
      return `Content-Type ${p.received === undefined ? '(none)' : quote(p.received, 100)} is not one the spec documents for this ${outcome.response === undefined ? 'request' : 'response'}: ${p.documented.join(', ')}.`;
    case 'empty-body':
      return `The body is empty${outcome.response === undefined ? '' : ', with no Content-Type'}; the spec documents ${p.documented.join(', ') || 'a required body'} for this ${outcome.response === undefined ? 'request' : 'response'}.`;
    case 'unexpected-body':
      return `The spec documents no content for this ${outcome.response === undefined ? 'request' : 'response'}, but the body has ${p.bytes} bytes.`;
    case 'not-json':
      return `The body is not JSON (${line(p.error instanceof Error ? p.error.message : String(p.error), 120)}), though its media type says so.`;
    case 'missing-header':
      return `Header ${p.name} is required by the spec (${p.location}) and missing.`;
    case 'missing-param':
      return `The ${p.in} parameter ${quote(p.name, 80)} is required by the spec (${p.location}) and missing.`;
    case 'schema':
      return schemaText(p.what, p.location, p.issues);
  }
}

/** `Body does not match the schema at #/…/schema (2 errors):` and a line per most specific cause. */
export function schemaText(what: string, location: string, issues: readonly SchemaIssue[]): string {
  const causes = collapse(issues);
  const shown = causes.slice(0, MAX_ISSUES).map((i) => `  - ${issueText(what, i)}`);
  if (causes.length > MAX_ISSUES) shown.push(`  … and ${causes.length - MAX_ISSUES} more`);
  const n = causes.length;
  const subject = RESPONSE_HEADER.test(what) ? what.replace(/^header/, 'Header') : `The ${what}`;
  return [`${subject} does not match the schema at ${location} (${n} ${n === 1 ? 'error' : 'errors'}):`, ...shown].join(
    '\n',
  );
}

// A response header is `header X-Total-Count`; a request's is `header parameter X-Tenant`, said as a parameter.
const RESPONSE_HEADER = /^header (?!parameter )/;

function pathOf(what: string, instancePath: string): string {
  const tokens = instancePath === '' ? [] : instancePath.slice(1).split('/');
  const keys = tokens.map((t) => {
    const key = t.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
  const rest = formatPath(keys);
  const name = what.replace(RESPONSE_HEADER, '');
  if (rest === '') return name;
  return `${name}${rest.startsWith('[') ? '' : '.'}${rest}`;
}

function issueText(what: string, issue: SchemaIssue): string {
  const where = issue.location ? ` (${issue.location})` : '';
  return line(`${pathOf(what, issue.instancePath)} ${inWords(issue)}${received(issue)}${where}`, 400);
}

function received(issue: SchemaIssue): string {
  if (
    issue.keyword === 'required' ||
    issue.keyword === 'additionalProperties' ||
    issue.keyword === 'unevaluatedProperties'
  )
    return '';
  // A type error on a container names its JSON type: "[an object]" would read as notation, not as an array.
  if (Array.isArray(issue.data))
    return `; received an array of ${issue.data.length} item${issue.data.length === 1 ? '' : 's'}`;
  if (issue.keyword === 'type' && typeof issue.data === 'object' && issue.data !== null) return '; received an object';
  return `; received ${showValue(issue.data, undefined, 80)}`;
}

const plural = (n: unknown, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

const article = (type: string): string => (type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`);

function inWords(issue: SchemaIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'type':
      return `must be ${String(p.type).split(',').map(article).join(' or ')}`;
    case 'required':
      return `is missing the required property ${quote(String(p.missingProperty), 80)}`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `has ${quote(String(p.additionalProperty ?? p.unevaluatedProperty), 80)}, which the schema does not allow (${issue.keyword}: false)`;
    case 'enum':
      return `must be one of ${showValue(p.allowedValues, undefined, 120)}`;
    case 'const':
      return `must be ${showValue(p.allowedValue, undefined, 80)}`;
    case 'format':
      return `must be a valid ${String(p.format)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'minLength':
    case 'maxLength':
      return `must be at ${issue.keyword === 'minLength' ? 'least' : 'most'} ${plural(p.limit, 'character')} long`;
    case 'minItems':
    case 'maxItems':
      return `must have at ${issue.keyword === 'minItems' ? 'least' : 'most'} ${plural(p.limit, 'item')}`;
    case 'pattern':
      return `must match the pattern ${quote(String(p.pattern), 80)}`;
    case 'not':
      return issue.forbidden
        ? `is ${issue.forbidden}, so it must not be in a ${issue.forbidden === 'writeOnly' ? 'response' : 'request'}`
        : 'must not match the schema under "not"';
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? `matches more than one of the oneOf alternatives (${p.passingSchemas.join(' and ')}), and must match exactly one`
        : 'matches none of the oneOf alternatives';
    case 'anyOf':
      return 'matches none of the anyOf alternatives';
    case 'discriminator':
      return p.error === 'mapping'
        ? `has ${quote(String(p.tag), 60)} ${showValue(p.tagValue, undefined, 60)}, which is none of the discriminator's values`
        : `must have the discriminator property ${quote(String(p.tag), 60)} as a string`;
    default:
      return line(issue.message, 200);
  }
}

/**
 * The most specific causes: for a failed oneOf/anyOf, only the errors of the alternative the value came closest to
 * (not one whose tag, an enum or const property, it does not carry; then the one with the fewest errors), not every
 * alternative's.
 */
export function collapse(issues: readonly SchemaIssue[]): SchemaIssue[] {
  const dropped = new Set<SchemaIssue>();
  // A value of the wrong type fails its format too: the type says it.
  const wrongType = new Set(issues.filter((i) => i.keyword === 'type').map((i) => i.instancePath));
  for (const i of issues) if (i.keyword === 'format' && wrongType.has(i.instancePath)) dropped.add(i);
  for (const group of issues) {
    if (!group.branches || dropped.has(group)) continue;
    const branchOf = (i: SchemaIssue): number =>
      group.branches?.findIndex((b) => b !== undefined && i.location !== undefined && i.location.startsWith(`${b}/`)) ??
      -1;
    const inside = issues.filter(
      (i) => i !== group && i.instancePath.startsWith(group.instancePath) && branchOf(i) !== -1,
    );
    const byBranch = new Map<number, SchemaIssue[]>();
    for (const i of inside) byBranch.set(branchOf(i), [...(byBranch.get(branchOf(i)) ?? []), i]);
    const isTagMismatch = (list: SchemaIssue[]) =>
      list.some(
        (i) =>
          (i.keyword === 'enum' || i.keyword === 'const') &&
          i.instancePath.split('/').length === group.instancePath.split('/').length + 1,
      );
    const candidates = [...byBranch.entries()].filter(([, list]) => !isTagMismatch(list));
    const best = candidates.sort((a, b) => a[1].length - b[1].length)[0]?.[0];
    for (const [branch, list] of byBranch) if (branch !== best) for (const i of list) dropped.add(i);
    // The closest alternative's own errors say why; the oneOf line only repeats it.
    if (best !== undefined) dropped.add(group);
  }
  return issues.filter((i) => !dropped.has(i));
}

/** A request as the request message shows it. */
export interface ShownRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly text: string;
}

const BODY_SHOWN = 2000;

/**
 * The message for a request that breaks its contract (a fetch Request, in an msw handler): there is no status to
 * explain, so the pipeline's response sections give way to the request line, its Content-Type and its body, redacted
 * by one Redactor that learns the request's secrets (credential headers, secret body members) first, then escaped.
 */
export function requestFailureMessage(
  ctx: MatcherContext,
  parts: { matcher: string; args: string; request: ShownRequest; outcome: ContractOutcome },
): string {
  const { request, outcome } = parts;
  const redactor = new Redactor(undefined, { type: 'text', text: request.text.slice(0, 64 * 1024) });
  for (const [name, value] of request.headers) if (isSecretHeader(name)) hideSecret(redactor.secrets, value);
  const colour = colours(ctx.utils);
  const label = `as ${outcome.operation?.label ?? 'the spec'} documents it`;
  const type = request.headers.get('content-type');
  const sections = [
    hintLine(ctx, parts.matcher, parts.args, 'request'),
    `Expected request: ${colour.expected(ctx.isNot ? `not ${label}` : label)}\nReceived request: ${colour.received(`${line(request.method, 20)} ${url(request.url)}`)}`,
    contractNotes(outcome, 0).join('\n'),
  ];
  if (type !== null) sections.push(`Content-Type: ${line(type, 200)}`);
  if (request.text !== '')
    sections.push(
      `Body:\n${bodyText(redactor.text(request.text.slice(0, BODY_SHOWN))).replace(/^/gm, '  ')}${request.text.length > BODY_SHOWN ? '\n  …' : ''}`,
    );
  return escapeMessage(redactor.sweep(sections.join('\n\n')));
}

/**
 * The message of toSatisfySchemaInApiSpec: a plain value against a named schema. The value is the evidence, so one
 * Redactor learns its secret-named members first (a `password` the schema rejects is named, never shown).
 */
export function namedSchemaMessage(
  ctx: MatcherContext,
  parts: { matcher: string; schemaName: string; location: string; issues: readonly SchemaIssue[]; value: unknown },
  unknownFormats: readonly string[],
): string {
  const redactor = new Redactor(undefined, { type: 'value', value: parts.value });
  const sections = [
    hintLine(ctx, parts.matcher, 'schemaName', 'received'),
    ctx.isNot
      ? `Expected the value not to match the schema ${line(parts.schemaName, 100)} (${parts.location}), but it does.`
      : schemaText('value', parts.location, parts.issues),
  ];
  if (unknownFormats.length > 0) sections.push(unknownFormatsNote(unknownFormats));
  return escapeMessage(redactor.sweep(sections.join('\n\n')));
}
