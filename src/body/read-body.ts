import { getConfig } from '../config.js';
import { HttpMatcherUsageError } from '../errors.js';
import { formatBytes } from '../message/body-excerpt.js';
import { line, quote } from '../message/show.js';
import { statusLabel } from '../registry/index.js';
import { adapt, type HeldBody, type HttpResponse } from '../adapters/index.js';
import { describeError, isObject } from '../adapters/read.js';
import { collectStream, discardStream, openStream, TIMEOUT, toBytes, withTimeout } from './collect.js';
import { decodeText, withoutBom } from './charset.js';
import { contentCodings, decodeContent } from './decode.js';

/** A response body, read once and shared by every body matcher on the same response. */
export interface ResponseBody {
  /**
   * The body as text, decoded by the Content-Type charset (UTF-8 when none is given, or when the charset is one
   * TextDecoder does not know), after any Content-Encoding (gzip, deflate, br) is undone; a leading BOM dropped.
   */
  readonly text: string;
  /**
   * The body's bytes, Content-Encoding undone (for a body the client already parsed: its JSON, UTF-8 encoded).
   * http.IncomingMessage and undici.request bodies are decoded here (gzip, deflate, br); the other clients decode them.
   */
  readonly bytes: Uint8Array;
  /**
   * The body parsed as JSON, or the value the client already parsed (axios, supertest). Throws a SyntaxError
   * when it is not JSON. Bound to its body, so it can be destructured: `const { json } = await readBody(res)`.
   */
  readonly json: () => unknown;
  /** The response's Content-Type header, if it has one. */
  readonly contentType?: string | undefined;
}

type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

class BodyView implements ResponseBody {
  readonly #held: HeldBody;
  #text: string | undefined;
  #bytes: Uint8Array | undefined;
  #parsed: Parsed | undefined;

  constructor(
    held: HeldBody,
    readonly contentType: string | undefined,
  ) {
    this.#held = held;
  }

