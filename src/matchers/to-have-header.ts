import { adapt } from '../adapters/index.js';
import { showArgument, textExpectation } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { failureMessage } from '../message/failure-message.js';
import { expectedHeaderValue, isSecretHeader, quote } from '../message/show.js';
import { matchesText } from '../text-match.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import { absentNotes, receivedNotes } from '../message/header-notes.js';

// RFC 9110 §5.6.2 token: what a header name may be made of.
const TOKEN = /^[!#$%&'*+\-.^_`|~\dA-Za-z]+$/;

export function toHaveHeader(
  this: MatcherContext,
  received: unknown,
  name: unknown,
  expected?: unknown,
): MatcherResult {
  const matcher = 'toHaveHeader';
  const header = headerName(name);
  const wanted = expected === undefined ? undefined : textExpectation(matcher, 'expected', expected, toHaveHeader);
  const res = adapt(matcher, received, toHaveHeader, { needs: 'headers' });

  const lower = header.toLowerCase();
  const values = res.headers.getAll(lower);
  // Set-Cookie lines cannot be joined (a cookie's Expires holds a comma), so each is a candidate.
  const candidates = lower === 'set-cookie' || values.length === 0 ? values : [values.join(', ')];
  const matches = (value: string): boolean =>
    wanted === undefined ||
    (typeof wanted === 'string' ? wanted.trim() === value.trim() : matchesText(this, wanted, value));
  const pass = candidates.some(matches);

  const secret = isSecretHeader(lower);
  const expectedText =
    wanted === undefined
      ? `${header} (any value)`
      : `${header}${expectedHeaderValue(this, lower, wanted, secret)}${lower === 'set-cookie' ? ' (on any line)' : ''}`;

  return {
    pass,
    message: () =>
      failureMessage(this, res, {
        about: 'response',
        matcher,
        args: wanted === undefined ? 'name' : 'name, expected',
        expected: ['Expected header', expectedText],
        // "not content-type (any value)" reads badly: under .not, presence alone is "no content-type header".
        ...(wanted === undefined ? { negated: `no ${header} header` } : {}),
        notes: candidates.length === 0 ? absentNotes(res, header) : receivedNotes(lower, values, wanted, pass, secret),
      }),
  };
}

function headerName(name: unknown): string {
  if (typeof name === 'string' && TOKEN.test(name)) return name;
  const colon = typeof name === 'string' ? /^\s*([^:\s]+)\s*:\s*(.*)$/.exec(name) : null;
  throw new HttpMatcherUsageError(
    'toHaveHeader',
    `name must be a header name such as 'content-type' (letters, digits and !#$%&'*+-.^_\`|~); got ${showArgument(name)}.` +
      (colon
        ? ` To check a value, pass it as the second argument: toHaveHeader(${quote(colon[1] ?? '')}, ${quote(colon[2] ?? '')}).`
        : ''),
    toHaveHeader,
  );
}
