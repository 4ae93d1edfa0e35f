import { adapt } from '../../adapters/index.js';
import { clientRequestMistake, requestAdapterFor, sentRequest } from '../../adapters/requests.js';
import { HttpMatcherUsageError } from '../../errors.js';
import { bodyOf, shownBody } from '../../body/read-body.js';
import { failureMessage } from '../../message/failure-message.js';
import { contractNotes, requestFailureMessage } from '../../message/openapi-notes.js';
import type { MatcherContext, MatcherResult } from '../../types.js';
import { checkRequest, requestView } from '../check-request.js';
import { checkResponse } from '../check-response.js';
import { apiSpecOptions } from '../options.js';
import { specFor } from '../spec/api-spec.js';

export function toSatisfyApiSpec(this: MatcherContext, received: unknown, options?: unknown): Promise<MatcherResult> {
  const name = 'toSatisfyApiSpec';
  const args = options === undefined ? '' : 'options';
  // Argument checks and adapt() before anything async: a usage error is thrown at the assertion, not a rejection.
  const wanted = apiSpecOptions(name, options, toSatisfyApiSpec);
  // A request (an msw handler's fetch Request, supertest's res.request, axios's res.config, got's res.request) is
  // checked against the operation's parameters and requestBody. None has a status: a response stays a response.
  const requestAdapter = requestAdapterFor(received);
  if (requestAdapter !== undefined) {
    const sent = sentRequest(requestAdapter, received as Record<PropertyKey, unknown>, name, toSatisfyApiSpec);
    const spec = specFor(wanted.spec, name, toSatisfyApiSpec);
    return (async () => {
      const [loaded, read] = await Promise.all([spec, sent]);
      const request = requestView(read, requestAdapter.name);
      const outcome = checkRequest(loaded, request, wanted, name, toSatisfyApiSpec);
      return {
        pass: outcome.problems.length === 0,
        message: () => requestFailureMessage(this, { matcher: name, args, request, outcome }),
      };
    })();
  }
  const mistake = clientRequestMistake(received);
  if (mistake !== undefined) throw new HttpMatcherUsageError(name, mistake, toSatisfyApiSpec);
  const res = adapt(name, received, toSatisfyApiSpec, { needs: 'headers' });
  const spec = specFor(wanted.spec, name, toSatisfyApiSpec);
  return (async () => {
    const outcome = await checkResponse(await spec, res, wanted, name, toSatisfyApiSpec);
    // The body was read by the check when it got that far; the message shows what it read.
    const body = outcome.response === undefined ? undefined : shownBody(await bodyOf(name, res));
    return {
      pass: outcome.problems.length === 0,
      message: () =>
        failureMessage(this, res, {
          about: 'response',
          matcher: name,
          args,
          expected: ['Expected response', `as ${outcome.operation?.label ?? 'the spec'} documents it`],
          notes: contractNotes(outcome, res.status),
          body,
        }),
    };
  })();
}
