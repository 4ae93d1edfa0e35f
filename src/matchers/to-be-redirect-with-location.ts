import { adapt } from '../adapters/index.js';
import { textExpectation } from '../arguments.js';
import {
  locationMatches,
  parseRedirectOptions,
  REDIRECT_CODES,
  resolve,
  usableBase,
} from '../expectations/redirect.js';
import { failureMessage } from '../message/failure-message.js';
import { redirectNotes } from '../message/redirect-notes.js';
import { showValue } from '../message/show.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toBeRedirectWithLocation(
  this: MatcherContext,
  received: unknown,
  location?: unknown,
  options?: unknown,
): MatcherResult {
  const name = 'toBeRedirectWithLocation';
  const wanted =
    location === undefined ? undefined : textExpectation(name, 'location', location, toBeRedirectWithLocation);
  const status = parseRedirectOptions(options, toBeRedirectWithLocation);
  const res = adapt(name, received, toBeRedirectWithLocation);

  const codes = status === undefined ? REDIRECT_CODES : [status];
  const opaque = res.status === 0 && res.type === 'opaqueredirect';
  const raw = opaque ? undefined : res.headers.get('location');
  const base = usableBase(res.url ?? res.request?.url);
  const resolved = raw === undefined ? undefined : resolve(raw, base);
  const statusOk = codes.includes(res.status);
  const locationOk = raw !== undefined && (wanted === undefined || locationMatches(this, wanted, raw, resolved, base));
  // An opaque redirect is a redirect, but its code and Location are hidden: asking about either fails
  // under .not too, or `.not` would pass on a redirect to exactly the place it rules out.
  const unknowable = opaque && (wanted !== undefined || status !== undefined);
  const pass = opaque ? !unknowable || this.isNot === true : statusOk && locationOk;

  return {
    pass,
    message: () =>
      failureMessage(this, res, {
        matcher: name,
        args: hintArgs(location, options),
        expected: [
          'Expected',
          `a redirect (${codes.join(', ')})${wanted === undefined ? ' with a Location' : ` to ${showValue(wanted, this)}`}`,
        ],
        notes: redirectNotes(res, {
          raw,
          resolved,
          statusOk,
          noBase: base === undefined,
          wanted: typeof wanted === 'string' ? wanted : undefined,
          unknowable: unknowable && this.isNot === true,
        }),
        showHeaders: ['location'],
        wanted: '3xx',
        notesExplainStatus: res.redirected && res.status >= 200 && res.status < 300,
      }),
  };
}

function hintArgs(location: unknown, options: unknown): string {
  if (options !== undefined) return 'location, options';
  return location !== undefined ? 'location' : '';
}

export type { RedirectOptions } from '../expectations/redirect.js';
