import { toHttpResponse } from './adapters/index.js';
import { readExcerpt } from './body/excerpt.js';
import { getConfig } from './config.js';
import type { MatcherContext, MatcherResult } from './types.js';

type AsyncMatcher = (this: MatcherContext, received: unknown, ...args: never[]) => Promise<MatcherResult>;
type SyncMatcher = (this: MatcherContext, received: unknown, ...args: never[]) => MatcherResult;

/** vitest's running test, as its matcher context gives it (`this.task`): the runner awaits `promises` when the test ends. */
interface VitestTest {
  type: 'test';
  promises?: Array<Promise<unknown>>;
}

/**
 * Makes a forgotten `await` on an async matcher fail its own test under vitest, with the test's name and a
 * code frame at the assertion, instead of an "Unhandled Rejection" after a test marked as passed.
 *
 * vitest hands an async matcher's result to `then` at once and returns that chain to the test. We return the
 * chain as a lazy thenable that notes whether the test ever called `then` on it (an `await` does), and put a
 * guard on `task.promises`, which vitest awaits when the test function returns. If the assertion fails and
 * nobody awaited it, the guard rejects with the failure, its stack pointing at the assertion's line.
 * Other runners (jest, Playwright) have no `task`: they get the plain promise, unchanged.
 */
export function guardAwait<M extends AsyncMatcher>(matcher: M): M {
  const guarded = {
    [matcher.name](this: MatcherContext, received: unknown, ...args: never[]) {
      const result = matcher.call(this, received, ...args);
      const task = (this as { task?: unknown }).task;
      if (!isVitestTest(task)) return result;
      return guard(task, result, matcher.name, guarded);
    },
  }[matcher.name] as M;
  // Bun names a matcher in its first line by displayName (a computed method name leaves its source name empty).
  Object.defineProperty(guarded, 'displayName', { value: matcher.name });
  return guarded;
}

interface Guarded {
  then(onFulfilled?: (r: MatcherResult) => unknown, onRejected?: (e: unknown) => unknown): PromiseLike<unknown>;
}

/** The lazy thenable vitest gets for an async result: the failure at the assertion's line, and fatal if not awaited. */
function guard(task: VitestTest, result: Promise<MatcherResult>, name: string, caller: unknown): Guarded {
  // Captured now, while the test's frame is on the stack; async errors have lost it.
  const site: { stack?: string } = {};
  (Error as { captureStackTrace?: (target: object, fn?: unknown) => void }).captureStackTrace?.(site, caller);
  return {
    then(onFulfilled?: (r: MatcherResult) => unknown, onRejected?: (e: unknown) => unknown) {
      // vitest throws the failure from inside a promise callback, where the test's line is gone: restore it.
      const chain = result.then(onFulfilled, onRejected).catch((error: unknown) => {
        throw atSite(error, site.stack);
      });
      return unawaitedFails(task, chain, name);
    },
  };
}

/**
 * A status, header or cookie matcher that can read the body when it fails (`configure({ readBodyOnFailure: true })`).
 * It stays synchronous when it passes, when the body is at hand (held by the client, or already read), outside
 * vitest, and by default. Opted in, under vitest, a failure on a body nobody has read returns a promise that reads an
 * excerpt first (64 KiB or 1 s; see body/excerpt.ts) and then fails, guarded like a body matcher: awaited or not, it
 * fails its own test. Not by default: an un-awaited failure would let the test run on, and an error thrown later
 * would be the one reported (vitest stops awaiting a test's pending assertions once it throws; decision 6).
 */
export function showBodyOnFailure<M extends SyncMatcher>(matcher: M): M {
  const wrapped = {
    [matcher.name](this: MatcherContext, received: unknown, ...args: never[]) {
      const result = matcher.call(this, received, ...args);
      const task = (this as { task?: unknown }).task;
      if (result.pass !== (this.isNot === true) || !isVitestTest(task) || !getConfig().readBodyOnFailure) return result;
      const reading = readExcerpt(toHttpResponse(received));
      if (reading === undefined) return result;
      return guard(
        task,
        reading.then(() => result),
        matcher.name,
        wrapped,
      );
    },
  }[matcher.name] as M;
  Object.defineProperty(wrapped, 'displayName', { value: matcher.name });
  return wrapped;
}

function unawaitedFails(task: VitestTest, chain: Promise<unknown>, name: string): PromiseLike<unknown> {
  let awaited = false;
  const guard = chain.then(undefined, (error: unknown) => {
    if (awaited) return;
    throw notAwaited(error, name);
  });
  guard.catch(() => {}); // settled later by vitest's Promise.allSettled; never an unhandled rejection
  (task.promises ??= []).push(guard);
  // Shaped like a Promise (as vitest's own async assertions are), so `.catch` and `.finally` work too.
  return {
    then(onFulfilled, onRejected) {
      awaited = true;
      return chain.then(onFulfilled, onRejected);
    },
    catch(onRejected: (error: unknown) => unknown) {
      awaited = true;
      return chain.catch(onRejected);
    },
    finally(onFinally: () => void) {
      awaited = true;
      return chain.finally(onFinally);
    },
    [Symbol.toStringTag]: 'Promise',
  } as PromiseLike<unknown>;
}

function notAwaited(error: unknown, name: string): unknown {
  if (!(error instanceof Error)) return error;
  const note = `This assertion was not awaited: write \`await expect(…).${name}(…)\`. expect-http held the test open until it settled.`;
  const frames = error.stack?.slice(error.stack.indexOf('\n    at ')) ?? '';
  error.message = `${error.message}\n\n${note}`;
  error.stack = `${error.name}: ${error.message}${frames}`;
  return error;
}

/** The error with the stack frames of the assertion's call, so the runner's code frame shows the test's line. */
function atSite(error: unknown, site: string | undefined): unknown {
  const frames = site?.slice(site.indexOf('\n'));
  if (error instanceof Error && frames?.includes('\n')) error.stack = `${error.name}: ${error.message}${frames}`;
  return error;
}

function isVitestTest(task: unknown): task is VitestTest {
  return typeof task === 'object' && task !== null && (task as { type?: unknown }).type === 'test';
}
