import { equals } from '../equality.js';
import { isAsymmetricMatcher } from '../arguments.js';
import { getConfig } from '../config.js';
import type { MatcherContext } from '../types.js';
import { boundedJson } from './bounded-json.js';
import { escapeText } from './escape.js';
import { isSecretName, REDACTED } from './redact.js';
import { diffOf } from './runner-utils.js';

const MAX_DEPTH = 32;

/**
 * The runner's own diff of an expected value against a parsed body (in Bun, which has none, the two
 * values), made readable first: members an asymmetric matcher accepted show as equal, secret fields of
 * the body are redacted, and in `subset` mode (toMatchObject semantics) members the expectation does
 * not mention are left out.
 * A body too large to diff cheaply gets a sentence instead.
 */
export function jsonDiff(ctx: MatcherContext, expected: unknown, received: unknown, mode: 'equal' | 'subset'): string {
  const limit = getConfig().excerptLength * 8;
  if (!boundedJson(received, limit).complete)
    return `(No diff: the body is over ${limit} characters as JSON; see the excerpt below.)`;
  const [e, r] = align(ctx, expected, received, mode, 0);
  // Escaped before the runner prints them: a body string with ESC [ 8 m would otherwise hide the log.
  return diffOf(ctx, escapeDeep(e, 0), escapeDeep(r, 0), { expand: false }) ?? '';
}

/** Strings and keys with terminal controls escaped; asymmetric matchers and other values as they are. */
function escapeDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return escapeText(value);
  if (typeof value !== 'object' || value === null || isAsymmetricMatcher(value)) return value;
  if (depth > MAX_DEPTH * 2) return '[…]';
  if (Array.isArray(value)) return value.map((v) => escapeDeep(v, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Obj = {};
  for (const [key, v] of Object.entries(value)) out[escapeText(key)] = escapeDeep(v, depth + 1);
  return out;
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
  if (depth > MAX_DEPTH) return [expected, received];
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
      if (!(key in received)) e[key] = expected[key];
    }
    for (const key of Object.keys(received)) {
      const inExpected = Object.prototype.hasOwnProperty.call(expected, key);
      if (!inExpected) {
        if (mode === 'equal') r[key] = redactDeep(received[key], depth + 1);
        continue;
      }
      if (isSecretName(key)) {
        // The user wrote the expected secret; the received one stays out of the message.
        r[key] = REDACTED;
        e[key] = matches(ctx, received[key], expected[key], mode) ? REDACTED : expected[key];
        continue;
      }
      [e[key], r[key]] = align(ctx, expected[key], received[key], mode, depth + 1);
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
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Obj = {};
  for (const [key, v] of Object.entries(value)) out[key] = isSecretName(key) ? REDACTED : redactDeep(v, depth + 1);
  return out;
}
