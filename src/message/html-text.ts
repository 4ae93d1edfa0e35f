// The readable text of an HTML error page (express's finalhandler, nginx, Cloudflare, IIS, Django's debug
// page), for a body excerpt: what a person would read in a browser, not the markup.
//
// One pass over the input, each character looked at a bounded number of times: no regular expression
// that could backtrack, and an unclosed tag, comment or script ends the text instead of being searched
// for again from every `<` (which made `<a <a <a …` quadratic).
//
// Character references decode to what they name, control characters included (`&#27;` is U+001B, as in a
// browser): the text is not safe to print until escapeText (escape.ts) has turned them into `\x1b`.
// References to C1 codes decode as the HTML standard says (`&#155;` is `›`, not the one-byte CSI).

export interface HtmlText {
  /** The page's `<title>`, whitespace collapsed. */
  title?: string;
  /** Non-blank lines of text; together (joined with newlines) at most `maxChars` characters. */
  lines: string[];
  /** Whether text was left out to keep within `maxChars`. */
  truncated: boolean;
}

// Contents never shown: code and markup a browser does not render as text.
const DROPPED = new Set(['script', 'style', 'template', 'svg']);
// Elements that start a new line (the block-level ones error pages use), including `<br>`.
const BLOCK = new Set(
  (
    'address article aside blockquote body br center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody tfoot thead tr ul'
  ).split(' '),
);
const CELL = new Set(['td', 'th']);
const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'xmp', 'plaintext']);

const NAMED = new Map<string, string>(
  Object.entries({
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
    hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«',
    raquo: '»', middot: '·', bull: '•', times: '×', divide: '÷', euro: '€', pound: '£', yen: '¥', cent: '¢',
    sect: '§', para: '¶', deg: '°', plusmn: '±', shy: '', larr: '←', rarr: '→', uarr: '↑', darr: '↓',
  }), // prettier-ignore
);

// HTML standard, "numeric character reference end state": 0x80–0x9F name windows-1252 characters.
const WINDOWS_1252: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
}; // prettier-ignore

const MAX_REFERENCE = 32;

function isAsciiAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiAlpha(code) || (code >= 0x30 && code <= 0x39);
}

function isReferenceChar(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 0x23; // #
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f';
}

/** The character reference at `at` (which holds `&`): its text and length, or undefined when it is none. */
function reference(html: string, at: number): { text: string; length: number } | undefined {
  // Looked for within a few characters only: searching the rest of the input from every `&` is quadratic.
  let semi = at + 1;
  while (semi < html.length && semi - at <= MAX_REFERENCE && isReferenceChar(html.charCodeAt(semi))) semi++;
  if (html.charAt(semi) !== ';') return undefined;
  const body = html.slice(at + 1, semi);
  const length = semi - at + 1;
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-f]{1,8}$/i : /^[0-9]{1,10}$/).test(digits)) return undefined;
    let code = Number.parseInt(digits, hex ? 16 : 10);
    code = WINDOWS_1252[code] ?? code;
    // NUL, surrogates and values past Unicode become U+FFFD, as in a browser (never a lone surrogate).
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return { text: valid ? String.fromCodePoint(code) : '\ufffd', length };
  }
  const named = NAMED.get(body) ?? NAMED.get(body.toLowerCase());
  return named === undefined ? undefined : { text: named, length };
}

/** Where the tag starting at `at` ends (the index of its `>`), or -1 when the input ends first. */
function tagEnd(html: string, at: number): number {
  let quote = '';
  let previous = '';
  for (let i = at + 1; i < html.length; i++) {
    const char = html.charAt(i);
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '>') return i;
    else if ((char === '"' || char === "'") && previous === '=') quote = char;
    if (!isSpace(char)) previous = char;
  }
  return -1;
}

/** Where the raw-text element `name` (script, style, title) closes: the index of its `</name`, or -1. */
function closingTag(html: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    at = html.indexOf('</', at);
    if (at === -1) return -1;
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
    at += 2;
  }
}

function tagName(html: string, from: number): string {
  let end = from;
  while (end < html.length && (isAsciiAlphanumeric(html.charCodeAt(end)) || html[end] === '-')) end++;
  return html.slice(from, end).toLowerCase();
}

/** Where the run of characters from `from` that are shown as they are ends (before markup, a reference or a space). */
function plainRun(html: string, from: number, pre: boolean): number {
  let end = from;
  for (; end < html.length; end++) {
    const char = html.charAt(end);
    if (char === '<' || char === '\n' || char === '\r' || (!pre && isSpace(char))) break;
    if (char === '&' && reference(html, end) !== undefined) break;
  }
  return end;
}

