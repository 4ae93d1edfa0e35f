import type { HeldBody, HttpResponse } from '../adapters/index.js';
import type { StatusClass } from '../registry/index.js';
import type { MatcherContext } from '../types.js';
import { cutText, escapeMessage } from './escape.js';
import { bodyToShow } from '../body/excerpt.js';
import { Redactor } from './redactor.js';
import { colours, hintLine } from './runner-utils.js';
import { meaningLines, receivedRequest, receivedStatus, evidenceLines } from './response-section.js';

export interface FailureParts {
  /** `'response'` for header and body matchers: the status is context, explained only when it is not a 2xx. */
  about?: 'status' | 'response';
  /** The matcher's name, for the hint line. */
  matcher: string;
  /** How the hint line names the arguments: `'expected'`, `'location, options'`, `''`. */
  args?: string;
  /**
   * The expectation, e.g. `['Expected status', '200 OK']`: printed in the runner's expected colour. Under `.not`
   * the pipeline writes `not 200 OK`, or `negated` where the matcher words the negation itself.
   */
  expected: readonly [label: string, text: string];
  negated?: string;
  /** Lines after the expected/received pair that explain this matcher's verdict. */
  notes?: readonly string[];
  /** The notes already say why this code came back (the client followed a redirect): leave out the registry's Meaning/Hint. */
  notesExplainStatus?: boolean;
  /** The class of status the test wanted, when it wanted one: a hint that speaks to another expectation is left out. */
  wanted?: StatusClass | undefined;
  /** Header names to show as evidence on top of those the status calls for. */
  showHeaders?: readonly string[];
  /** The body a body matcher read (a stream the response object does not hold), shown instead of `res.body`. */
  body?: HeldBody | undefined;
}

/**
 * The one way a failure message is built:
 *
 *   expect(response).toHaveStatus(expected)
 *
 *   Expected status: 200 OK
 *   Received status: 503 Service Unavailable (5xx Server Error)
 *
 *   Meaning: … / Hint: …       (not under .not: the user expected this code)
 *   notes
 *   Request, telling headers, body excerpt
 *
 * One Redactor learns every secret of the response, its request and its body before the evidence is
 * rendered; the finished text (notes, diff and schema issues included) is swept of all of them, escaped
 * last, and capped, so no response can make a message unbounded.
 */
export function failureMessage(ctx: MatcherContext, res: HttpResponse, parts: FailureParts): string {
  const [label, affirmed] = parts.expected;
  const text = ctx.isNot ? (parts.negated ?? `not ${affirmed}`) : affirmed;
  // A request (what an msw handler receives) has no status: its method and URL stand where the status would.
  const isRequest = res.subject === 'request';
  const receivedLabel = isRequest ? 'Received request' : 'Received status';
  const width = Math.max(label.length, receivedLabel.length);
  const colour = colours(ctx.utils);
  const sections = [
    hintLine(ctx, parts.matcher, parts.args ?? '', isRequest ? 'request' : 'response'),
    `${`${label}:`.padEnd(width + 2)}${colour.expected(text)}\n${`${receivedLabel}:`.padEnd(width + 2)}${colour.received(isRequest ? receivedRequest(res) : receivedStatus(res))}`,
  ];
  // A header or body matcher failing on a 2xx: the status is fine, and its meaning would only be noise.
  const statusIsFine = parts.about === 'response' && res.status >= 200 && res.status < 300;
  const meaning =
    isRequest || ctx.isNot || statusIsFine || (parts.notesExplainStatus && parts.notes?.length)
      ? []
      : meaningLines(res, parts.wanted);
  if (meaning.length > 0) sections.push(meaning.join('\n'));
  if (parts.notes && parts.notes.length > 0) sections.push(parts.notes.join('\n'));
  // The body a body matcher read; else one at hand (held by the client, read by readBody or for this failure).
  const shown = parts.body === undefined ? bodyToShow(res) : { body: parts.body };
  const redactor = new Redactor(res, shown !== undefined && 'body' in shown ? shown.body : undefined);
  sections.push(...evidenceLines(res, parts.showHeaders ?? [], redactor, shown));
  // Values redacted in one place (a body field) are swept from every other (an echo in the URL).
  return capMessage(escapeMessage(redactor.sweep(sections.join('\n\n'))));
}

// Every part has its own cap; this is the net under them, whatever a response holds.
const MESSAGE_LIMIT = 64 * 1024;

function capMessage(text: string): string {
  if (text.length <= MESSAGE_LIMIT) return text;
  return `${cutText(text, MESSAGE_LIMIT)}\n… (message cut at ${MESSAGE_LIMIT.toLocaleString('en-US')} characters)`;
}
