import type { StatusClass } from './types.js';

// What a passing assertion needs from the registry: the classes, without the table of codes and their texts.

/** RFC 9110 §15 names of the five classes. */
export const CLASS_NAMES: Readonly<Record<StatusClass, string>> = Object.freeze({
  '1xx': 'Informational',
  '2xx': 'Successful',
  '3xx': 'Redirection',
  '4xx': 'Client Error',
  '5xx': 'Server Error',
});

/** `'1xx'`…`'5xx'`, or `undefined` for anything that is not a whole number from 100 to 599. */
export function statusClass(code: number): StatusClass | undefined {
  if (!Number.isInteger(code) || code < 100 || code > 599) return undefined;
  return `${Math.floor(code / 100)}xx` as StatusClass;
}
