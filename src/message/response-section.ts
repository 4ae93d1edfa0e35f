import type { HttpResponse } from '../adapters/index.js';
import type { BodyToShow } from '../body/excerpt.js';
import { getConfig } from '../config.js';
import { getStatus, statusClass, statusLabel, type StatusClass } from '../registry/index.js';
import { bodyExcerpt } from './body-excerpt.js';
import { safeLine } from './escape.js';
import { line } from './show.js';
import { redactHeader, redactUrl } from './redact.js';
import type { Redactor } from './redactor.js';
import { TRACE_HEADERS } from '../adapters/trace-headers.js';

/** The received status as one line's worth of text: `503 Service Unavailable (5xx Server Error)`. */
export function receivedStatus(res: HttpResponse): string {
  if (res.status === 0) {
    if (res.type === 'opaqueredirect') return '0 (an opaque redirect: fetch hides the real status)';
    if (res.type === 'error') return '0 (a network error: no HTTP response)';
    return `0 (no status: fetch response of type ${JSON.stringify(res.type ?? 'unknown')})`;
  }
  return statusLabel(res.status);
}

/** A request in one line's worth of text, where a response's status would stand: `POST https://api.test/pets`. */
export function receivedRequest(res: HttpResponse): string {
  return `${res.request?.method ?? ''} ${redactUrl(safeLine(res.url ?? ''))}`.trim();
}

/** What the received code means and what to check: the registry's words. */
export function meaningLines(res: HttpResponse, wanted?: StatusClass): string[] {
  if (res.status === 0) {
    return res.type === 'opaqueredirect'
      ? [
          'Meaning: An opaque redirect. With redirect: "manual", fetch in a browser or service worker hides the status and Location of a redirect (Node\'s fetch shows them).',
          'Hint:    toBeRedirect() and toBeRedirectWithLocation() without arguments pass on it; to check where it leads, let fetch follow the redirect and assert on res.url.',
        ]
      : [
          'Meaning: A network error (the Response.error() kind): the request got no HTTP response at all.',
          "Hint:    Check that the server is running and the URL is right, and what your fetch wrapper or mock returned: fetch itself rejects on a network error, and so does msw's HttpResponse.error() (TypeError: Failed to fetch).",
        ];
  }
  const entry = getStatus(res.status);
  if (entry === undefined) {
    const cls = statusClass(res.status);
    const base = cls === undefined ? undefined : getStatus(Number(cls[0]) * 100);
    return base
      ? [
          `Meaning: ${res.status} is not a registered status code; clients treat it as ${base.code} ${base.reason} (RFC 9110 §15).`,
        ]
      : [];
  }
  const lines = [`Meaning: ${entry.description}${entry.spec ? ` (${entry.spec})` : ''}`];
  const fits =
    wanted === undefined || entry.hintWhenExpecting === undefined || entry.hintWhenExpecting.includes(wanted);
  if (entry.hint && fits) lines.push(`Hint:    ${entry.hint}`);
  return lines;
}

/**
 * For a 2xx that a client reached by following a redirect, when the test wanted the redirect itself:
 * what happened, and the option of that client that turns following off.
 */
export function followedRedirectNote(res: HttpResponse): string {
  const how = res.noFollowOption ?? 'turn off redirect following in the client';
  // The final URL follows in the evidence section, so it is not repeated here.
  return `The client already followed the redirect: this is the final response, not the 3xx. To assert on the redirect itself, ${how}.`;
}

// Headers that explain a code: which to show for which status.
function evidenceHeaders(status: number): string[] {
  // Always: what the body is and how it came, and the ids that find this request in the server's logs.
  const names = ['content-type', 'content-length', 'content-encoding', ...TRACE_HEADERS];
  if ((status >= 300 && status < 400) || status === 201) names.unshift('location');
  if (status === 401) names.unshift('www-authenticate');
  if (status === 407) names.unshift('proxy-authenticate');
  if (status === 405) names.unshift('allow');
  if (status === 426) names.unshift('upgrade');
  if (status === 416) names.unshift('content-range');
  if (status === 304) names.unshift('etag', 'last-modified');
  if (status === 429 || status === 503) names.unshift('retry-after');
  return names;
}

const RATE_LIMIT = /^(x-)?ratelimit/i;
// A response with 10,000 Set-Cookie lines made a 550 KB message.
const MAX_LINES_PER_HEADER = 20;

/** Request line, telling headers, and the body excerpt: the evidence in the response. */
export function evidenceLines(
  res: HttpResponse,
  extraHeaders: readonly string[],
  redactor: Redactor,
  shown: BodyToShow | undefined,
): string[] {
  if (res.kind === 'status-code') return [];
  const sections: string[] = [];
  const { request, url } = res;
  const isRequest = res.subject === 'request';
  // A request's method and URL are on its "Received request" line already.
  if (!isRequest && (request?.url !== undefined || request?.method !== undefined)) {
    const target =
      request.url === undefined && res.redirected
        ? `(its first URL is not kept by this ${res.clientName})`
        : redactUrl(safeLine(request.url ?? url ?? ''));
    sections.push(`Request: ${request.method ?? ''} ${target}`.replace('  ', ' ').trimEnd());
  }
  if (!isRequest && url !== undefined && url !== request?.url) {
    sections.push(`${res.redirected ? 'Final URL (after redirects)' : 'URL'}: ${redactUrl(safeLine(url))}`);
  }
  const names = [...new Set([...extraHeaders.map((n) => n.toLowerCase()), ...evidenceHeaders(res.status)])];
  const headerLines: string[] = [];
  const shownNames = new Set<string>();
  // Sorted by name: clients reorder headers (fetch sorts them, Node keeps arrival order), the message should not.
  for (const [name, values] of [...res.headers.entries()].sort(([a], [b]) => a.localeCompare(b, 'en'))) {
    if (!names.includes(name) && !(RATE_LIMIT.test(name) && (res.status === 429 || res.status === 503))) continue;
    shownNames.add(name);
    const lines = name === 'set-cookie' ? values : [values.join(', ')];
    for (const value of lines.slice(0, MAX_LINES_PER_HEADER)) {
      const shown = name === 'location' || name === 'content-location' ? redactUrl(value) : redactHeader(name, value);
      headerLines.push(`  ${safeLine(name, 80)}: ${safeLine(shown)}`);
    }
    const rest = lines.length - MAX_LINES_PER_HEADER;
    if (rest > 0) headerLines.push(`  … and ${rest.toLocaleString('en-US')} more ${name} line${rest === 1 ? '' : 's'}`);
  }
  // Said as a part when it is one: "Response headers:" over a chosen few would read as the whole list.
  const total = res.headers.size;
  const count = shownNames.size === total ? '' : ` (${shownNames.size} of ${total} shown)`;
  const whose = isRequest ? 'Request' : 'Response';
  if (headerLines.length > 0) sections.push(`${whose} headers${count}:\n${headerLines.join('\n')}`);
  else if (total > 0) sections.push(`${whose} headers (none of ${total} shown; there is no Content-Type)`);
  if (shown !== undefined && 'missing' in shown) sections.push(`Body: not shown, because ${line(shown.missing, 400)}`);
  else if (shown !== undefined) {
    const type = res.headers.get('content-type');
    const excerpt = bodyExcerpt(shown.body, type, getConfig().excerptLength, redactor.secrets);
    sections.push(excerpt.text === undefined ? excerpt.heading : `${excerpt.heading}\n${excerpt.text}`);
  }
  return sections;
}
