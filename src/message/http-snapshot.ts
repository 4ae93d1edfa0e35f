import type { HeldBody, HttpResponse } from '../adapters/index.js';
import { textDecoderFor } from '../body/charset.js';
import { isJson, parseMediaType } from '../body/media-type.js';
import { getStatus } from '../registry/index.js';
import { replaceAtPath } from '../snapshot/json-path.js';
import type { Mask, Masks } from '../snapshot/masks.js';
import { looksBinary } from './body-excerpt.js';
import { cutText, escapeLine, escapeText } from './escape.js';
import { isSecretName, REDACTED, redactHeader, redactUrl } from './redact.js';
import { Redactor } from './redactor.js';

// A response as snapshot text: what stays the same between runs, and nothing a log should not hold.
//
//   HTTP 201 Created
//   content-type: application/json
//   date: [masked]
//   location: /users/[masked]
//
//   {
//     "id": Any<Number>,
//     "token": "[redacted]"
//   }

const MASKED = '[masked]';
// How a connection was handled, not what the API said: differs between clients and Node versions.
const TRANSPORT = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection']);
const MAX_DEPTH = 64;

/** The snapshot text of `res` with `body` (undefined: none), masks applied, secrets redacted, escaped. */
export function renderHttpSnapshot(res: HttpResponse, body: HeldBody | undefined, masks: Masks): string {
  const redactor = new Redactor(res, body);
  const lines = [statusLine(res.status)];
  // In code-point order: the same on every machine, whatever its locale.
  for (const [name, values] of [...res.headers.entries()].sort(([a], [b]) => Number(a > b) - Number(a < b))) {
    if (TRANSPORT.has(name)) continue;
    const mask = masks.headers.get(name);
    const each = name === 'set-cookie' ? values : [values.join(', ')];
    for (const value of each)
      lines.push(`${escapeLine(name)}: ${escapeLine(headerValue(name, value, mask, redactor))}`);
  }
  const text = body === undefined ? '' : bodyText(body, res.headers.get('content-type'), masks, redactor);
  if (text !== '') lines.push('', text);
  return lines.join('\n');
}

function statusLine(status: number): string {
  const reason = getStatus(status)?.reason;
  return `HTTP ${status}${reason === undefined || reason.startsWith('(') ? '' : ` ${reason}`}`;
}

function headerValue(name: string, value: string, mask: Mask | undefined, redactor: Redactor): string {
  // Cookie values are new on every login, and often credentials: always masked; Expires moves with the clock.
  if (name === 'set-cookie')
    return redactHeader(name, value)
      .replace(REDACTED, MASKED)
      .replace(/(;\s*expires=)[^;]*/i, `$1${MASKED}`);
  const shown = redactor.sweep(
    name === 'location' || name === 'content-location' ? redactUrl(value) : redactHeader(name, value),
  );
  // A value that fails its matcher is shown (redacted), so the snapshot differs and says how.
  if (mask === undefined || !matches(mask, value)) return shown;
  return maskText(mask);
}

function matches(mask: Mask, value: unknown): boolean {
  if (mask.matcher === undefined) return true;
  try {
    return mask.matcher.asymmetricMatch(value) === true;
  } catch {
    // Bun's native matchers have no asymmetricMatch of their own: the value is shown, never hidden unchecked.
    return false;
  }
}

/** `[masked]`, or the matcher as pretty-format prints it: `Any<Number>`, `StringMatching /^v\\d/`. */
function maskText(mask: Mask): string {
  const matcher = mask.matcher as { toAsymmetricMatcher?: () => unknown; sample?: unknown } | undefined;
  if (matcher === undefined) return MASKED;
  try {
    const name = String(matcher);
    if (/^(String|Array|Object)(Not)?(Matching|Containing)$/.test(name)) {
      const sample = matcher.sample instanceof RegExp ? String(matcher.sample) : JSON.stringify(matcher.sample);
      return escapeLine(`${name} ${cutText(sample ?? '', 200)}`);
    }
    const described = matcher.toAsymmetricMatcher?.() ?? name;
    return typeof described === 'string' ? escapeLine(cutText(described, 200)) : MASKED;
  } catch {
    return MASKED;
  }
}

function bodyText(body: HeldBody, contentType: string | undefined, masks: Masks, redactor: Redactor): string {
  if (body.type === 'value' && typeof body.value !== 'string') return jsonText(copyJson(body.value), masks, redactor);
  let text: string;
  if (body.type === 'bytes') {
    if (body.bytes.length === 0) return '';
    if (!isJson(parseMediaType(contentType)) && looksBinary(body.bytes.subarray(0, 4096)))
      return `<binary, ${body.bytes.length} bytes${contentType ? `, ${escapeLine(contentType)}` : ''}, fnv1a ${fnv1a(body.bytes)}>`;
    text = textDecoderFor(contentType).decoder.decode(body.bytes);
  } else text = body.type === 'text' ? body.text : (body.value as string);
  if (isJson(parseMediaType(contentType)) || /^\s*[[{]/.test(text)) {
    try {
      return jsonText(JSON.parse(text.replace(/^\uFEFF/, '')), masks, redactor);
    } catch {
      // Not JSON after all: printed as the text it is.
    }
  }
  return escapeText(redactor.sweep(redactor.text(text)));
}

/** Pretty-printed JSON with the masks in place (`[masked]`, `Any<Number>`), secret-named members redacted. */
function jsonText(value: unknown, masks: Masks, redactor: Redactor): string {
  // Masks are put in as unique strings, so JSON.stringify lays them out, then swapped for their text unquoted.
  const nonce = `\u0000mask${Math.random().toString(36).slice(2)}:`;
  const tokens: string[] = [];
  for (const { steps, mask } of masks.json) {
    replaceAtPath(value, steps, (found) => {
      if (!matches(mask, found)) return found;
      tokens.push(maskText(mask));
      return `${nonce}${tokens.length - 1}`;
    });
  }
  redactSecretMembers(value, nonce, 0);
  const json = JSON.stringify(value, null, 2) ?? String(value);
  const marker = new RegExp(`"${JSON.stringify(nonce).slice(1, -1).replace(/\\/g, '\\\\')}(\\d+)"`, 'g');
  const swept = redactor.sweep(json);
  return escapeText(swept.replace(marker, (_, i: string) => tokens[Number(i)] ?? MASKED));
}

function redactSecretMembers(node: unknown, nonce: string, depth: number): void {
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return;
  const container = node as Record<string, unknown>;
  for (const key of Object.keys(container)) {
    const child = container[key];
    if (typeof child === 'string' && child.startsWith(nonce)) continue;
    if (!Array.isArray(node) && isSecretName(key) && (typeof child !== 'object' || child === null))
      container[key] = REDACTED;
    else redactSecretMembers(child, nonce, depth + 1);
  }
}

/** A copy the masks may change: the client's parsed body is the user's. A value JSON cannot copy is said so. */
function copyJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null');
  } catch (error) {
    return `<a parsed body that cannot be written as JSON: ${error instanceof Error ? error.name : 'error'}>`;
  }
}

/** FNV-1a, 32 bits: enough for a snapshot to change when a binary body does, without node:crypto. */
function fnv1a(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
