import { showArgument, type TextExpectation } from '../arguments.js';
import type { HttpResponse } from '../adapters/index.js';
import { HttpMatcherUsageError } from '../errors.js';
import { quote } from '../message/show.js';
import { matchesText } from '../text-match.js';
import type { MatcherContext } from '../types.js';

// What toHaveHeader (and toMatchResponse's `headers`) accepts as a name, and how a header's values meet a value.

type Caller = (...args: never[]) => unknown;

// RFC 9110 §5.6.2 token: what a header name may be made of.
const TOKEN = /^[!#$%&'*+\-.^_`|~\dA-Za-z]+$/;

export function parseHeaderName(matcher: string, what: string, name: unknown, caller: Caller): string {
  if (typeof name === 'string' && TOKEN.test(name)) return name;
  const colon = typeof name === 'string' ? /^\s*([^:\s]+)\s*:\s*(.*)$/.exec(name) : null;
  throw new HttpMatcherUsageError(
    matcher,
    `${what} must be a header name such as 'content-type' (letters, digits and !#$%&'*+-.^_\`|~); got ${showArgument(name)}.` +
      (colon && matcher === 'toHaveHeader'
        ? ` To check a value, pass it as the second argument: toHaveHeader(${quote(colon[1] ?? '')}, ${quote(colon[2] ?? '')}).`
        : ''),
    caller,
  );
}

/** A header's received values, and whether one of them (Set-Cookie) or all joined (the rest) meets `wanted`. */
export function matchHeader(
  ctx: MatcherContext,
  res: HttpResponse,
  lower: string,
  wanted: TextExpectation | undefined,
): { values: readonly string[]; candidates: readonly string[]; pass: boolean } {
  const values = res.headers.getAll(lower);
  // Set-Cookie lines cannot be joined (a cookie's Expires holds a comma), so each is a candidate.
  const candidates = lower === 'set-cookie' || values.length === 0 ? values : [values.join(', ')];
  const matches = (value: string): boolean =>
    wanted === undefined ||
    (typeof wanted === 'string' ? wanted.trim() === value.trim() : matchesText(ctx, wanted, value));
  return { values, candidates, pass: candidates.some(matches) };
}
