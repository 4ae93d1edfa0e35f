import { isAsymmetric } from '../equality.js';
import type { MatcherContext } from '../types.js';
import { describeAsymmetric } from './asymmetric.js';
import { cutText, escapeLine, escapeMessage, escapeText, safeLine } from './escape.js';
import { isSecretName, REDACTED, redactHeader, redactText, redactUrl } from './redact.js';

// The one way a message shows a value: what matchers and usage errors call, so that none of them escapes,
// cuts or redacts text itself. Every function here returns text that is safe to print.

/** A JSON-quoted, escaped, capped string: `"no-store"`. */
export function quote(text: string, max = 200): string {
  const cut = cutText(text, max);
  return escapeLine(JSON.stringify(cut)) + (cut.length < text.length ? `… (${text.length} characters)` : '');
}

/**
 * Any value the user passed, as an expectation or a wrong argument: a string quoted, a RegExp as written, an
 * asymmetric matcher by the runner's own printer (`StringContaining "/login"`, `Any<String>`), a list of them.
 * Without a matcher context (a usage error), an asymmetric matcher is named generically.
 */
export function showValue(value: unknown, ctx?: MatcherContext, max = 200): string {
  try {
    if (typeof value === 'string') return quote(value, max);
    if (value instanceof RegExp) return escapeLine(cutText(String(value), max));
    if (isAsymmetric(value)) return ctx === undefined ? 'an asymmetric matcher' : describeAsymmetric(ctx, value);
    if (Array.isArray(value))
      return `[${value
        .slice(0, 8)
        .map((v) => showValue(v, ctx, max))
        .join(', ')}${value.length > 8 ? ', …' : ''}]`;
    if (typeof value === 'object' && value !== null) return 'an object';
    return escapeLine(String(value));
  } catch {
    return typeof value;
  }
}

/** One line of received text (a header name, a Content-Type, an issue message): escaped and capped. */
export function line(text: string, max = 300): string {
  return safeLine(text, max);
}

/** A header's value as a message may show it: the auth scheme and cookie names stay, the secrets go. */
export function headerValue(name: string, value: string, { quoted = false } = {}): string {
  const shown = redactHeader(name, value);
  return quoted ? quote(shown) : safeLine(shown);
}

/**
 * An expected header value after the header's name: `: "no-store"`, ` matching /max-age/`. For a secret
 * header nothing the user wrote is shown but the auth scheme: a RegExp or `stringContaining` may hold the
 * secret as much as a string does.
 */
export function expectedHeaderValue(ctx: MatcherContext, name: string, wanted: unknown, secret: boolean): string {
  if (secret && typeof wanted === 'string') return `: ${headerValue(name, wanted.trim(), { quoted: true })}`;
  if (secret)
    return ` matching ${wanted instanceof RegExp ? 'a RegExp' : 'an asymmetric matcher'} (${REDACTED}: a secret header)`;
  if (wanted instanceof RegExp) return ` matching ${showValue(wanted, ctx)}`;
  return `: ${showValue(wanted, ctx)}`;
}

/** Whether a header's values are kept out of messages. */
export function isSecretHeader(name: string): boolean {
  return isSecretName(name, 'header');
}

/** A URL with its userinfo and secret query values hidden. */
export function url(text: string): string {
  return redactUrl(safeLine(text));
}

/** A value never shown, by its length: `[redacted] (12 characters)`. */
export function hidden(value: string): string {
  return value === '' ? '(empty)' : `${REDACTED} (${value.length} character${value.length === 1 ? '' : 's'})`;
}

/** Several lines of body text, for a diff: terminal controls escaped, credentials redacted. */
export function bodyText(text: string): string {
  return redactText(escapeText(text));
}

/** A usage error's text: nothing in it may act on the terminal. */
export function problemText(text: string): string {
  return escapeMessage(text);
}
