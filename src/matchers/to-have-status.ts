import { adapt } from '../adapters/index.js';
import { statusExpectation } from '../arguments.js';
import { failureMessage } from '../message/failure-message.js';
import { opaqueStatusNote } from '../message/redirect-notes.js';
import type { MatcherContext, MatcherResult } from '../types.js';

const THREE_XX = Array.from({ length: 100 }, (_, i) => 300 + i);

export function toHaveStatus(this: MatcherContext, received: unknown, expected: unknown): MatcherResult {
  const wanted = statusExpectation(this, 'toHaveStatus', expected, toHaveStatus);
  const res = adapt('toHaveStatus', received, toHaveStatus);
  // An opaque redirect hides a 3xx code: decided only when every 3xx code, or none, is wanted. Otherwise
  // it fails under .not too, or `.not.toHaveStatus(302)` would pass on what may well be a 302.
  const opaque = res.status === 0 && res.type === 'opaqueredirect';
  const wanted3xx = opaque ? THREE_XX.filter((code) => wanted.test(code, this)).length : 0;
  const hidden = wanted3xx > 0 && wanted3xx < THREE_XX.length;
  let pass = opaque ? wanted3xx > 0 : wanted.test(res.status, this);
  if (hidden) pass = this.isNot === true;
  return {
    pass,
    message: () =>
      failureMessage(this, res, {
        matcher: 'toHaveStatus',
        args: 'expected',
        expected: ['Expected status', `${wanted.label}`],
        notes: hidden && this.isNot === true ? [opaqueStatusNote()] : [],
        wanted: wanted.cls,
      }),
  };
}
