import { adapt } from '../../adapters/index.js';
import { bodyOf, shownBody } from '../../body/read-body.js';
import { failureMessage } from '../../message/failure-message.js';
import { contractNotes } from '../../message/openapi-notes.js';
import type { MatcherContext, MatcherResult } from '../../types.js';
import { checkResponse } from '../check-response.js';
import { apiSpecOptions } from '../options.js';
import { specFor } from '../spec/api-spec.js';

export function toSatisfyApiSpec(this: MatcherContext, received: unknown, options?: unknown): Promise<MatcherResult> {
  const name = 'toSatisfyApiSpec';
  // Argument checks and adapt() before anything async: a usage error is thrown at the assertion, not a rejection.
  const wanted = apiSpecOptions(name, options, toSatisfyApiSpec);
  const res = adapt(name, received, toSatisfyApiSpec, { needs: 'headers' });
  const spec = specFor(wanted.spec, name, toSatisfyApiSpec);
  return (async () => {
    const outcome = await checkResponse(await spec, res, wanted, name, toSatisfyApiSpec);
    const pass = outcome.problems.length === 0;
    // The body was read by the check when it got that far; the message shows what it read.
    const body = outcome.response === undefined ? undefined : shownBody(await bodyOf(name, res));
    return {
      pass,
      message: () =>
        failureMessage(this, res, {
          about: 'response',
          matcher: name,
          args: options === undefined ? '' : 'options',
          expected: ['Expected response', `as ${outcome.operation?.label ?? 'the spec'} documents it`],
          notes: contractNotes(outcome, res.status),
          body,
        }),
    };
  })();
}
