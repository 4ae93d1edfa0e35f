import type { HttpResponse } from '../adapters/index.js';
import { setCookiePair } from '../adapters/set-cookie.js';
import { escapeLine, escapeText } from './escape.js';
import { isSecretName } from './secret-names.js';

export { isSecretName } from './secret-names.js';

export const REDACTED = '[redacted]';

const SCHEME = /^(Bearer|Basic|Digest|Token|Negotiate|AWS4-HMAC-SHA256|ApiKey)\s+(\S.*)$/is;

// What a secret-named field often holds that is no secret (`"token_type": "Bearer"`, `"session": "none"`):
// sweeping such a value would eat the same word everywhere else in the message.
const NOT_A_SECRET = new Set([
  'bearer',
  'basic',
  'digest',
  'token',
  'true',
  'false',
  'null',
  'undefined',
  'none',
  REDACTED,
]);

/**
 * Records a secret value so the finished message is swept of it wherever else it appears: the
 * credentials after an auth scheme (so `Bearer [redacted]` keeps its scheme), and a Basic password
 * decoded (a server may echo it in clear). Values under 4 characters are not swept: "1" would eat every digit.
 */
export function hideSecret(hidden: Set<string> | undefined, value: string): void {
  if (hidden === undefined) return;
  const trimmed = value.trim();
  const scheme = SCHEME.exec(trimmed);
  const secret = scheme?.[2] ?? trimmed;
  if (secret.length < 4 || NOT_A_SECRET.has(secret.toLowerCase())) return;
  hidden.add(secret);
  if (scheme?.[1]?.toLowerCase() === 'basic') {
    const password = basicPassword(secret);
    if (password !== undefined && password.length >= 4) hidden.add(password);
  }
}

function basicPassword(credentials: string): string | undefined {
  try {
    // atob gives one character per byte (Latin-1); RFC 7617 credentials are UTF-8 on every current client.
    const bytes = Uint8Array.from(atob(credentials), (c) => c.charCodeAt(0));
    const decoded = new TextDecoder().decode(bytes);
    const colon = decoded.indexOf(':');
    return colon === -1 ? undefined : decoded.slice(colon + 1);
  } catch {
    return undefined;
  }
}

/**
 * Whether a word after "Bearer"/"Basic"/"Token" in free text is a credential rather than prose
 * ("Token expired", "Basic authentication", `Bearer realm=`): it has a digit or symbol, or mixes cases as base64 does.
 */
function looksLikeCredential(value: string): boolean {
  const bare = value.replace(/=+$/, '');
  return (
    bare.length >= 6 && (/[\d._~+/-]/.test(bare) || (/[a-z]/.test(bare) && (bare.match(/[A-Z]/g)?.length ?? 0) >= 2))
  );
}

/** A header value as a message may show it: the auth scheme and cookie names stay, the secrets go. */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'set-cookie') {
    const semi = value.indexOf(';');
    const pair = semi === -1 ? value : value.slice(0, semi);
    const eq = pair.indexOf('=');
    // A line without `=` is a nameless cookie (RFC 6265bis §5.6): all of its first part is the value.
    return `${eq === -1 ? '' : pair.slice(0, eq + 1)}${REDACTED}${semi === -1 ? '' : value.slice(semi)}`;
  }
  if (lower === 'cookie') return value.replace(/([^=;\s]+)=[^;]*/g, `$1=${REDACTED}`);
  if (!isSecretName(name, 'header')) return value;
  const scheme = /^(Bearer|Basic|Digest|Token|Negotiate|AWS4-HMAC-SHA256|ApiKey)\s/i.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

