import { adapt, type HttpResponse } from '../adapters/index.js';
import { bodyOf, shownBody, type ResponseBody } from '../body/read-body.js';
import { HttpMatcherUsageError } from '../errors.js';
import { parseResponseExpectation, type ParsedResponseExpectation } from '../expectations/response.js';
import { failureMessage } from '../message/failure-message.js';
import { redactError } from '../message/redactor.js';
import { responseNotes, responseSummary } from '../message/response-notes.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export type { ResponseExpectation } from '../expectations/response.js';

const MATCHER = 'toMatchResponse';

/** Always async, so one declaration covers every expectation; the body is read only when json, text or schema asks. */
export function toMatchResponse(this: MatcherContext, received: unknown, expected: unknown): Promise<MatcherResult> {
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  const spec = parseResponseExpectation(this, expected, toMatchResponse);
  const res = adapt(MATCHER, received, toMatchResponse, spec.needsHeaders ? { needs: 'headers' } : undefined);
  // An opaque redirect hides its code: neither a pass nor a .not pass could be trusted on it.
  if (spec.statusByCode && res.status === 0 && res.type === 'opaqueredirect') {
    throw new HttpMatcherUsageError(
      MATCHER,
      "received an opaque redirect (fetch with redirect: 'manual' in a browser), whose status code is hidden: expect status '3xx', or let fetch follow the redirect.",
      toMatchResponse,
    );
  }
  return judge(this, res, spec);
}

async function judge(ctx: MatcherContext, res: HttpResponse, spec: ParsedResponseExpectation): Promise<MatcherResult> {
  const body: ResponseBody | undefined = spec.readsBody ? await bodyOf(MATCHER, res) : undefined;
  let verdicts;
  try {
    verdicts = await Promise.all(spec.parts.map((part) => part.judge(res, body)));
  } catch (error) {
    // A user's asymmetric matcher or schema that throws: its message may quote the body.
    throw body === undefined ? error : redactError(error, res, shownBody(body));
  }
  const pass = verdicts.every((verdict) => verdict.pass);
  const statusPassed = spec.hasStatus && verdicts[0]?.pass === true;
  return {
    pass,
    message: () => {
      const notes = responseNotes(ctx.isNot === true, spec.parts, verdicts);
      return failureMessage(ctx, res, {
        // A failed status is explained as toHaveStatus explains it; one the test asked for is not news.
        about: spec.hasStatus && !statusPassed ? 'status' : 'response',
        matcher: MATCHER,
        args: 'expected',
        expected: ['Expected response', responseSummary(spec.parts)],
        negated: `a response that differs in any of: ${responseSummary(spec.parts)}`,
        notes,
        notesExplainStatus: statusPassed,
        wanted: spec.statusClass,
        showHeaders: spec.showHeaders,
        body: body === undefined ? undefined : shownBody(body),
      });
    },
  };
}
