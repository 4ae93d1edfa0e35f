import { bodyOf } from '../body/read-body.js';
import { HttpMatcherUsageError } from '../errors.js';
import { axiosConfig } from './axios-request.js';
import { fetchRequestSent } from './fetch-request.js';
import { gotRequest } from './got-request.js';
import { adapt } from './index.js';
import { describeError, isObject } from './read.js';
import { supertestRequest } from './supertest-request.js';
import type { RequestAdapter, SentRequest } from './types.js';

export type { SentRequest } from './types.js';

// None of these has a status, so none is ever taken for a response: a response-looking object stays a response.
const REQUEST_ADAPTERS: readonly RequestAdapter[] = [fetchRequestSent, supertestRequest, axiosConfig, gotRequest];

/** What to pass for each client, for usage errors. */
export const ACCEPTED_REQUESTS = REQUEST_ADAPTERS.map((a) => a.accepts).join(', ');

/** The client's record of a request it sent, if `value` is one; undefined for anything else, never a throw. */
export function requestAdapterFor(value: unknown): RequestAdapter | undefined {
  if (!isObject(value)) return undefined;
  try {
    return REQUEST_ADAPTERS.find((a) => a.detect(value));
  } catch {
    return undefined;
  }
}

/**
 * The request as it was sent, read without consuming anything (a fetch Request through a clone). A request this
 * library cannot check (never sent, a body already read, a streamed body) is a usage error that says why and what to
 * do instead, thrown before anything async.
 */
export function sentRequest(
  adapter: RequestAdapter,
  value: Record<PropertyKey, unknown>,
  matcher: string,
  caller: (...args: never[]) => unknown,
): SentRequest | Promise<SentRequest> {
  // A usage error (the body module's cap or timeout) stands as it is; anything else is said to come from the read.
  const failed = (error: unknown) =>
    error instanceof HttpMatcherUsageError
      ? error
      : new HttpMatcherUsageError(matcher, `reading this ${adapter.name} threw ${describeError(error)}.`, caller);
  let read: ReturnType<RequestAdapter['read']>;
  try {
    // The body module's read: capped, timed out, cached per request, shared with the body matchers.
    const readStream = async () => (await bodyOf(matcher, adapt(matcher, value, caller, { requests: true }))).text;
    read = adapter.read(value, readStream);
  } catch (error) {
    throw failed(error);
  }
  if (typeof read === 'string') throw new HttpMatcherUsageError(matcher, read, caller);
  if (!(read instanceof Promise)) return read;
  return read.then(
    (view) => {
      if (typeof view === 'string') throw new HttpMatcherUsageError(matcher, view, caller);
      return view;
    },
    (error: unknown) => {
      throw failed(error);
    },
  );
}

/**
 * A Node ClientRequest (axios keeps one as `res.request`) records no body and its URL only in parts: the usage
 * error for it names what to pass instead. undefined for anything else.
 */
export function clientRequestMistake(value: unknown): string | undefined {
  if (!isObject(value) || typeof value.getHeaders !== 'function' || typeof value.path !== 'string') return undefined;
  return `received a Node ClientRequest (what axios keeps as \`res.request\`), which does not keep the body it sent: pass ${ACCEPTED_REQUESTS}.`;
}