// The userinfo of an absolute or protocol-relative URL, up to the last `@` before the path (a password may hold `@`).
const USERINFO = /^((?:[a-z][a-z\d+.-]*:)?\/\/)([^/?#]*)@/i;

/** A URL with userinfo and secret query values replaced; done on the string, so nothing else is normalised. */
export function redactUrl(url: string): string {
  return (
    url
      .replace(USERINFO, `$1${REDACTED}@`)
      // The fragment too: OAuth's implicit flow returns #access_token=… in a redirect's Location.
      .replace(/([?&;#])([^=&#;?]+)=([^&#;]*)/g, (whole, sep: string, name: string) =>
        isSecretName(safeDecode(name), 'query') ? `${sep}${name}=${REDACTED}` : whole,
      )
  );
}

/** Secret values in free text (a body excerpt): JSON members, form fields and auth schemes. */
export function redactText(text: string, hidden?: Set<string>): string {
  // A field boundedJson already redacted is seen again here: hideSecret skips its placeholder.
  const hide = (value: string): void => hideSecret(hidden, value.replace(/^"|"$/g, ''));
  return (
    redactNested(text, hide)
      .replace(
        /"((?:[^"\\\n]|\\.){1,100})"(\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,}\]]+)/g,
        (whole, name: string, colon: string, value: string) => {
          if (!isSecretName(name)) return whole;
          hide(value);
          return `"${name}"${colon}"${REDACTED}"`;
        },
      )
      // A value ends at `&`, white space or a quote: a URL inside a JSON string keeps the string's closing quote.
      // It may start a JSON string ("password=…" as a whole value).
      .replace(
        /(^|[&?\s"'])([A-Za-z_][\w.-]{0,60})=([^&\s"']+)/g,
        (whole, sep: string, name: string, value: string) => {
          if (!isSecretName(name, 'query')) return whole;
          hide(value);
          return `${sep}${name}=${REDACTED}`;
        },
      )
      .replace(/\b(Bearer|Basic|Token)\s+([\w.~+/=-]{4,})/gi, (whole, scheme: string, value: string) => {
        if (!looksLikeCredential(value)) return whole;
        hide(`${scheme} ${value}`);
        return `${scheme} ${REDACTED}`;
      })
  );
}

/**
 * A JSON member whose value is an object or array under a secret name (`"credentials": {…}`), in text that
 * may be cut or invalid: the whole bracketed value goes, to its matching bracket or to the end of the text.
 */
function redactNested(text: string, hide: (value: string) => void): string {
  const member = /"((?:[^"\\\n]|\\.){1,100})"\s*:\s*(?=[[{])/g;
  let out = '';
  let from = 0;
  for (let m = member.exec(text); m !== null; m = member.exec(text)) {
    if (m.index < from || !isSecretName(m[1] ?? '')) continue;
    const start = m.index + m[0].length;
    const end = matchingBracket(text, start);
    // Its values, not its keys: `"user"` is a name here, and would be swept from every other line.
    for (const value of text.slice(start, end).matchAll(/"((?:[^"\\]|\\.)*)"(?!\s*:)|[^\s,:{}[\]"]+/g)) {
      const found = value[1] ?? value[0];
      if (looksLikeSecretValue(found)) hide(found);
    }
    out += `${text.slice(from, start)}"${REDACTED}"`;
    from = end;
    member.lastIndex = end;
  }
  return out + text.slice(from);
}

/**
 * Whether a value inside an object under a secret name (`"credentials": {"user": …, "pass": …}`) is swept
 * from the rest of the message: long or mixed values are; a short plain word (`"admin"`, `"password"` as a
 * grant type) is not, as it would blank the same word in unrelated lines.
 */
export function looksLikeSecretValue(value: string): boolean {
  return value.length >= 8 || /[\d\W_]/.test(value);
}

/** Where the bracketed value opening at `start` ends (after its closing bracket), skipping strings. */
function matchingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return text.length;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Every secret value this response and its request carry, so the finished message can be swept for
 * them wherever they appear (an Authorization header echoed into a body, a token in a redirect URL).
 */