/** The whitespace-collapsed text of a stretch of HTML with no tags in it (a title). */
function plainText(raw: string, maxChars: number): string {
  let out = '';
  for (let i = 0; i < raw.length && out.length < maxChars; i++) {
    const ref = raw[i] === '&' ? reference(raw, i) : undefined;
    const char = ref?.text ?? raw.charAt(i);
    if (ref !== undefined) i += ref.length - 1;
    const space = isSpace(char) || char === '\u00a0';
    if (!space) out += char;
    else if (!out.endsWith(' ')) out += ' ';
  }
  return out.trim().slice(0, maxChars);
}

/**
 * The readable text of an HTML page: tags stripped, script and style contents dropped, `<br>` and block
 * elements as line breaks, character references decoded, whitespace collapsed (kept inside `<pre>`), blank
 * lines dropped, the title apart. Linear in the input; the lines hold at most `maxChars` characters.
 */
export function htmlText(html: string, maxChars: number): HtmlText {
  const cap = Number.isFinite(maxChars) ? Math.max(0, Math.floor(maxChars)) : 0;
  const lines: string[] = [];
  let title: string | undefined;
  let line = '';
  let used = 0; // characters in `lines`, with one for each newline between them
  let pendingSpace = false;
  let preDepth = 0;
  let truncated = false;

  const endLine = (): void => {
    const text = preDepth > 0 ? line.trimEnd() : line.trim();
    line = '';
    pendingSpace = false;
    if (text === '') return;
    used += (lines.length > 0 ? 1 : 0) + text.length;
    lines.push(text);
  };
  // The room left for the current line, counting the newline before it.
  const room = (): number => cap - used - (lines.length > 0 ? 1 : 0) - line.length;
  const put = (text: string): boolean => {
    const spaced = pendingSpace && line !== '' ? ` ${text}` : text;
    pendingSpace = false;
    if (spaced.length > room()) {
      // Never split a surrogate pair: a lone half cannot be printed or escaped sensibly.
      let fit = Math.max(0, room());
      if (fit > 0 && fit < spaced.length && /[\ud800-\udbff]/.test(spaced.charAt(fit - 1))) fit -= 1;
      line += spaced.slice(0, fit);
      truncated = true;
      return false;
    }
    line += spaced;
    return true;
  };
  // One character of text, from the markup or from a reference; false when the output is full.
  const text = (char: string, decoded: boolean): boolean => {
    if (char === '\u00a0' && decoded) return put(' ');
    if (preDepth > 0) {
      if (char === '\n' || char === '\r') {
        endLine();
        return true;
      }
      return put(char);
    }
    if (isSpace(char)) {
      pendingSpace = line !== '';
      return true;
    }
    return put(char);
  };

  let i = 0;
  scan: while (i < html.length) {
    const char = html.charAt(i);
    if (char === '&') {
      const ref = reference(html, i);
      if (ref !== undefined) {
        for (const c of ref.text) if (!text(c, true)) break scan;
        i += ref.length;
        continue;
      }
    }
    if (char !== '<') {
      // A run of plain characters is put at once: one call per character made a megabyte of text slow.
      const run = plainRun(html, i, preDepth > 0);
      if (run > i) {
        if (!put(html.slice(i, run))) break;
        i = run;
        continue;
      }
      if (char === '\r' && html[i + 1] === '\n') i++;
      if (!text(html.charAt(i), false)) break;
      i++;
      continue;
    }
    const next = html.charAt(i + 1);
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    const closing = next === '/';
    if (next === '!' || next === '?' || (closing && !isAsciiAlpha(html.charCodeAt(i + 2)))) {
      // A doctype, processing instruction or bogus comment: up to the next `>`.
      const end = html.indexOf('>', i + 1);
      if (end === -1) break;
      i = end + 1;
      continue;
    }
    if (!closing && !isAsciiAlpha(html.charCodeAt(i + 1))) {
      if (!text('<', false)) break;
      i++;
      continue;
    }
    const name = tagName(html, i + (closing ? 2 : 1));
    const end = tagEnd(html, i);
    if (end === -1) break; // a tag the input never closes: the browser shows nothing of it either
    i = end + 1;
    if (!closing && (DROPPED.has(name) || name === 'title')) {
      const close = closingTag(html, name, i);
      if (close === -1) break;
      if (name === 'title' && title === undefined) title = plainText(html.slice(i, close), cap);
      const after = html.indexOf('>', close);
      if (after === -1) break;
      i = after + 1;
      continue;
    }
    if (CELL.has(name)) pendingSpace = line !== '';
    if (BLOCK.has(name) || PREFORMATTED.has(name)) endLine();
    if (PREFORMATTED.has(name)) preDepth = closing ? Math.max(0, preDepth - 1) : preDepth + 1;
  }
  endLine();
  return title === undefined || title === '' ? { lines, truncated } : { title, lines, truncated };
}
