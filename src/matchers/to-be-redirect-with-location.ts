import { adapt, type HttpResponse } from '../adapters/index.js';
import { showArgument, textExpectation } from '../arguments.js';
import { HttpMatcherUsageError } from '../errors.js';
import { failureMessage } from '../message/failure-message.js';
import { followedRedirectNote } from '../message/response-section.js';
import { line, showValue, url as shownUrl } from '../message/show.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import {
  isAbsolute,
  locationMatches,
  REDIRECT_CODES,
  resolve,
  type RedirectOptions,
} from '../expectations/redirect.js';

export function toBeRedirectWithLocation(
  this: MatcherContext,
  received: unknown,
  location?: unknown,
  options?: unknown,
): MatcherResult {
  const name = 'toBeRedirectWithLocation';
  const wanted =
    location === undefined ? undefined : textExpectation(name, 'location', location, toBeRedirectWithLocation);
  const status = redirectStatusOption(options);
  const res = adapt(name, received, toBeRedirectWithLocation);

  const codes = status === undefined ? REDIRECT_CODES : [status];
  const opaque = res.status === 0 && res.type === 'opaqueredirect';
  const raw = opaque ? undefined : res.headers.get('location');
  const base = res.url ?? res.request?.url;
  const resolved = raw === undefined ? undefined : resolve(raw, base);
  const statusOk = codes.includes(res.status);
  const locationOk = raw !== undefined && (wanted === undefined || locationMatches(this, wanted, raw, resolved, base));
  // An opaque redirect is a redirect, but neither its code nor its Location can be checked.
  const pass = opaque ? wanted === undefined && status === undefined : statusOk && locationOk;

  const expectedText = `a redirect (${codes.join(', ')})${wanted === undefined ? ' with a Location' : ` to ${showValue(wanted, this)}`}`;
  return {
    pass,
    message: () =>
      failureMessage(this, res, {
        matcher: name,
        args: hintArgs(location, options),
        expected: ['Expected', expectedText],
        notes: notes(res, raw, resolved, statusOk, base === undefined && wanted !== undefined),
        showHeaders: ['location'],
        notesExplainStatus: res.redirected && res.status >= 200 && res.status < 300,
      }),
  };

  function redirectStatusOption(value: unknown): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const meant =
        typeof value === 'number' && REDIRECT_CODES.includes(value)
          ? ` To require that code, pass { status: ${value} }.`
          : '';
      throw new HttpMatcherUsageError(
        name,
        `options must be an object { status?: ${REDIRECT_CODES.join(' | ')} }; got ${showArgument(value)}.${meant}`,
        toBeRedirectWithLocation,
      );
    }
    const s: unknown = (value as RedirectOptions).status;
    if (s === undefined) return undefined;
    if (typeof s === 'number' && REDIRECT_CODES.includes(s)) return s;
    const why = s === 304 ? ' (304 Not Modified answers a conditional request; it is not a redirect)' : '';
    throw new HttpMatcherUsageError(
      name,
      `options.status must be one of ${REDIRECT_CODES.join(', ')}; got ${showArgument(s)}${why}.`,
      toBeRedirectWithLocation,
    );
  }
}

function hintArgs(location: unknown, options: unknown): string {
  if (options !== undefined) return 'location, options';
  return location !== undefined ? 'location' : '';
}

function notes(
  res: HttpResponse,
  raw: string | undefined,
  resolved: string | undefined,
  statusOk: boolean,
  noBase: boolean,
): string[] {
  if (res.status === 0 && res.type === 'opaqueredirect') return [];
  const out: string[] = [];
  if (raw !== undefined) {
    const shown = shownUrl(line(raw));
    let how = '';
    if (resolved !== undefined && resolved !== raw) how = ` (resolves to ${shownUrl(line(resolved))})`;
    else if (noBase && !isAbsolute(raw))
      how = ' (this response does not know its URL, so a relative Location is compared by path only)';
    out.push(`Received location: ${shown}${how}`);
  } else if (statusOk) {
    out.push('The response has no Location header, so the client has nowhere to go.');
  }
  if (res.redirected && res.status >= 200 && res.status < 300) {
    out.push(followedRedirectNote(res));
  } else if (res.status === 304) {
    out.push(
      '304 Not Modified is a 3xx but not a redirect: it answers a conditional request (If-None-Match / If-Modified-Since).',
    );
  }
  return out;
}

export type { RedirectOptions } from '../expectations/redirect.js';
