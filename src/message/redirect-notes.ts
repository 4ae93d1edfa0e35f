import type { HttpResponse } from '../adapters/index.js';
import { isAbsolute } from '../expectations/redirect.js';
import { followedRedirectNote } from './response-section.js';
import { line, url as shownUrl } from './show.js';

/** Where the Location leads, and why the redirect is not the one expected. */
export function redirectNotes(
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
