import { equals } from '../equality.js';
import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyResult } from '../body/judge.js';
import { bodyOf, parsedJson } from '../body/read-body.js';
import { showArgument } from '../arguments.js';
import { parseMediaType } from '../body/media-type.js';
import { HttpMatcherUsageError } from '../errors.js';
import { line } from '../message/show.js';
import { jsonDiff } from '../message/json-diff.js';
import { notJsonLines } from '../message/not-json.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import { describeJson, isPlainObject, memberProblems, type Obj } from '../expectations/problem-details.js';

export function toBeProblemDetails(
  this: MatcherContext,
  received: unknown,
  expected?: unknown,
): Promise<MatcherResult> {
  const name = 'toBeProblemDetails';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  if (expected !== undefined && !isPlainObject(expected)) {
    throw new HttpMatcherUsageError(
      name,
      `expected must be an object of problem members, e.g. { type: 'https://example.com/probs/out-of-credit' }; got ${showArgument(expected)}.`,
      toBeProblemDetails,
    );
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
    problems.push(
      type === undefined
        ? 'The response has no Content-Type; problem details are sent as application/problem+json (RFC 9457 §3).'
        : `Content-Type is ${line(type, 100)}, not application/problem+json (RFC 9457 §3).`,
    );
  }
  let doc: Obj | undefined;
  if (!parsed.ok)
    problems.push(notJsonLines(body.text, body.bytes, body.contentType, res.status, parsed.error).join('\n    '));
  else if (!isPlainObject(parsed.value))
    problems.push(`The body is ${describeJson(parsed.value)}, not a JSON object (RFC 9457 §3).`);
  else {
    doc = parsed.value;
    problems.push(...memberProblems(doc, res.status));
  }
  // An absent "type" means "about:blank" (RFC 9457 §3.1.1), so { type: 'about:blank' } matches it.
  const compared = doc !== undefined && !('type' in doc) ? { type: 'about:blank', ...doc } : doc;
  const membersOk = expected === undefined || (compared !== undefined && equals(ctx, compared, expected, 'subset'));
  const pass = problems.length === 0 && membersOk;

  const notes = (): string[] => {
    const out: string[] = [];
    if (problems.length > 0) out.push(`Not problem details:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    if (!membersOk && compared !== undefined) out.push(jsonDiff(ctx, expected, compared, 'subset'));
    return out;
  };
  const members = expected === undefined ? '' : ' with the expected members';
  return bodyResult(ctx, res, body, pass, {
    matcher: name,
    args: expected === undefined ? '' : 'expected',
    expected: ['Expected', `problem details (RFC 9457: application/problem+json)${members}`],
    notes,
  });
}
