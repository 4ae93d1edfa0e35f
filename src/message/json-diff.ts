import { equals } from '../equality.js';
import { isAsymmetricMatcher } from '../arguments.js';
import { getConfig } from '../config.js';
import type { MatcherContext } from '../types.js';
import { boundedJson } from './bounded-json.js';
import { escapeDeep, escapeLine } from './escape.js';
import { firstMismatch } from './first-mismatch.js';
import { isSecretName, REDACTED } from './redact.js';
import { diffOf } from './runner-utils.js';
import { showValue } from './show.js';

const MAX_DEPTH = 32;
// What the diff shows of received data nested deeper than it looks: the runner's diff would print it unredacted.
const TOO_DEEP = `[… deeper than ${MAX_DEPTH} levels]`;

/**
 * The runner's own diff of an expected value against a parsed body (in Bun, which has none, the two
 * values), made readable first: members an asymmetric matcher accepted show as equal, secret fields of
 * the body are redacted, and in `subset` mode (toMatchObject semantics) members the expectation does
 * not mention are left out.
 * A body too large to diff cheaply gets a sentence instead.
 */
export function jsonDiff(ctx: MatcherContext, expected: unknown, received: unknown, mode: 'equal' | 'subset'): string {
  const limit = getConfig().excerptLength * 8;
  if (!boundedJson(received, limit).complete) return firstMismatchLines(ctx, expected, received, mode, limit);
  const [e, r] = align(ctx, expected, received, mode, 0);
  // Escaped before the runner prints them: a body string with ESC [ 8 m would otherwise hide the log.
  return diffOf(ctx, escapeDeep(e), escapeDeep(r), { expand: false }) ?? '';
}

/** For a body too large to diff: where the first difference is, and the two values there. */
function firstMismatchLines(
  ctx: MatcherContext,
  expected: unknown,
  received: unknown,
  mode: 'equal' | 'subset',
  limit: number,
): string {
  const heading = `(No diff: the body is over ${limit.toLocaleString('en-US')} characters as JSON.)`;
  const found = firstMismatch(expected, received, (r, e) => matches(ctx, r, e, mode), { subset: mode === 'subset' });
  if (found === undefined) return heading;
  const key = /(?:\.([\w$]+)|\["((?:[^"\\]|\\.)*)"\])$/.exec(found.path);
  const secret = key !== null && isSecretName(key[1] ?? key[2] ?? '');
  const show = (value: unknown, absent: string): string => {
    if (value === undefined) return absent;
    if (isAsymmetricMatcher(value)) return showValue(value, ctx);
    return boundedJson(escapeDeep(value), 300).text.replace(/\n\s*/g, ' ');
  };
  return [
    heading,
    `First difference at ${escapeLine(found.path)}:`,
    `  Expected: ${show(found.expected, '(not mentioned)')}`,
    `  Received: ${secret ? REDACTED : show(redactDeep(found.received, 0), '(missing)')}`,
  ].join('\n');
}

/**
 * `out[key] = value` for a key from a response: a JSON `"__proto__"` member must stay a member of the copy,
 * not become its prototype (which would hide it, unescaped, from everything that walks the copy).
 */
function setOwn(out: Obj, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

type Obj = Record<string, unknown>;

function isPlain(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isAsymmetricMatcher(value);
}

function align(
  ctx: MatcherContext,
  expected: unknown,
  received: unknown,
  mode: 'equal' | 'subset',
  depth: number,
): [unknown, unknown] {
  if (depth > MAX_DEPTH) return matches(ctx, received, expected, mode) ? [TOO_DEEP, TOO_DEEP] : [expected, TOO_DEEP];
  if (isAsymmetricMatcher(expected)) {
    const shown = redactDeep(received, depth);
    return matches(ctx, received, expected, mode) ? [shown, shown] : [expected, shown];
  }
  if (Array.isArray(expected) && Array.isArray(received)) {
    const e: unknown[] = [];
    const r: unknown[] = [];
    for (let i = 0; i < Math.max(expected.length, received.length); i++) {
      if (i < expected.length && i < received.length)
        [e[i], r[i]] = align(ctx, expected[i], received[i], mode, depth + 1);
      else if (i < expected.length) e[i] = expected[i];
      else r[i] = redactDeep(received[i], depth + 1);
    }
    return [e, r];
  }
  if (isPlain(expected) && isPlain(received)) {
    const e: Obj = {};
    const r: Obj = {};
    for (const key of Object.keys(expected)) {
      if (!Object.prototype.hasOwnProperty.call(received, key)) setOwn(e, key, expected[key]);
    }
    for (const key of Object.keys(received)) {
      const inExpected = Object.prototype.hasOwnProperty.call(expected, key);
      if (!inExpected) {
        if (mode === 'equal') setOwn(r, key, isSecretName(key) ? REDACTED : redactDeep(received[key], depth + 1));
        continue;
      }
      if (isSecretName(key)) {
        // The user wrote the expected secret; the received one stays out of the message.
        setOwn(r, key, REDACTED);
        setOwn(e, key, matches(ctx, received[key], expected[key], mode) ? REDACTED : expected[key]);
        continue;
      }
      const [left, right] = align(ctx, expected[key], received[key], mode, depth + 1);
      setOwn(e, key, left);
      setOwn(r, key, right);
    }
    return [e, r];
  }
  return [expected, redactDeep(received, depth)];
}

function matches(ctx: MatcherContext, received: unknown, expected: unknown, mode: 'equal' | 'subset'): boolean {
  try {
    return equals(ctx, received, expected, mode);
  } catch {
    return false;
  }
}

function redactDeep(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Obj = {};
  for (const [key, v] of Object.entries(value))
    setOwn(out, key, isSecretName(key) ? REDACTED : redactDeep(v, depth + 1));
  return out;
}
