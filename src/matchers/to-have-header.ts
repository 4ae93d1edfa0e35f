import { adapt } from '../adapters/index.js';
import { textExpectation } from '../arguments.js';
import { matchHeader, parseHeaderName } from '../expectations/header.js';
import { matcherResult } from '../matcher-result.js';
import { expectedHeaderValue, isSecretHeader } from '../message/show.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import { absentNotes, receivedNotes } from '../message/header-notes.js';

export function toHaveHeader(
  this: MatcherContext,
  received: unknown,
  name: unknown,
  expected?: unknown,
): MatcherResult {
  const matcher = 'toHaveHeader';
  const header = parseHeaderName(matcher, 'name', name, toHaveHeader);
  const wanted = expected === undefined ? undefined : textExpectation(matcher, 'expected', expected, toHaveHeader);
  const res = adapt(matcher, received, toHaveHeader, { needs: 'headers', requests: true });

  const lower = header.toLowerCase();
  const { values, candidates, pass } = matchHeader(this, res, lower, wanted);

  return matcherResult(this, res, pass, () => {
    const secret = isSecretHeader(lower);
    const expectedText =
      wanted === undefined
        ? `${header} (any value)`
        : `${header}${expectedHeaderValue(this, lower, wanted, secret)}${lower === 'set-cookie' ? ' (on any line)' : ''}`;
    return {
      about: 'response',
      matcher,
      args: wanted === undefined ? 'name' : 'name, expected',
      expected: ['Expected header', expectedText],
      // "not content-type (any value)" reads badly: under .not, presence alone is "no content-type header".
      ...(wanted === undefined ? { negated: `no ${header} header` } : {}),
      notes: candidates.length === 0 ? absentNotes(res, header) : receivedNotes(lower, values, wanted, pass, secret),
    };
  });
}
