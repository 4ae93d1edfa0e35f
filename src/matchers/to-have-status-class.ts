import { adapt } from '../adapters/index.js';
import { noArguments, showArgument } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { failureMessage } from '../message/failure-message.js';
import { followedRedirectNote } from '../message/response-section.js';
import { CLASS_NAMES, statusClass, type StatusClass } from '../registry/index.js';
import type { MatcherContext, MatcherResult } from '../types.js';

/** Every way a class can be named: `2`, `'2xx'`, `'successful'`. */
export type StatusClassName =
  1 | 2 | 3 | 4 | 5 | StatusClass | 'informational' | 'successful' | 'redirection' | 'client-error' | 'server-error';

const BY_NAME: Readonly<Record<string, StatusClass>> = {
  informational: '1xx',
  successful: '2xx',
  redirection: '3xx',
  'client-error': '4xx',
  'server-error': '5xx',
};

function parseClass(value: unknown): StatusClass | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5)
    return `${value}xx` as StatusClass;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (/^[1-5]xx$/.test(lower)) return lower as StatusClass;
  // Own keys only: 'constructor' or '__proto__' must not find Object.prototype's members.
  return Object.hasOwn(BY_NAME, lower) ? BY_NAME[lower] : undefined;
}

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
      }),
  };
}

export function toHaveStatusClass(this: MatcherContext, received: unknown, cls: unknown): MatcherResult {
  const parsed = parseClass(cls);
  if (parsed === undefined) {
    throw new HttpMatcherUsageError(
      'toHaveStatusClass',
      `class must be 1-5, '1xx'-'5xx', or one of 'informational', 'successful', 'redirection', 'client-error', 'server-error'; got ${showArgument(cls)}.`,
      toHaveStatusClass,
    );
  }
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
