import type { HeldBody, HttpResponse } from '../adapters/index.js';
import { textDecoderFor } from '../body/charset.js';
import { hideSecret, isSecretName, knownSecrets, looksLikeSecretValue, redactText, sweepSecrets } from './redact.js';

// How much of a body is searched for secrets before a message is rendered. Any part of a failure may quote
// the body (a diff, a schema issue, a problem's `detail`), so the search covers the body, not the excerpt.
const SCAN_LIMIT = 1024 * 1024;
// Objects and lists of a parsed body visited at most, in document order, and members read at most: about what the
// 1 MiB of a text body holds, so a failure on a 10 MB parsed body costs milliseconds, not a walk of all of it.
const VISIT_BUDGET = 20_000;
const MEMBER_BUDGET = 400_000;

/**
 * One per failure: every secret of the response, its request and its body, collected before anything is
 * rendered, so that every part of the message (notes, diff, schema issues, evidence, a usage error) is
 * swept of the same set. Secret values are learned from secret-named headers, cookies, query parameters,
 * userinfo, and body fields at any depth (an object under a secret name: all of its values).
 */
export class Redactor {
  /** The values to sweep. Rendering adds to it (an excerpt that finds `"token": …` in a text body). */
  readonly secrets: Set<string>;

  constructor(res?: HttpResponse, body?: HeldBody) {
    this.secrets = new Set();
    this.learn(res, body);
  }

  /** Learns the secrets of one more message of the exchange (an msw mock: its request as well as its response). */
  learn(res?: HttpResponse, body?: HeldBody): this {
    for (const secret of knownSecrets(res)) this.secrets.add(secret);
    const held = body ?? (res?.kind === 'status-code' ? undefined : res?.body);
    if (held !== undefined)
      this.learnBody(held, res?.kind === 'status-code' ? undefined : res?.headers.get('content-type'));
    return this;
  }

  /** Free text with its secret-looking members redacted (JSON members, form fields, auth schemes). */
  text(text: string): string {
    return redactText(text, this.secrets);
  }

  /** The finished text with every known secret replaced where it stands as a whole value. */
  sweep(text: string): string {
    return sweepSecrets(text, [...this.secrets]);
  }

  private learnBody(body: HeldBody, contentType: string | undefined): void {
    if (body.type === 'value') {
      if (typeof body.value === 'string') this.learnText(body.value);
      else this.learnValue(body.value);
      return;
    }
    const text =
      body.type === 'text'
        ? body.text.slice(0, SCAN_LIMIT)
        : textDecoderFor(contentType).decoder.decode(body.bytes.subarray(0, SCAN_LIMIT));
    this.learnText(text);
  }

  private learnText(text: string): void {
    const bare = text.replace(/^\uFEFF/, '');
    if (/^\s*[[{]/.test(bare)) {
      try {
        this.learnValue(JSON.parse(bare));
      } catch {
        // Not JSON, or cut by the scan limit: the text rules below still find its members.
      }
    }
    redactText(bare.slice(0, SCAN_LIMIT), this.secrets);
  }

  /** Walks a parsed body without recursion: every value under a secret-named key, at any depth. */
  private learnValue(root: unknown): void {
    // A value is swept when its own name is secret, or when it sits in an object under a secret name and
    // looks like one (`"credentials": {"user": "admin", "pass": "Xk9-…"}`: the password, not the word "admin").
    // Two parallel stacks, and no stop for a plain value outside any secret: a failure walks a large body on every
    // message, so the walk allocates nothing per member (a tuple per member cost ~3 µs a node in GC).
    const values: unknown[] = [root];
    const standings: Standing[] = [false];
    // No set of visited objects: the budgets bound a cyclic or shared value too, and a parsed body has neither.
    let visits = VISIT_BUDGET;
    let members = MEMBER_BUDGET;
    while (values.length > 0 && visits > 0 && members > 0) {
      const value = values.pop();
      const secret = standings.pop() as Standing;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
        const text = String(value);
        if (secret === 'named' || (secret === 'inside' && looksLikeSecretValue(text))) hideSecret(this.secrets, text);
        continue;
      }
      if (typeof value !== 'object' || value === null) continue;
      visits -= 1;
      // An item of a list keeps the list's standing (`"tokens": ["…", "…"]`); a member takes its own name's.
      // Pushed last to first, so the walk goes in document order: what a message shows first is learned first.
      const list = Array.isArray(value);
      const keys = list ? undefined : ownKeys(value);
      const count = Math.min(list ? (value as unknown[]).length : (keys as string[]).length, members);
      members -= count;
      const start = values.length;
      for (let i = 0; i < count && values.length - start < visits; i += 1) {
        const key = list ? i : ((keys as string[])[i] as string);
        let standing: Standing = secret;
        if (!list) standing = isSecretName(key as string) ? 'named' : secret && 'inside';
        const member = read(value, key);
        if (standing === false && (typeof member !== 'object' || member === null)) continue;
        values.push(member);
        standings.push(standing);
      }
      reverseFrom(values, start);
      reverseFrom(standings, start);
    }
  }
}

/** Reverses `items` from `start` to the end in place: a container's members, so the stack pops them in order. */
function reverseFrom(items: unknown[], start: number): void {
  for (let i = start, j = items.length - 1; i < j; i += 1, j -= 1) {
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}

type Standing = 'named' | 'inside' | false;

function ownKeys(value: object): string[] {
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}

function read(container: object, key: string | number): unknown {
  try {
    return (container as Record<string | number, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * An error thrown while judging a body (a validator that quotes the value it rejected), with this
 * response's secrets swept from its message and stack, as a failure message would be.
 */
export function redactError(error: unknown, res: HttpResponse, body: HeldBody): unknown {
  if (!(error instanceof Error)) return error;
  const redactor = new Redactor(res, body);
  try {
    error.message = redactor.sweep(error.message);
    if (typeof error.stack === 'string') error.stack = redactor.sweep(error.stack);
  } catch {
    // A frozen error keeps its text; it is still escaped where it was made.
  }
  return error;
}
