import { isAsymmetric } from '../equality.js';

// Control characters, C1 codes and bidi overrides from a server are shown escaped, so a response
// cannot recolour or rewrite the CI log (an ESC [ sequence) or reorder text (U+202E). A byte order mark is
// invisible, so it is shown as \ufeff: a body that starts with one looks valid but may not parse.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_WITH_LINES = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

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
  /\u001b\[[\d;]*m|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

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

export interface EscapeDeepLimits {
  /** Values copied in all, counting every visit of a shared object (default 10,000). */
  maxNodes?: number;
  /** Levels of nesting copied (default 64). */
  maxDepth?: number;
}

/**
 * A copy of a JSON-like value for the runner's diff, with every string and key escaped (keys on one line).
 * Objects are copied onto plain objects with defineProperty (not null-prototype ones, which Bun's printer labels
 * `[Object: null prototype]`), so a `__proto__`, `constructor` or
 * `prototype` key stays an ordinary member and is escaped like any other (an assignment `out['__proto__'] = v`
 * would set the copy's prototype instead, and the member would skip escaping). Asymmetric matchers and
 * non-plain objects (Date, class instances) are kept as they are.
 * Bounded on any input: a reference to an object being copied (a cycle) becomes `[Circular]`, and after
 * `maxNodes` values the rest becomes `[…]`, so shared references (a DAG with 2^30 paths) cost no more than
 * the budget, and the copy, a tree of at most `maxNodes` values, is as cheap for the diff to print.
 */
export function escapeDeep(value: unknown, limits: EscapeDeepLimits = {}): unknown {
  const maxDepth = limits.maxDepth ?? 64;
  let budget = limits.maxNodes ?? 10_000;
  const copying = new Set<object>();
  // The same string shared many times is escaped once.
  const strings = new Map<string, string>();
  const text = (s: string): string => {
    let escaped = strings.get(s);
    if (escaped === undefined) strings.set(s, (escaped = escapeText(s)));
    return escaped;
  };

  const copy = (v: unknown, depth: number): unknown => {
    budget -= 1;
    if (typeof v === 'string') return text(v);
    if (typeof v !== 'object' || v === null || isAsymmetric(v)) return v;
    if (copying.has(v)) return '[Circular]';
    if (budget < 0 || depth > maxDepth) return '[…]';
    copying.add(v);
    try {
      const isArray = Array.isArray(v);
      if (!isArray && !isPlainObject(v)) return v;
      if (isArray) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length; i++) {
          if (budget <= 0) {
            out.push(`[… ${v.length - i} more]`);
            break;
          }
          out.push(copy(v[i], depth + 1));
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        if (budget <= 0) {
          define(out, '[…]', '[more members]');
          break;
        }
        define(out, escapeLine(key), copy((v as Record<string, unknown>)[key], depth + 1));
      }
      return out;
    } catch {
      return '[unreadable]'; // a getter or Proxy trap of the user's expectation that throws
    } finally {
      copying.delete(v);
    }
  };
  return copy(value, 0);
}

/**
 * Whether an object is data rather than a Date or class instance. A prototype that is itself an object
 * without a constructor counts as data: it is how `copy[key] = value` with key `__proto__` leaves a copy.
 */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return true;
  return typeof proto === 'object' && !Object.prototype.hasOwnProperty.call(proto, 'constructor');
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
