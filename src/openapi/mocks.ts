import { toHttpResponse } from '../adapters/index.js';
import { HttpMatcherUsageError } from '../errors.js';
import { mockViolationText } from '../message/openapi-notes.js';
import { checkRequest, readRequest } from './check-request.js';
import { checkResponse } from './check-response.js';
import { ApiSpec, loadApiSpec } from './spec/api-spec.js';

// msw's mocks held to the contract: every request the app sends and every response a handler mocks is checked
// against the spec, from msw's life-cycle events (server.events), on clones, so the app receives exactly what the
// handler returned. A violation fails the test that caused it, from an afterEach hook.

interface LifeCycleEvents {
  on(event: string, listener: (args: Record<string, unknown>) => unknown): unknown;
  removeListener(event: string, listener: (args: Record<string, unknown>) => unknown): unknown;
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

const NAME = 'checkMocksAgainst';

/**
 * Checks every request the app sends through an msw server, and every response its handlers mock, against the spec.
 * A violation fails the test that caused it (from afterEach), naming the request, the operation and what is wrong.
 * @example
 * const server = setupServer(...handlers);
 * checkMocksAgainst(server, './openapi.yaml');
 */
export function checkMocksAgainst(
  server: unknown,
  sourceOrSpec: string | object,
  options: CheckMocksOptions = {},
): MockContractChecks {
  const events = (server as { events?: unknown } | null)?.events as LifeCycleEvents | undefined;
  if (typeof events?.on !== 'function' || typeof events.removeListener !== 'function')
    throw new HttpMatcherUsageError(
      NAME,
      'server must be an msw server or worker (setupServer(...) from msw/node, setupWorker(...) from msw/browser), whose events it listens to.',
      checkMocksAgainst,
    );
  const spec = sourceOrSpec instanceof ApiSpec ? Promise.resolve(sourceOrSpec) : loadApiSpec(sourceOrSpec);
  spec.catch(() => undefined); // reported by verify(), in the test, not as an unhandled rejection
  const requests = new Map<unknown, Request>();
  const pending = new Set<Promise<void>>();
  let violations: string[] = [];

  const onStart = ({ request, requestId }: Record<string, unknown>) => {
    // Cloned before the handler reads it; the handler and the app keep the original.
    if (request instanceof Request && !request.bodyUsed) requests.set(requestId, request.clone());
  };
  const onMocked = ({ request, response, requestId }: Record<string, unknown>) => {
    const sent = requests.get(requestId);
    requests.delete(requestId);
    if (!(response instanceof Response) || !(request instanceof Request)) return;
    const copy = response.clone();
    const task = check(sent ?? request, copy).then(
      (found) => void violations.push(...found),
      (error: unknown) => void violations.push(error instanceof Error ? error.message : String(error)),
    );
    pending.add(task);
    void task.finally(() => pending.delete(task));
  };
  const check = async (request: Request, response: Response): Promise<string[]> => {
    const loaded = await spec;
    const sent = await readRequest(request, NAME, checkMocksAgainst);
    const asked = checkRequest(loaded, sent, {}, NAME, checkMocksAgainst);
    const answered = await checkResponse(loaded, toHttpResponse(response), {}, NAME, checkMocksAgainst, sent);
    return [
      ...(asked.problems.length > 0 ? [mockViolationText('request', sent, asked)] : []),
      ...(answered.problems.length > 0 ? [mockViolationText('response', sent, answered, response.status)] : []),
    ];
  };
  events.on('request:start', onStart);
  events.on('response:mocked', onMocked);

  const verify = async (): Promise<void> => {
    await spec;
    while (pending.size > 0) await Promise.all([...pending]);
    const found = violations;
    violations = [];
    if (found.length > 0)
      throw new Error(
        `${found.length === 1 ? 'An msw mock breaks' : `${found.length} msw mocks break`} the contract:\n\n${found.join('\n\n')}`,
      );
  };
  const afterEach = options.afterEach ?? (globalThis as { afterEach?: CheckMocksOptions['afterEach'] }).afterEach;
  afterEach?.(verify);
  return {
    verify,
    stop: () => {
      events.removeListener('request:start', onStart);
      events.removeListener('response:mocked', onMocked);
    },
  };
}
