import type { HeldBody } from '../adapters/index.js';
import { textDecoderFor } from '../body/charset.js';
import { charsetOf, isHtml, isJson, isTextual, parseMediaType } from '../body/media-type.js';
import { boundedJson } from './bounded-json.js';
import { htmlText } from './html-text.js';
import { cutText, escapeText, safeLine } from './escape.js';
import { REDACTED, redactText, sweepSecrets } from './redact.js';

// Bodies up to this size are parsed to pretty-print them; larger ones are cut as they are, so
// building a message never costs more than this however large the body.
const PARSE_LIMIT = 64 * 1024;

/** The body as a message shows it: a heading and a capped, escaped, redacted excerpt. */
export function bodyExcerpt(
  body: HeldBody,
  contentType: string | undefined,
  limit: number,
  hidden?: Set<string>,
): { heading: string; text?: string } {
  if (body.type === 'value') {
    if (typeof body.value === 'string') return textExcerpt(body.value, contentType, limit, undefined, hidden);
    const json = boundedJson(body.value, limit + slackFor(hidden), hidden);
    return finish('Body (JSON, as the client parsed it):', json.text, json.complete ? undefined : 'cut', limit, hidden);
  }
  if (body.type === 'bytes') {
    const { bytes } = body;
    if (bytes.length === 0) return { heading: 'Body: empty' };
    const textual = isTextual(parseMediaType(contentType));
    // A JSON body is decoded far enough to parse it (and pretty-print it redacted), not only the excerpt's worth.
    const head = bytes.subarray(0, isJson(parseMediaType(contentType)) ? PARSE_LIMIT : limit * 4 + 4);
    // A declared charset other than UTF-8 (UTF-16 has NULs, Latin-1 is not valid UTF-8) is text, not binary.
    if (!textual && looksBinary(head) && !hasCharset(contentType))
      return {
        heading: `Body: <binary, ${formatBytes(bytes.length)}${contentType ? `, ${safeLine(contentType, 100)}` : ''}>`,
      };
    const { decoder, unknownCharset } = textDecoderFor(contentType);
    const excerpt = textExcerpt(decoder.decode(head, { stream: true }), contentType, limit, bytes.length, hidden);
    const noted = withDecodingNote(excerpt, body.decodedFrom, unknownCharset);
    // An excerpt's read stopped early: the size is what arrived, not the body's.
    if (body.partial !== true) return noted;
    const text = noted.text?.replace(/; the body is ([^)]*)\)$/, '; only the first $1 of the body were read)');
    return { heading: noted.heading.replace(/^Body \(/, 'Body (first '), ...(text === undefined ? {} : { text }) };
  }
  return textExcerpt(body.text, contentType, limit, undefined, hidden);
}

/** Says what was done to the bytes before showing them: `Body (7 B, JSON; decoded from Content-Encoding: gzip):`. */
function withDecodingNote(
  excerpt: { heading: string; text?: string },
  decodedFrom: string | undefined,
  unknownCharset: string | undefined,
): { heading: string; text?: string } {
  const notes = [
    ...(decodedFrom === undefined ? [] : [`decoded from Content-Encoding: ${safeLine(decodedFrom, 40)}`]),
    ...(unknownCharset === undefined ? [] : [`unknown charset ${safeLine(unknownCharset, 40)}, shown as UTF-8`]),
  ];
  if (notes.length === 0) return excerpt;
  const heading = excerpt.heading.replace(/\)?:$/, (end) =>
    end === '):' ? `; ${notes.join('; ')}):` : ` (${notes.join('; ')}):`,
  );
  return { ...excerpt, heading };
}

function hasCharset(contentType: string | undefined): boolean {
  return charsetOf(contentType) !== undefined;
}