export function knownSecrets(res: HttpResponse | undefined): string[] {
  if (res === undefined || res.kind === 'status-code') return [];
  const found = new Set<string>();
  const add = (value: string | undefined): void => {
    if (value !== undefined) hideSecret(found, value);
  };
  const details = res.details;
  for (const list of [details.headers, details.requestHeaders]) {
    if (list === undefined) continue;
    for (const [name, values] of list.entries()) {
      const lower = name.toLowerCase();
      for (const value of values) {
        if (lower === 'set-cookie' || lower === 'cookie') {
          // A session id is long or sits under a secret-looking name; `lang=en-US` or `theme=dark` is neither,
          // and sweeping those short words would blank them out of unrelated lines of the message.
          const pairs =
            lower === 'cookie'
              ? [...value.matchAll(/([^=;\s]+)=([^;]*)/g)].map((m) => ({ name: m[1] ?? '', value: m[2] ?? '' }))
              : [setCookiePair(value)];
          for (const pair of pairs) {
            const cookieValue = pair.value.trim();
            if (cookieValue.length >= 8 || isSecretName(pair.name.trim(), 'cookie')) {
              add(cookieValue);
              add(safeDecode(cookieValue));
            }
          }
        } else if (isSecretName(name, 'header')) {
          add(value);
          add(/^\S+\s+(.+)$/.exec(value)?.[1]);
        }
      }
    }
  }
  // A redirect's Location can carry an OAuth code or token as much as the request URL can.
  for (const url of [details.url, details.request?.url, ...details.headers.getAll('location')]) {
    if (url === undefined) continue;
    const userinfo = USERINFO.exec(url)?.[2];
    if (userinfo !== undefined) {
      const colon = userinfo.indexOf(':');
      for (const part of colon === -1 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)]) {
        add(part);
        add(safeDecode(part));
      }
    }
    for (const m of url.matchAll(/[?&;#]([^=&#;?]+)=([^&#;]*)/g)) {
      if (isSecretName(safeDecode(m[1] ?? ''), 'query')) {
        add(m[2]);
        add(safeDecode(m[2] ?? ''));
      }
    }
  }
  return [...found];
}

/**
 * Replaces every known secret value in a finished message, where it stands as a whole value: bounded by
 * something that is not part of a word on both sides (`user` is swept from `key: user` and `"by": "user"`,
 * not from `users` or `username`), and never as a URL path segment (`/admin/user/1` keeps its path).
 * Longest first, so a secret's own parts go with it.
 */
export function sweepSecrets(message: string, secrets: readonly string[]): string {
  let out = message;
  const forms = new Set<string>();
  for (const secret of secrets) for (const form of writtenForms(secret)) forms.add(form);
  // One pass over the message for all of them: one pass per secret made 10,000 cookies take seconds.
  const present = [...forms].filter((form) => out.includes(form)).sort((a, b) => b.length - a.length);
  if (present.length > 0) out = out.replace(wholeValues(present), REDACTED);
  // A long secret cut short by a line's cap (`eyJhbGciOi…`) is still that secret.
  for (const secret of secrets) {
    if (secret.length < LONG_SECRET) continue;
    const head = secret.slice(0, PREFIX);
    if (out.includes(head)) out = out.replace(prefixOf(head), REDACTED);
  }
  return out;
}

const LONG_SECRET = 32;
const PREFIX = 16;

/** How a secret may be written elsewhere in a message: as is, inside a JSON string, URL-encoded, escaped. */
function writtenForms(secret: string): string[] {
  const forms = [secret, JSON.stringify(secret).slice(1, -1), escapeText(secret), escapeLine(secret)];
  try {
    forms.push(encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'));
  } catch {
    // A lone surrogate cannot be URL-encoded, so it is not written that way either.
  }
  return forms.filter((form) => form.length >= 4);
}

function prefixOf(head: string): RegExp {
  const escaped = head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${BEFORE}${escaped}[^\\s"',;&<>)\\]}]*`, 'gu');
}

// Characters that continue a word (or a path) on either side of a value. A percent-escape (`%22`, `%3D`)
// separates like the character it encodes: a value echoed inside an encoded query value is still whole.
const BEFORE = '(?:(?<=%[\\dA-Fa-f]{2})|(?<![\\p{L}\\p{N}_./-]))';
const AFTER = '(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])';

function wholeValues(secrets: readonly string[]): RegExp {
  const escaped = secrets.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${BEFORE}(?:${escaped.join('|')})${AFTER}`, 'gu');
}
