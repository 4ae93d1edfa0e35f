import { showArgument } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import type { StatusClass } from '../registry/index.js';

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

function classOf(value: unknown): StatusClass | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5)
    return `${value}xx` as StatusClass;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (/^[1-5]xx$/.test(lower)) return lower as StatusClass;
  // Own keys only: 'constructor' or '__proto__' must not find Object.prototype's members.
  return Object.hasOwn(BY_NAME, lower) ? BY_NAME[lower] : undefined;
}

/** The class a user named, or a usage error listing the ways to name one. */
export function parseStatusClass(value: unknown, caller: (...args: never[]) => unknown): StatusClass {
  const cls = classOf(value);
  if (cls !== undefined) return cls;
  throw new HttpMatcherUsageError(
    'toHaveStatusClass',
    `class must be 1-5, '1xx'-'5xx', or one of 'informational', 'successful', 'redirection', 'client-error', 'server-error'; got ${showArgument(value)}.`,
    caller,
  );
}