function textExcerpt(
  text: string,
  contentType: string | undefined,
  limit: number,
  byteLength: number | undefined,
  hidden: Set<string> | undefined,
): { heading: string; text?: string } {
  if (text.length === 0) return { heading: 'Body: empty' };
  // axios and got decode a body as text unless asked for bytes: an image arrives as NULs and U+FFFD, and its
  // size in bytes is lost with them.
  if (
    byteLength === undefined &&
    !isTextual(parseMediaType(contentType)) &&
    looksBinaryText(text.slice(0, limit * 4))
  ) {
    const characters = `${text.length.toLocaleString('en-US')} characters`;
    return {
      heading: `Body: <binary, ${characters} once decoded as text${contentType ? `, ${safeLine(contentType, 100)}` : ''}>`,
    };
  }
  // In bytes whoever held the body: a client's text is measured as the UTF-8 it came as.
  const size = formatBytes(byteLength ?? utf8Length(text));
  const json = contentType === undefined ? /^\s*[[{]/.test(text) : isJson(parseMediaType(contentType));
  if (json && text.length <= PARSE_LIMIT) {
    try {
      const json = boundedJson(JSON.parse(text), limit + slackFor(hidden), hidden);
      return finish(`Body (${size}, JSON):`, json.text, json.complete ? undefined : size, limit, hidden);
    } catch {
      // Not valid JSON after all: show it as it came.
    }
  }
  if (contentType !== undefined && isHtml(parseMediaType(contentType))) {
    // An error page as a browser shows it: the title and the text, not the markup around it.
    const page = htmlText(text.slice(0, PARSE_LIMIT), limit);
    const shown = [...(page.title === undefined ? [] : [`Title: ${page.title}`]), ...page.lines].join('\n');
    if (shown !== '')
      return finish(
        `Body (${size}, HTML as text):`,
        shown,
        page.truncated || text.length > PARSE_LIMIT ? size : undefined,
        limit,
        hidden,
      );
  }
  const whole = text.length <= limit && (byteLength === undefined || byteLength <= limit);
  // A JSON body too large to pretty-print is still said to be JSON.
  const kind = json && text.length > PARSE_LIMIT ? ', JSON' : '';
  return finish(`Body (${size}${kind}):`, text, whole ? undefined : size, limit, hidden);
}

/**
 * How far past the cut to read, so that a secret the cut would halve is still whole when it is swept:
 * the longest known secret, at least 256 characters (body fields add secrets as they are read).
 */
function slackFor(hidden: Set<string> | undefined): number {
  let longest = 256;
  for (const secret of hidden ?? []) longest = Math.max(longest, secret.length);
  return Math.min(longest, PARSE_LIMIT);
}

function finish(
  heading: string,
  text: string,
  cutOf: string | undefined,
  limit: number,
  hidden: Set<string> | undefined,
): { heading: string; text: string } {
  // Redacted and swept before the cut: a secret the cut would halve is still whole here, so none of it shows.
  const redacted = sweepSecrets(redactText(escapeText(cutText(text, limit + slackFor(hidden))), hidden), [
    ...(hidden ?? []),
  ]);
  const shown = cutOutsideRedaction(redacted, limit);
  const indented = shown.replace(/^/gm, '  ');
  const cut = cutOf ?? (shown.length < redacted.length ? 'cut' : undefined);
  const marker = `… (cut at ${limit.toLocaleString('en-US')} characters${cut === 'cut' ? '' : `; the body is ${cut}`})`;
  return { heading, text: cut === undefined ? indented : `${indented}\n  ${marker}` };
}

/** `cutText`, moved past a `[redacted]` the cut would split. */
function cutOutsideRedaction(text: string, limit: number): string {
  const cut = cutText(text, limit);
  const at = text.lastIndexOf(REDACTED, cut.length - 1);
  return at !== -1 && at + REDACTED.length > cut.length ? text.slice(0, at + REDACTED.length) : cut;
}

function looksBinaryText(text: string): boolean {
  return text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > text.length / 100;
}

export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  try {
    // A cut at the end may split a character, so only the part before the last 3 bytes must be valid UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 3)));
    return false;
  } catch {
    return true;
  }
}

/** The UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  // Most bodies are ASCII to the end: one regex scan finds where they stop being so (a 10 MB text in milliseconds).
  const first = text.search(/[^\0-\x7f]/u);
  if (first === -1) return text.length;
  let bytes = first;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
