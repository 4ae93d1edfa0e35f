import type { HttpResponse } from '../adapters/index.js';
import { failureMessage } from '../message/failure-message.js';
import { notJsonLines } from '../message/not-json.js';
import { redactError } from '../message/redactor.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import { bodyOf, parsedJson, shownBody, type ResponseBody } from './read-body.js';

/** What a JSON body matcher adds to the shared judgement: its verdict on the parsed body and its notes. */
export interface JsonJudgement {
  /** The matcher's name, and its arguments as the hint line names them. */
  readonly matcher: string;
  readonly args: string;
  /** The expectation after `Expected body:`. */
  readonly expected: string;
  /** The verdict on the parsed body. */
  test(value: unknown): boolean | Promise<boolean>;
  /** Why the parsed body failed (a diff, a list of issues), computed only for the message. */
  notes(value: unknown): string[];
}

/**
 * The tail every JSON body matcher shares: read the body once (the cache every body matcher and readBody
 * share), parse it once, judge it, and explain a failure, saying what the body is when it is not JSON.
 */
export async function judgeJson(
  ctx: MatcherContext,
  res: HttpResponse,
  judgement: JsonJudgement,
): Promise<MatcherResult> {
  const body = await bodyOf(judgement.matcher, res);
  const parsed = parsedJson(body);
  let pass: boolean;
  try {
    const verdict = parsed.ok && judgement.test(parsed.value);
    // A verdict already at hand is not awaited: one microtask turn less on the pass path.
    pass = typeof verdict === 'boolean' ? verdict : await verdict;
  } catch (error) {
    throw redactError(error, res, shownBody(body));
  }
  const notes = (): string[] => {
    if (!parsed.ok) return notJsonLines(body.text, body.bytes, body.contentType, res.status, parsed.error);
    return judgement.notes(parsed.value);
  };
  return bodyResult(ctx, res, body, pass, {
    matcher: judgement.matcher,
    args: judgement.args,
    expected: ['Expected body', judgement.expected],
    notes,
  });
}

/** A body matcher's result: its verdict, and a message that shows the body it judged. */
export function bodyResult(
  ctx: MatcherContext,
  res: HttpResponse,
  body: ResponseBody,
  pass: boolean,
  parts: { matcher: string; args: string; expected: readonly [string, string]; notes: () => string[] },
): MatcherResult {
  return {
    pass,
    message: () =>
      failureMessage(ctx, res, {
        about: 'response',
        matcher: parts.matcher,
        args: parts.args,
        expected: parts.expected,
        notes: pass ? [] : parts.notes(),
        body: shownBody(body),
      }),
  };
}
