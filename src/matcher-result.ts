import type { HttpResponse } from './adapters/index.js';
import { failureMessage, type FailureParts } from './message/failure-message.js';
import type { MatcherContext } from './types.js';

/**
 * A sync matcher's result: its verdict, and the message built from its parts only if the runner asks for it (the
 * parts, notes included, are computed then, never on the pass path, which loads nothing of src/message/).
 */
export function matcherResult(
  ctx: MatcherContext,
  res: HttpResponse,
  pass: boolean,
  parts: () => FailureParts,
): { pass: boolean; message: () => string } {
  return { pass, message: () => failureMessage(ctx, res, parts()) };
}
