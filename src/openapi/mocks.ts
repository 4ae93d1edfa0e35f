import { toHttpResponse } from '../adapters/index.js';
import { bodyOf, shownBody } from '../body/read-body.js';
import { HttpMatcherUsageError } from '../errors.js';
import { mockCheckError, mockViolations, mockViolationsMessage, type MockHandler } from '../message/mock-violation.js';
import { fetchRequest } from '../adapters/fetch-request.js';
import { checkRequest, readRequest } from './check-request.js';
import { checkResponse } from './check-response.js';
import { ApiSpec, loadApiSpec } from './spec/api-spec.js';

// msw's mocks held to the contract: every request the app sends and every response a handler mocks is checked
// against the spec, from msw's life-cycle events (server.events), on clones, so the app receives exactly what the
// handler returned. A violation fails the test that caused it from afterEach, whatever the app did with the response.

type Listener = (args: Record<string, unknown>) => unknown;
interface LifeCycleEvents {
  on(event: string, listener: Listener): unknown;
  removeListener(event: string, listener: Listener): unknown;
}
interface ListedHandler {
  kind?: unknown;
  info?: { header?: unknown; callFrame?: unknown };
  test?: (args: { request: Request }) => Promise<boolean> | boolean;
}

export interface MockContractChecks {
  /** Waits for the checks under way, then throws one error listing every violation since the last call, if any. */
  verify(): Promise<void>;
  /** Stops listening to the server's events. */
  stop(): void;
}

export interface CheckMocksOptions {
  /** The runner's afterEach, where it is not a global (vitest without `globals: true`); `expect-http/openapi/vitest` passes vitest's. */
  afterEach?: (fn: () => Promise<void>) => unknown;
}

/** A fetch Request, as msw's events carry it (the fetch-request adapter's test). */
const isFetchRequest = (value: unknown): value is Request =>
  typeof value === 'object' && value !== null && fetchRequest.detect(value as Record<string, unknown>);

const NAME = 'checkMocksAgainst';
// Requests whose exchange ends without a mocked response: their clone is dropped, and nothing is checked.
const NOT_MOCKED = ['request:unhandled', 'response:bypass', 'unhandledException'];

/**
 * Checks every request the app sends through an msw server, and every response its handlers mock, against the spec.
 * A violation fails the test that caused it (from afterEach), naming the request, the handler and what is wrong.
 * @example
 * const server = setupServer(...handlers);
 * checkMocksAgainst(server, './openapi.yaml');
 */
