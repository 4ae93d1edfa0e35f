// Control characters, C1 codes and bidi overrides from a server are shown escaped, so a response
// cannot recolour or rewrite the CI log (an ESC [ sequence) or reorder text (U+202E).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_WITH_LINES = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escapes what a terminal would act on; keeps newlines and tabs (for multi-line body excerpts). */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Escapes everything a terminal would act on, newlines included (for one-line values such as headers). */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE_WITH_LINES, escapeChar);
}

const UNSAFE_OR_COLOUR =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[\d;]*m|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * For a finished message: escapes anything a terminal would act on except the runner's own colour
 * codes (ESC [ … m). A net under the per-value escaping, for text that reached a message unescaped.
 */
export function escapeMessage(text: string): string {
  return text.replace(UNSAFE_OR_COLOUR, (match) => (match.length > 1 ? match : escapeChar(match)));
}

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** A one-line value (header, URL) made safe and short. */
export function safeLine(text: string, max = 300): string {
  const cut = cutText(text, max);
  return escapeLine(cut) + (cut.length < text.length ? `… (${text.length - cut.length} more characters)` : '');
}
