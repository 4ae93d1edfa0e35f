import { adapt } from '../adapters/index.js';
import { statusExpectation } from '../arguments.js';
import { failureMessage } from '../message/failure-message.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveStatus(this: MatcherContext, received: unknown, expected: unknown): MatcherResult {
  const wanted = statusExpectation(this, 'toHaveStatus', expected, toHaveStatus);
  const res = adapt('toHaveStatus', received, toHaveStatus);
  const pass = wanted.test(res.status, this);
  return {
    pass,
    message: () =>
      failureMessage(this, res, {
        matcher: 'toHaveStatus',
        args: 'expected',
        expected: ['Expected status', `${wanted.label}`],
      }),
  };
}
