import { problemText } from './message/show.js';

/**
 * Thrown when a matcher is used wrongly: a received value that is not an HTTP response, or an
 * argument it does not accept. It is thrown under `.not` too, so bad input never becomes a pass.
 * A failed assertion is never this error: that is a `pass: false` result with a message.
 */
export class HttpMatcherUsageError extends Error {
  override readonly name = 'HttpMatcherUsageError';

  constructor(
    /** e.g. `toHaveStatus` */
    readonly matcherName: string,
    problem: string,
    /** The matcher function: frames above it are cut so the stack points at the test. */
    caller?: (...args: never[]) => unknown,
  ) {
    // Problems quote received values (a string, a Content-Type): escaped like every failure message.
    super(problemText(`${matcherName}: ${problem}`));
    const capture = (Error as { captureStackTrace?: (target: object, fn?: unknown) => void }).captureStackTrace;
    if (caller) capture?.(this, caller);
  }
}
