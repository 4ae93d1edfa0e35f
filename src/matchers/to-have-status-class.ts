import { adapt } from '../adapters/index.js';
import { noArguments, showArgument } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { failureMessage } from '../message/failure-message.js';
import { followedRedirectNote } from '../message/response-section.js';
import { parseStatusClass } from '../expectations/status-class.js';
import { CLASS_NAMES, statusClass } from '../registry/classes.js';
import type { StatusClass } from '../registry/index.js';
import type { MatcherContext, MatcherResult } from '../types.js';

/** The check every class matcher shares; `toBeSuccessful()` is `toHaveStatusClass('2xx')` under its own name. */
function checkClass(
  ctx: MatcherContext,
  matcher: string,
  args: string,
  received: unknown,
  cls: StatusClass,
  caller: (...a: never[]) => unknown,
): MatcherResult {
  const res = adapt(matcher, received, caller);
  // An opaque redirect hides its code, but its type says it was a 3xx.
  const receivedClass = res.status === 0 && res.type === 'opaqueredirect' ? '3xx' : statusClass(res.status);
  const pass = receivedClass === cls;
  const followed = !pass && res.redirected && cls === '3xx' && receivedClass === '2xx';
  const notes = followed ? [followedRedirectNote(res)] : [];
  return {
    pass,
    message: () =>
      failureMessage(ctx, res, {
        matcher,
        args,
        expected: ['Expected', `a ${cls} ${CLASS_NAMES[cls]} status`],
        notes,
        notesExplainStatus: followed,
        wanted: cls,
      }),
  };
}

export function toHaveStatusClass(this: MatcherContext, received: unknown, cls: unknown): MatcherResult {
  const parsed = parseStatusClass(cls, toHaveStatusClass);
  return checkClass(this, 'toHaveStatusClass', 'class', received, parsed, toHaveStatusClass);
}

/** Builds `toBeSuccessful` and its siblings: a class matcher that takes no arguments. */
export function classMatcher(
  name: string,
  cls: StatusClass,
): (this: MatcherContext, received: unknown, ...rest: unknown[]) => MatcherResult {
  const matcher = function (this: MatcherContext, received: unknown, ...rest: unknown[]): MatcherResult {
    // toBeRedirect('/login') was meant as toBeRedirectWithLocation('/login'); a number, as toHaveStatus.
    if (rest.length > 0 && cls === '3xx' && typeof rest[0] !== 'number') {
      throw new HttpMatcherUsageError(
        name,
        `takes no arguments, got ${rest.map(showArgument).join(', ')}. To check where it redirects, use toBeRedirectWithLocation(${showArgument(rest[0])}).`,
        matcher,
      );
    }
    if (rest.length > 0 && typeof rest[0] !== 'number') {
      throw new HttpMatcherUsageError(name, `takes no arguments, got ${rest.map(showArgument).join(', ')}.`, matcher);
    }
    noArguments(name, rest, matcher);
    return checkClass(this, name, '', received, cls, matcher);
  };
  Object.defineProperty(matcher, 'name', { value: name });
  return matcher;
}

export type { StatusClassName } from '../expectations/status-class.js';
