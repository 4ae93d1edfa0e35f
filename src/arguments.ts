import { equals, isAsymmetric } from './equality.js';
import { HttpMatcherUsageError } from './errors.js';
import { showValue } from './message/show.js';
import { statusClass } from './registry/classes.js';
import { statusLabel, type StatusClass } from './registry/index.js';
import type { AsymmetricMatcher, MatcherContext } from './types.js';

type Caller = (...args: never[]) => unknown;

/** An asymmetric matcher, vitest's, jest's, a user's or one of Bun's native ones (which have no `asymmetricMatch`). */
export function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcher {
  return isAsymmetric(value);
}

function isStatusCode(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

function show(value: unknown): string {
  return showValue(value, undefined, 60);
}

/**
 * Why a list is not a list of status codes, or undefined. Index by index, because `every` and `some` skip
 * the holes of a sparse array (`new Array(2)`, `[200, , 201]`) and would vouch for items that are not there.
 */
function firstWrongItem(list: readonly unknown[]): string | undefined {
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) return ` (item ${i} is an empty slot)`;
    if (!isStatusCode(list[i])) return ` (item ${i} is ${show(list[i])}, not a status code)`;
  }
  return undefined;
}

/** What `toHaveStatus` accepts, checked once: a code, a non-empty list of codes, or an asymmetric matcher. */
export interface StatusExpectation {
  label: string;
  /** The class every wanted code is in, when they share one. */
  cls?: StatusClass | undefined;
  test(status: number, ctx: MatcherContext): boolean;
}

/**
 * A status expectation whose label is built when read. A class, not an object literal with `get label()`: V8 creates
 * such a literal about 40 times slower than a plain one (1.5 µs against 40 ns, Node 20), and a pass makes one per call.
 */
class LazyLabel implements StatusExpectation {
  readonly #describe: () => string;
  readonly cls: StatusClass | undefined;
  readonly test: (status: number, ctx: MatcherContext) => boolean;
  constructor(describe: () => string, cls: StatusClass | undefined, test: LazyLabel['test']) {
    this.#describe = describe;
    this.cls = cls;
    this.test = test;
  }
  get label(): string {
    return this.#describe();
  }
}

export function statusExpectation(
  ctx: MatcherContext,
  matcher: string,
  expected: unknown,
  caller: Caller,
): StatusExpectation {
  // Labels are built only when a failure reads them: they need the registry's texts.
  if (isStatusCode(expected))
    return new LazyLabel(
      () => statusLabel(expected),
      statusClass(expected),
      (status) => status === expected,
    );
  const wrongItem = Array.isArray(expected) ? firstWrongItem(expected) : undefined;
  if (Array.isArray(expected) && expected.length > 0 && wrongItem === undefined) {
    const codes: readonly number[] = [...(expected as number[])];
    const classes = new Set(codes.map((c) => statusClass(c)));
    return new LazyLabel(
      () => `one of ${codes.map((c) => statusLabel(c)).join(', ')}`,
      classes.size === 1 ? [...classes][0] : undefined,
      (status) => codes.includes(status),
    );
  }
  if (isAsymmetricMatcher(expected)) {
    return new LazyLabel(
      () => showValue(expected, ctx),
      undefined,
      (status, runner) => equals(runner, status, expected),
    );
  }
  throw new HttpMatcherUsageError(
    matcher,
    `expected must be a status code (a whole number from 100 to 599), a non-empty array of them, or an asymmetric matcher such as expect.any(Number); got ${show(expected)}${wrongItem ?? ''}.`,
    caller,
  );
}

/** A matcher that takes no arguments is told so when given one (`toBeSuccessful(200)` was meant as `toHaveStatus(200)`). */
export function noArguments(matcher: string, args: readonly unknown[], caller: Caller): void {
  if (args.length > 0) {
    throw new HttpMatcherUsageError(
      matcher,
      `takes no arguments, got ${args.map(show).join(', ')}. To check an exact code, use toHaveStatus(${show(args[0])}).`,
      caller,
    );
  }
}

/** A string, RegExp or asymmetric matcher, as header and location expectations take them. */
export type TextExpectation = string | RegExp | AsymmetricMatcher;

export function textExpectation(matcher: string, what: string, value: unknown, caller: Caller): TextExpectation {
  if (typeof value === 'string' || value instanceof RegExp || isAsymmetricMatcher(value)) return value;
  throw new HttpMatcherUsageError(
    matcher,
    `${what} must be a string, a RegExp or an asymmetric matcher; got ${show(value)}.`,
    caller,
  );
}

/**
 * `re.test(text)` as a fresh copy of `re` would answer it: a /g or /y RegExp keeps `lastIndex`
 * between calls, so testing the user's own object would alternate verdicts.
 */
export function testRegExp(re: RegExp, text: string): boolean {
  return (re.global || re.sticky ? new RegExp(re) : re).test(text);
}

export { show as showArgument };
