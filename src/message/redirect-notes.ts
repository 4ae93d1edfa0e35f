import type { HttpResponse } from '../adapters/index.js';
import { isAbsolute } from '../expectations/redirect.js';
import { followedRedirectNote } from './response-section.js';
import { line, url as shownUrl } from './show.js';

export interface RedirectFacts {
  /** The Location header as sent, if any. */
  raw: string | undefined;
  /** The Location resolved against the response's URL. */
  resolved: string | undefined;
  statusOk: boolean;
  /** The response knows no URL, so the Location is compared as written. */
  noBase: boolean;
  /** The expected location, when it is a string. */
  wanted: string | undefined;
  /** Under .not, a Location or code was asked of an opaque redirect, which hides both. */
  unknowable: boolean;
}

/** Where the Location leads, and why the redirect is not the one expected. */
export function redirectNotes(res: HttpResponse, facts: RedirectFacts): string[] {
  const { raw, resolved, statusOk, noBase, wanted } = facts;
  if (res.status === 0 && res.type === 'opaqueredirect') {
    // Without .not the Meaning/Hint lines explain an opaque redirect; under .not this note must say it alone.
    return facts.unknowable
      ? [
          'An opaque redirect hides its code and Location, so .not cannot tell that it goes elsewhere: it fails, as the assertion does without .not. To check where it leads, let fetch follow the redirect and assert on res.url.',
        ]
      : [];
  }
  const out: string[] = [];
  if (raw !== undefined) {
    let how = '';
    if (resolved !== undefined && resolved !== raw) how = ` (resolves to ${shownUrl(line(resolved))})`;
    else if (noBase && wanted !== undefined && !isAbsolute(raw) && isAbsolute(wanted))
      how = ' (this response does not know its URL, so a relative Location matches only the same relative path)';
    else if (noBase && wanted !== undefined && isAbsolute(raw) && !isAbsolute(wanted))
      how =
        ' (this response does not know its URL, so it cannot tell whether this Location is on its origin; expect the full URL)';
    out.push(`Received location: ${shownUrl(line(raw))}${how}`);
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

/** Why `.not.toHaveStatus` fails on an opaque redirect when the code it names could be the hidden one. */
export function opaqueStatusNote(): string {
  return 'An opaque redirect hides its 3xx code, so .not cannot tell that it is not this one: it fails, as the assertion does without .not. toBeRedirect() checks the class; to see the code, let fetch follow the redirect.';
}
