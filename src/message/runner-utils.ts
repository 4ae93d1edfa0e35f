import type { MatcherContext, MatcherUtils } from '../types.js';

// What a message takes from the runner's matcher utils, and what it does where a runner's differ.
// vitest and jest: their hint line, colours and diff, unchanged. Playwright: no colours. Bun: its
// colour functions throw unless called on the utils object and put quotes around the text instead of
// colouring it; its matcherHint prints its arguments as values over several lines; it has no diff.

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[\d;]*m/g;

function stripColour(text: string): string {
  return text.replace(SGR, '');
}

export interface Colours {
  expected(text: string): string;
  received(text: string): string;
}

const PLAIN: Colours = { expected: plain, received: plain };
const coloursOf = new WeakMap<MatcherUtils, Colours>();

/**
 * The runner's expected and received colours, each kept only if it colours and nothing else (its
 * output, colour codes stripped, is its input); plain text otherwise. Worked out once per utils object.
 */
export function colours(utils: MatcherUtils): Colours {
  let found = coloursOf.get(utils);
  if (found === undefined) {
    found = { expected: colourOnly(utils, utils.EXPECTED_COLOR), received: colourOnly(utils, utils.RECEIVED_COLOR) };
    if (found.expected === plain && found.received === plain) found = PLAIN;
    coloursOf.set(utils, found);
  }
  return found;
}

function colourOnly(utils: MatcherUtils, fn: ((text: string) => string) | undefined): (text: string) => string {
  if (typeof fn !== 'function') return plain;
  try {
    const probe = fn.call(utils, 'a');
    if (typeof probe !== 'string' || stripColour(probe) !== 'a') return plain;
  } catch {
    return plain;
  }
  return (text) => fn.call(utils, text);
}

function plain(text: string): string {
  return text;
}

/**
 * The first line of a message: `expect(response).not.toHaveStatus(expected)`. The runner's own (dimmed,
 * coloured) when it is that one line; built here otherwise.
 */
export function hintLine(ctx: MatcherContext, matcher: string, args: string, received = 'response'): string {
  const isNot = ctx.isNot ?? false;
  const promise = ctx.promise ?? '';
  try {
    const hint = ctx.utils.matcherHint(matcher, received, args, { isNot, promise });
    if (typeof hint === 'string' && !hint.includes('\n') && stripColour(hint).startsWith(`expect(${received})`))
      return hint;
  } catch {
    // A runner whose matcherHint cannot take these arguments: ours below.
  }
  return `expect(${received})${promise ? `.${promise}` : ''}${isNot ? '.not' : ''}.${matcher}(${args})`;
}

/**
 * The runner's diff of two values; without one (Bun), the two values as the runner prints them:
 *
 *   Expected: { "id": 2 }
 *   Received: { "id": 1 }
 */
export function diffOf(
  ctx: MatcherContext,
  expected: unknown,
  received: unknown,
  options?: unknown,
): string | undefined {
  const { utils } = ctx;
  if (typeof utils.diff === 'function')
    return (
      (options === undefined ? utils.diff(expected, received) : utils.diff(expected, received, options)) ?? undefined
    );
  return `Expected: ${utils.printExpected(expected)}\nReceived: ${utils.printReceived(received)}`;
}
