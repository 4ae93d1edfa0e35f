import { testRegExp } from '../arguments.js';
import { getConfig } from '../config.js';

/** Where a name stands: the same word can be a secret in one place only (`code` is an OAuth code in a query). */
export type NamePlace = 'header' | 'query' | 'field' | 'cookie';

// A secret is a credential: something that lets its holder act as someone. Personal data (ssn, email, birth
// date) is not hidden by default, since tests assert on it; `configure({ redact })` adds such names.
// A name is secret when one of its words is one of these. `pin` and `otp` authenticate a person; `sas` and
// `sig` are Azure's and S3's signed-URL credentials; `hmac` signs a webhook.
const SECRET_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'apikey',
  'privkey',
  'key',
  'auth',
  'authorization',
  'session',
  'sess',
  'sessionid',
  'sessid',
  'jsessionid',
  'phpsessid',
  'sid',
  'cookie',
  'signature',
  'sig',
  'sas',
  'hmac',
  'credential',
  'jwt',
  'bearer',
  'csrf',
  'xsrf',
  'otp',
  'totp',
  'hotp',
  'pin',
  'rememberme',
  'samlresponse',
]);

// Words whose plural still names credentials (`apiKeys`, `tokens`). Not `sessions` (a count, more often than
// not) nor `pins` (on a map).
const PLURALS =
  'token secret password passphrase passcode key apikey cookie credential signature sig jwt otp sessionid'.split(' ');

// Endings that name the credential whatever precedes them in a lowercase compound (`csrfmiddlewaretoken`,
// `phpsessid`, `newpassword`); no English word ends in one of these, except `betoken`.
const SECRET_ENDINGS = ['token', 'secret', 'password', 'passwd', 'passphrase', 'credential', 'signature', 'sessid'];
const NOT_COMPOUNDS = new Set(['betoken']);

// Cookie names with a random tail (ASP's `ASPSESSIONIDQQGGQHDA`).
const SECRET_STARTS = ['aspsessionid'];

// Words that join a secret word in a lowercase compound (`accesstoken`, `privatekey`, `sessionid`). A compound
// is matched only when it splits wholly into these and secret words: `monkey`, `keyboard` and `author` leave a
// remainder (`mon`, `board`, `or`) that is none of them. Never add a piece that is a common word ending.
const COMPOUND_PIECES = [
  ...SECRET_WORDS,
  ...['access', 'refresh', 'id', 'api', 'app', 'client', 'private', 'public', 'shared', 'master'],
  ...['signing', 'encryption', 'user', 'admin', 'root', 'db', 'consumer', 'oauth', 'aws', 'webhook', 'service'],
  ...['account', 'storage', 'device', 'push', 'bot', 'personal', 'login', 'sso', 'php', 'asp', 'connect', 'hash'],
];
// By first letter, so that a split tries only the pieces that can start where it stands.
const PIECES_BY_LETTER = new Map<string, string[]>();
for (const piece of COMPOUND_PIECES) {
  PIECES_BY_LETTER.set(piece.charAt(0), [...(PIECES_BY_LETTER.get(piece.charAt(0)) ?? []), piece]);
}
const LONGEST_COMPOUND = 64;

// Words that make `tokens` a count of a language model's tokens (`max_tokens`, `prompt_tokens`,
// `x-ratelimit-remaining-tokens`), not credentials. Only the plural: `input_token` is Facebook's token to inspect.
const TOKEN_COUNTS = new Set([
  ...['max', 'min', 'total', 'num', 'count', 'usage', 'used', 'remaining', 'limit', 'ratelimit'],
  ...['prompt', 'completion', 'input', 'output', 'cached', 'reasoning'],
]);

// Query parameters that carry a credential although their name says nothing (an OAuth authorization code).
const SECRET_QUERY_NAMES = new Set(['code']);

/**
 * Whether values under this header, query parameter, JSON field or cookie name are kept out of messages.
 * Names are split into words (camelCase, snake_case, kebab-case, dotted, `CSRFToken`, `token2`) and each word is
 * looked up, never searched for substrings: `author`, `tokenizer` and `www-authenticate` stay visible.
 */
export function isSecretName(name: string, place: NamePlace = 'field'): boolean {
  const lower = name.toLowerCase();
  for (const rule of getConfig().redact) {
    if (typeof rule === 'string' ? rule.toLowerCase() === lower : testRegExp(rule, name)) return true;
  }
  // A Set-Cookie line without `=` is a nameless cookie, all of it value (RFC 6265bis §5.6; browsers do so).
  if (place === 'cookie' && name.trim() === '') return true;
  if (place === 'query' && SECRET_QUERY_NAMES.has(lower)) return true;
  if (name.length > 256) return hasSecretWord(name);
  let secret = seenNames.get(name);
  if (secret === undefined) {
    if (seenNames.size >= 4096) seenNames.clear();
    secret = hasSecretWord(name);
    seenNames.set(name, secret);
  }
  return secret;
}

// A message looks the same names up again and again (a header per line, a key per array item). Bounded, and
// only names of a real length are kept.
const seenNames = new Map<string, boolean>();

function hasSecretWord(name: string): boolean {
  // Each word once: a hostile name of 100,000 words is mostly the same few.
  const parts = new Set(words(name));
  const secret = [...parts].filter(isSecretWord);
  // The joined form catches `api-key` and `remember-me`, whose words say nothing alone.
  if (secret.length === 0) return isSecretWord(name.toLowerCase().replace(/[^a-z]/g, ''));
  return !(secret.every((word) => word === 'tokens') && [...parts].some((word) => TOKEN_COUNTS.has(word)));
}

/** `X-CSRFToken` → x csrf token, `IDToken` → id token, `apiKeys2` → api keys, `connect.sid` → connect sid. */
function words(name: string): string[] {
  return (
    name
      .replace(/([a-z\d])([A-Z])/g, '$1 $2')
      // Two capitals at least before the next word, so `OAuth` stays one word and `IDToken` becomes two.
      .replace(/([A-Z]{2})([A-Z][a-z])/g, '$1 $2')
      .replace(/([a-zA-Z])(\d)/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean)
  );
}

function isSecretWord(word: string): boolean {
  if (SECRET_WORDS.has(word) || SECRET_STARTS.some((start) => word.startsWith(start))) return true;
  if (isCompound(word)) return true;
  const stem = word.endsWith('s') ? word.slice(0, -1) : '';
  return PLURALS.some((plural) => stem.endsWith(plural)) && (PLURALS.includes(stem) || isCompound(stem));
}

function isCompound(word: string): boolean {
  if (NOT_COMPOUNDS.has(word)) return false;
  if (SECRET_ENDINGS.some((end) => word.length > end.length && word.endsWith(end))) return true;
  return word.length <= LONGEST_COMPOUND && splitsIntoPieces(word);
}

/** Whether the word is compound pieces end to end, one of them a secret word. */
function splitsIntoPieces(word: string): boolean {
  // reach[i]: how word[0, i) splits into pieces — 1: it does, 3: it does with a secret piece among them.
  const reach = new Array<number>(word.length + 1).fill(0);
  reach[0] = 1;
  for (let i = 0; i < word.length; i++) {
    if (reach[i] === 0) continue;
    for (const piece of PIECES_BY_LETTER.get(word.charAt(i)) ?? []) {
      if (!word.startsWith(piece, i)) continue;
      const end = i + piece.length;
      reach[end] = (reach[end] ?? 0) | (reach[i] ?? 0) | (SECRET_WORDS.has(piece) ? 2 : 0);
    }
  }
  return ((reach[word.length] ?? 0) & 2) !== 0;
}