  get text(): string {
    if (this.#text !== undefined) return this.#text;
    const held = this.#held;
    // TextDecoder drops a leading BOM; text a client decoded (got, supertest) may still start with one.
    if (held.type === 'text') this.#text = withoutBom(held.text);
    else if (held.type === 'bytes') this.#text = decodeText(held.bytes, this.contentType);
    else this.#text = stringify(held.value);
    return this.#text;
  }

  get bytes(): Uint8Array {
    return (this.#bytes ??= this.#held.type === 'bytes' ? this.#held.bytes : new TextEncoder().encode(this.text));
  }

  // An own arrow function, not a method: `const { json } = await readBody(res); json()` must work.
  readonly json = (): unknown => {
    const parsed = BodyView.parse(this);
    if (parsed.ok) return parsed.value;
    throw parsed.error;
  };

  /** Parsed once per response: several matchers and readBody().json() share the result. */
  static parse(view: BodyView): Parsed {
    if (view.#parsed !== undefined) return view.#parsed;
    const held = view.#held;
    if (held.type === 'value') return (view.#parsed = { ok: true, value: held.value });
    try {
      // view.text has no leading BOM, whichever client read it: a BOM never decides the verdict.
      return (view.#parsed = { ok: true, value: JSON.parse(view.text) });
    } catch (error) {
      return (view.#parsed = { ok: false, error });
    }
  }

  static held(view: BodyView): HeldBody {
    const held = view.#held;
    return held.type === 'text' ? { type: 'text', text: view.text } : held;
  }
}

/** The body parsed as JSON once per response: `{ ok: true, value }`, or the SyntaxError. */
export function parsedJson(body: ResponseBody): Parsed {
  return body instanceof BodyView ? BodyView.parse(body) : tryParse(body);
}

function tryParse(body: ResponseBody): Parsed {
  try {
    return { ok: true, value: body.json() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The body as a failure message shows it (the bytes read from a stream, or what the client held). */
export function shownBody(body: ResponseBody): HeldBody {
  return body instanceof BodyView ? BodyView.held(body) : { type: 'bytes', bytes: body.bytes };
}

type Outcome = { readonly ok: true; readonly body: BodyView } | { readonly ok: false; readonly problem: string };

/** One read of a response's body: its promise, and its outcome once it has ended. */
interface Read {
  readonly pending: Promise<Outcome>;
  /** What a later synchronous failure can show without waiting. */
  outcome?: Outcome;
}

// Keyed by the object the user holds, so every body matcher on one response, and readBody afterwards,
// share one read: a stream can be read only once. One map, not one per field: every response read is an entry.
const reads = new WeakMap<object, Read>();

/** The body this library has already read for the response, if the read has ended: no waiting, no reading. */
export function settledBody(res: HttpResponse): HeldBody | undefined {
  if (!isObject(res.source)) return undefined;
  const outcome = reads.get(res.source)?.outcome;
  return outcome?.ok === true ? BodyView.held(outcome.body) : undefined;
}

/**
 * Reads the body of any supported response, once: the body matchers share this read, so several of
 * them can check one response, and the test can still get at the body afterwards. A fetch Response is
 * read through `clone()`, so `res.json()` keeps working too; single-use streams (undici.request's
 * `body`, a Node IncomingMessage) can only be read once, so get their body from here.
 * Reading is bounded by `bodyLimit` and `bodyTimeout` (see `configure`), the decoded bytes too; past either it
 * throws `HttpMatcherUsageError`, as it does when the body was already consumed elsewhere or is encoded with a
 * Content-Encoding that cannot be decoded.
 * @example
 * const res = await request(`${base}/users/1`); // undici.request: a single-use stream
 * await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
 * const user = (await readBody(res)).json(); // the same read, not a second one
 */
export async function readBody(received: unknown): Promise<ResponseBody> {
  return bodyOf('readBody', adapt('readBody', received, readBody));
}

/** What the body matchers call: as `readBody`, with the matcher's name in any error. */
export async function bodyOf(matcherName: string, res: HttpResponse): Promise<ResponseBody> {
  if (res.kind === 'status-code' || !isObject(res.source)) {
    throw new HttpMatcherUsageError(
      matcherName,
      `received the status code ${res.status}, which has no body: pass the response itself.`,
    );
  }
  let read = reads.get(res.source);
  if (read === undefined) {
    const started: Read = { pending: load(res) };
    void started.pending.then((outcome) => (started.outcome = outcome));
    reads.set(res.source, (read = started));
  }
  const outcome = await read.pending;
  // A new error per call, so its stack leads to the assertion that awaited it.
  if (!outcome.ok) throw new HttpMatcherUsageError(matcherName, outcome.problem);
  return outcome.body;
}

type Obj = Record<PropertyKey, unknown>;

async function load(res: HttpResponse): Promise<Outcome> {
  const contentType = res.headers.get('content-type');
  const ok = (held: HeldBody): Outcome => ({ ok: true, body: new BodyView(held, contentType) });
  const empty = ok({ type: 'bytes', bytes: new Uint8Array(0) });
  try {
    const held = res.body;
    if (held !== undefined) return ok(held);
    const source = res.bodySource();
    if (source === undefined) return empty;
    if (source.type === 'bytes') {
      const bytes = await withTimeout(source.read());
      if (bytes === TIMEOUT) return { ok: false, problem: timeoutProblem(res, 0) };
      return ok({ type: 'bytes', bytes: toBytes(bytes) });
    }
    if (source.type === 'stream') {
      // Content-Length over the cap is known before the stream is touched: the stream is ended unread.
      const stream = source.stream;
      const declared = isObject(stream) && !isConsumed(stream) ? declaredTooLarge(res) : undefined;
      if (declared !== undefined) {
        discardStream(stream);
        return declared;
      }
      return await fromStream(res, stream, ok, empty, source.encoded === true);
    }
    const response = source.response;
    if (res.status === 0 || response.body === null || response.body === undefined) return empty;
    if (response.bodyUsed === true || (isObject(response.body) && response.body.locked === true))
      return { ok: false, problem: consumedProblem(res) };
    const declared = declaredTooLarge(res);
    if (declared !== undefined) return declared;
    // The clone is ours to read and cancel; the user's Response stays unread.
    const copy = (response.clone as () => Obj)();
    const outcome = await fromStream(res, copy.body, ok, empty);
    await nextTask();
    return outcome;
  } catch (error) {
    return { ok: false, problem: `reading the body failed: ${line(describeError(error))}. ${context(res)}` };
  }
}

async function fromStream(
  res: HttpResponse,
  stream: unknown,
  ok: (held: HeldBody) => Outcome,
  empty: Outcome,
  encoded = false,
): Promise<Outcome> {
  const opened = openStream(stream);
  if (opened.state === 'none') return empty;
  if (opened.state === 'consumed') return { ok: false, problem: consumedProblem(res) };
  const read = await collectStream(opened.chunks);
  if ('bytes' in read) return encoded ? await decoded(res, read.bytes, ok) : ok({ type: 'bytes', bytes: read.bytes });
  return stoppedProblem(res, read);
}

/** The bytes with Content-Encoding undone: bodyLimit and bodyTimeout apply to what decoding produces. */
async function decoded(res: HttpResponse, bytes: Uint8Array, ok: (held: HeldBody) => Outcome): Promise<Outcome> {
  const header = res.headers.get('content-encoding');
  const codings = contentCodings(header);
  // The pass path: nothing encoded, nothing to do.
  if (codings.length === 0 || bytes.byteLength === 0) return ok({ type: 'bytes', bytes });
  const read = await decodeContent(bytes, codings, getConfig().bodyLimit);
  if ('bytes' in read) return ok({ type: 'bytes', bytes: read.bytes, decodedFrom: header });
  if ('unsupported' in read)
    return {
      ok: false,
      problem: `the body is encoded with ${quote(read.unsupported, 40)} (Content-Encoding: ${line(header ?? '', 100)}), which expect-http cannot decode here, so its ${formatBytes(bytes.byteLength)} were not checked. ${context(res)}\nAsk the server for a body it can read: send Accept-Encoding: gzip, deflate, br (or identity).`,
    };
  if (read.stopped === 'error')
    return {
      ok: false,
      problem: `the body could not be decoded (Content-Encoding: ${line(header ?? '', 100)}): ${line(describeError(read.error))}; ${formatBytes(bytes.byteLength)} had arrived, so it was not checked. ${context(res)}`,
    };
  return stoppedProblem(res, read, ` once decoded (Content-Encoding: ${line(header ?? '', 100)})`);
}

function stoppedProblem(
  res: HttpResponse,
  read: { stopped: 'limit' | 'timeout' | 'error'; received: number; error?: unknown },
  decoding = '',
): Outcome {
  if (read.stopped === 'limit') return { ok: false, problem: limitProblem(res, read.received, undefined, decoding) };
  if (read.stopped === 'timeout') return { ok: false, problem: timeoutProblem(res, read.received) };
  return {
    ok: false,
    problem: `reading the body failed after ${formatBytes(read.received)}: ${line(describeError(read.error))}. ${context(res)}`,
  };
}

function isConsumed(stream: Obj): boolean {
  return (
    stream.locked === true ||
    stream.bodyUsed === true ||
    stream.readableDidRead === true ||
    stream.readableEnded === true
  );
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Too deep for JSON.stringify, a cycle or a throwing toJSON: String() can throw for the same reasons.
    try {
      return String(value);
    } catch {
      return `[${typeof value}]`;
    }
  }
}

// Content-Length says at once what reading would find out after bodyLimit bytes.
function declaredTooLarge(res: HttpResponse): Outcome | undefined {
  const declared = Number(res.headers.get('content-length'));
  if (!Number.isSafeInteger(declared) || declared <= getConfig().bodyLimit) return undefined;
  return { ok: false, problem: limitProblem(res, undefined, declared) };
}

function limitProblem(res: HttpResponse, received: number | undefined, declared?: number, decoding = ''): string {
  const limit = getConfig().bodyLimit;
  const found =
    declared !== undefined
      ? `its Content-Length is ${formatBytes(declared)}`
      : `reading stopped after ${formatBytes(received ?? 0)}${decoding}`;
  return (
    `the body is larger than bodyLimit (${formatBytes(limit)}): ${found}, so it was not checked. ${context(res)}\n` +
    `To check bodies this large, raise the limit: configure({ bodyLimit: ${Math.max(limit * 2, declared ?? 0)} }) from 'expect-http' (in bytes).`
  );
}

function timeoutProblem(res: HttpResponse, received: number): string {
  const { bodyTimeout } = getConfig();
  const type = res.headers.get('content-type') ?? '';
  let why = /text\/event-stream/i.test(type)
    ? 'An event stream does not end by itself: assert on its status and headers instead.'
    : 'The server is still sending it, or holds the connection open (a stream or long poll).';
  if (res.subject === 'request') why = 'Its sender is still sending it (a stream that does not end).';
  return (
    `the body did not end within bodyTimeout (${bodyTimeout} ms); ${formatBytes(received)} had arrived, so it was not checked. ${context(res)}\n` +
    `${why} If the body is only slow, raise the limit: configure({ bodyTimeout: ${bodyTimeout * 4} }) from 'expect-http' (in ms).`
  );
}

function consumedProblem(res: HttpResponse): string {
  const what =
    res.bodySource()?.type === 'fetch'
      ? 'this fetch Response was already read (bodyUsed is true), e.g. by `await res.json()` before the matcher'
      : `the body stream of this ${res.clientName} was already read (by .json()/.text(), a 'data' listener or a for await loop)`;
  return (
    `${what}, so there is no body left to check.\n` +
    "Run the body matchers before reading the body yourself, and get the body afterwards from readBody(res) ('expect-http'): it returns the read the matchers share."
  );
}

function context(res: HttpResponse): string {
  const type = res.headers.get('content-type');
  // Received text goes through show.ts: escapeMessage alone would let an ESC [ … m colour sequence through.
  // A fetch Request has no status: its method stands there.
  const head =
    res.subject === 'request' ? `Request: ${res.request?.method ?? ''}` : `Response: ${statusLabel(res.status)}`;
  return `(${head}${type === undefined ? '' : `, Content-Type: ${line(type, 100)}`}.)`;
}

// undici 6 (Node 20 and 22) makes a WeakRef to both streams of every clone(), and V8 keeps a WeakRef's target
// alive until the microtask queue drains. Tests on in-process Responses (msw, `new Response`) never let it
// drain, so every clone in a test file, and the unread body it tees, would stay in memory until the file ends.
// One task turn after the read lets them go (bench/memory.bench.mjs). A MessageChannel, because fake timers
// replace setTimeout, setImmediate and process.nextTick; one channel, keeping Node's event loop alive only while
// a read waits on it. Only where it is needed: undici 7 and later (Node 24+), browsers, Bun and Deno skip the turn.
const undiciVersion = (globalThis as { process?: { versions?: { undici?: string } } }).process?.versions?.undici;
const bundledUndici6 = undiciVersion?.startsWith('6.') === true;
let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

function nextTask(): Promise<void> {
  if (!bundledUndici6 || typeof MessageChannel !== 'function') return Promise.resolve();
  if (channel === undefined) {
    const created = new MessageChannel();
    created.port1.onmessage = () => {
      waiting.shift()?.();
      if (waiting.length === 0) keepAlive(created.port1, false);
    };
    channel = created;
  }
  keepAlive(channel.port1, true);
  const { port2 } = channel;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port2.postMessage(null);
  });
}

/** Node's MessagePort ref()/unref(), called only if the port has them. */
function keepAlive(port: MessagePort, on: boolean): void {
  const node = port as MessagePort & { ref?: () => void; unref?: () => void };
  (on ? node.ref : node.unref)?.call(port);
}