export function checkMocksAgainst(
  server: unknown,
  sourceOrSpec: string | object,
  options: CheckMocksOptions = {},
): MockContractChecks {
  const msw = server as { events?: LifeCycleEvents; listHandlers?: () => readonly ListedHandler[] } | null;
  const events = msw?.events;
  if (typeof events?.on !== 'function' || typeof events.removeListener !== 'function')
    throw new HttpMatcherUsageError(
      NAME,
      'server must be an msw server or worker (setupServer(...) from msw/node, setupWorker(...) from msw/browser), whose events it listens to.',
      checkMocksAgainst,
    );
  // Without a hook to report from, every violation would be lost and every test would pass.
  const afterEach = options.afterEach ?? (globalThis as { afterEach?: CheckMocksOptions['afterEach'] }).afterEach;
  if (typeof afterEach !== 'function')
    throw new HttpMatcherUsageError(
      NAME,
      "found no afterEach to report violations from. Under vitest import it from 'expect-http/openapi/vitest' (or set globals: true); under jest call it from a setupFilesAfterEnv file or a test file; elsewhere pass { afterEach } and call verify() yourself.",
      checkMocksAgainst,
    );
  const spec = sourceOrSpec instanceof ApiSpec ? Promise.resolve(sourceOrSpec) : loadApiSpec(sourceOrSpec);
  spec.catch(() => undefined); // reported by verify(), in the test, not as an unhandled rejection
  const sent = new Map<unknown, Request>();
  const pending = new Set<Promise<void>>();
  let violations: string[] = [];

  const onStart: Listener = ({ request, requestId }) => {
    // A body is cloned before the handler reads it; the handler and the app keep the original. (A request without
    // one cannot be consumed: no clone to pay for.)
    if (isFetchRequest(request) && request.body !== null && !request.bodyUsed) sent.set(requestId, request.clone());
  };
  const forget: Listener = ({ requestId }) => void sent.delete(requestId);
  const onMocked: Listener = ({ request, response, requestId }) => {
    const asked = sent.get(requestId) ?? request;
    sent.delete(requestId);
    if (!isFetchRequest(asked) || typeof (response as Response | undefined)?.clone !== 'function') return;
    // Cloned at once, before the app can read the body; a clone that throws becomes a rejected check.
    const task = new Promise<Response>((resolve) => resolve((response as Response).clone()))
      .then((copy) => check(asked, copy))
      .then(
        (found) => void violations.push(...found),
        (error: unknown) => void violations.push(mockCheckError(asked, error)),
      );
    pending.add(task);
    void task.finally(() => pending.delete(task));
  };
  const check = async (request: Request, copy: Response): Promise<string[]> => {
    const loaded = await spec;
    const view = await readRequest(request, NAME, checkMocksAgainst);
    // An event stream (msw's sse(), a streamed mock) may never end: its status and headers are checked, its body not.
    const endless = /^\s*text\/event-stream/i.test(copy.headers.get('content-type') ?? '');
    if (endless) void copy.body?.cancel().catch(() => undefined);
    const response = toHttpResponse(
      endless ? new Response(null, { status: copy.status, headers: copy.headers }) : copy,
    );
    const requestOutcome = checkRequest(loaded, view, {}, NAME, checkMocksAgainst);
    const responseOutcome = await checkResponse(loaded, response, {}, NAME, checkMocksAgainst, view);
    if (requestOutcome.problems.length === 0 && responseOutcome.problems.length === 0) return [];
    // Only a violation pays for these: the body read for its secrets, and the handler that answered.
    const responseBody = shownBody(await bodyOf(NAME, response));
    const handler = await handlerFor(request);
    return mockViolations({ handler, request: view, requestOutcome, response, responseBody, responseOutcome });
  };
  // msw's events do not say which handler answered: the first one that matches the request, as msw tries them.
  const handlerFor = async (request: Request): Promise<MockHandler | undefined> => {
    for (const handler of msw?.listHandlers?.() ?? []) {
      if (handler.kind !== 'request' || typeof handler.test !== 'function') continue;
      // A handler whose own matching throws names no route; it must not turn the report into a crash.
      const matches = await new Promise<boolean>((resolve) =>
        resolve(handler.test?.({ request: request.clone() }) ?? false),
      ).catch(() => false);
      if (matches) {
        const frame = handler.info?.callFrame;
        return { header: String(handler.info?.header), callFrame: typeof frame === 'string' ? frame : undefined };
      }
    }
    return undefined;
  };
  events.on('request:start', onStart);
  events.on('response:mocked', onMocked);
  for (const event of NOT_MOCKED) events.on(event, forget);

  const verify = async (): Promise<void> => {
    await spec;
    while (pending.size > 0) await Promise.all([...pending]);
    const found = violations;
    violations = [];
    if (found.length === 0) return;
    const error = new Error(mockViolationsMessage(found));
    // Its frames would be expect-http's and the runner's; the message names the handler's own file and line.
    error.stack = `Error: ${error.message}`;
    throw error;
  };
  afterEach(verify);
  return {
    verify,
    stop: () => {
      events.removeListener('request:start', onStart);
      events.removeListener('response:mocked', onMocked);
      for (const event of NOT_MOCKED) events.removeListener(event, forget);
    },
  };
}
