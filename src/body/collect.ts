import { isObject } from '../adapters/read.js';
import { getConfig } from '../config.js';

// Bounded reading of a body stream: a web ReadableStream or a Node Readable, to the end, the size cap
// (bodyLimit) or the time cap (bodyTimeout), whichever comes first.

type Obj = Record<PropertyKey, unknown>;

/** A stream opened for reading, or why it cannot be: not a stream at all, or already read by someone else. */
export type Opened =
  | { readonly state: 'none' }
  | { readonly state: 'consumed' }
  | { readonly state: 'open'; readonly chunks: ChunkSource };

export function openStream(stream: unknown): Opened {
  if (!isObject(stream)) return { state: 'none' };
  if (typeof stream.getReader === 'function') {
    if (stream.locked === true) return { state: 'consumed' };
    const reader = (stream.getReader as () => WebReader)();
    return { state: 'open', chunks: { next: () => reader.read(), stop: () => void reader.cancel().catch(ignore) } };
  }
  if (typeof stream[Symbol.asyncIterator] === 'function') {
    if (stream.bodyUsed === true || stream.readableDidRead === true || stream.readableEnded === true)
      return { state: 'consumed' };
    const iterator = (stream[Symbol.asyncIterator] as () => AsyncIterator<unknown>)();
    return {
      state: 'open',
      chunks: {
        next: () => iterator.next(),
        stop: () => {
          // destroy() ends the socket too; a stream without it is asked to stop through its iterator.
          if (!destroy(stream)) void iterator.return?.()?.catch(ignore);
        },
      },
    };
  }
  return { state: 'none' };
}

/** Ends a stream that will not be read (its Content-Length is over the cap): cancels it, or destroys it. */
export function discardStream(stream: unknown): void {
  if (!isObject(stream)) return;
  if (typeof stream.cancel === 'function') void (stream.cancel as () => Promise<void>)().catch(ignore);
  else destroy(stream);
}

interface WebReader {
  read(): Promise<IteratorResult<unknown>>;
  cancel(): Promise<void>;
}

export interface ChunkSource {
  next(): Promise<IteratorResult<unknown>>;
  /** Stops the stream for good: cancels the reader or destroys the Node stream. */
  stop(): void;
}

export type Collected =
  | { readonly bytes: Uint8Array; readonly partial?: true }
  | { readonly stopped: 'limit'; readonly received: number }
  | { readonly stopped: 'timeout'; readonly received: number }
  | { readonly stopped: 'error'; readonly received: number; readonly error: unknown };

export const TIMEOUT = Symbol('timeout');

// A stream whose reads settle at once (empty or 1-byte chunks from a pull() that never waits) keeps this loop on the
// microtask queue, where no timer can fire: neither ours nor the test runner's. So the clock is read on every chunk,
// and every YIELD_EVERY_MS the loop waits one task turn, letting timers (the runner's timeout too) run.
const YIELD_EVERY_MS = 20;

/** How an excerpt reads: its own time cap, and what arrived by either cap kept as a partial body. */
export interface ExcerptRead {
  readonly timeout: number;
}

/**
 * Reads chunks until the end, the size cap or the time cap, whichever comes first; never leaves a timer behind.
 * For an excerpt, the bytes that arrived before a cap are the result, marked partial, and the stream is stopped.
 */
export async function collectStream(
  source: ChunkSource,
  limit = getConfig().bodyLimit,
  excerpt?: ExcerptRead,
): Promise<Collected> {
  const bodyTimeout = excerpt?.timeout ?? getConfig().bodyTimeout;
  const deadline = Date.now() + bodyTimeout;
  let lastYield = Date.now();
  const buffer = new ChunkList();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), bodyTimeout);
  });
  try {
    for (;;) {
      const next = source.next();
      // Once the race is lost, this read is settled by stop(); its outcome no longer matters.
      next.catch(ignore);
      const step = await Promise.race([next, expired]);
      const now = Date.now();
      if (step === TIMEOUT || now >= deadline) {
        source.stop();
        if (excerpt !== undefined && buffer.size > 0) return { bytes: buffer.bytes(), partial: true };
        return { stopped: 'timeout', received: buffer.size };
      }
      if (step.done === true) break;
      const chunk = toBytes(step.value);
      if (buffer.size + chunk.byteLength > limit) {
        source.stop();
        if (excerpt === undefined) return { stopped: 'limit', received: buffer.size + chunk.byteLength };
        buffer.push(chunk.subarray(0, limit - buffer.size));
        return { bytes: buffer.bytes(), partial: true };
      }
      buffer.push(chunk);
      if (now - lastYield >= YIELD_EVERY_MS) {
        await taskTurn();
        lastYield = Date.now();
      }
    }
  } catch (error) {
    source.stop();
    return { stopped: 'error', received: buffer.size, error };
  } finally {
    clearTimeout(timer);
  }
  return { bytes: buffer.bytes() };
}

/**
 * The chunks read so far. Chunks from a socket (KBs each) are kept as they are, as before; small ones are copied
 * into shared blocks, so a million 1-byte chunks cost a few dozen blocks, not a million objects. The first chunk
 * waits for a second one before it is sorted: a body that arrives in one chunk (most small ones do) is copied only
 * if it is a view into a larger buffer it would otherwise keep alive.
 */
class ChunkList {
  readonly #chunks: Uint8Array[] = [];
  #first: Uint8Array | undefined;
  #block: Uint8Array | undefined;
  #blockUsed = 0;
  size = 0;

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    const first = this.#first;
    this.size += chunk.byteLength;
    if (this.size === chunk.byteLength) {
      this.#first = chunk;
      return;
    }
    if (first !== undefined) {
      this.#first = undefined;
      this.#add(first, first.byteLength);
    }
    this.#add(chunk, this.size);
  }

  bytes(): Uint8Array {
    const first = this.#first;
    if (first !== undefined)
      return first.byteLength >= SMALL_CHUNK || ownsItsBuffer(first) ? first : new Uint8Array(first);
    this.#seal();
    const chunks = this.#chunks;
    if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }

  /** Adds a chunk once `arrived` bytes have come (the size a new block is chosen by). */
  #add(chunk: Uint8Array, arrived: number): void {
    if (chunk.byteLength >= SMALL_CHUNK) {
      this.#seal();
      this.#chunks.push(chunk);
      return;
    }
    if (this.#block === undefined || this.#blockUsed + chunk.byteLength > this.#block.byteLength) {
      this.#seal();
      // Blocks grow with what has arrived (4 KiB, 8 KiB, … 64 KiB): a 600-byte body does not pay for a 64 KiB one.
      this.#block = new Uint8Array(Math.min(BLOCK, Math.max(FIRST_BLOCK, 2 ** Math.ceil(Math.log2(arrived)))));
    }
    this.#block.set(chunk, this.#blockUsed);
    this.#blockUsed += chunk.byteLength;
  }

  #seal(): void {
    // A block sealed while mostly empty (a large chunk came next) is copied out, so it does not hold on to that space.
    const block = this.#block;
    if (block !== undefined && this.#blockUsed > 0)
      this.#chunks.push(
        this.#blockUsed >= block.byteLength / 2 ? block.subarray(0, this.#blockUsed) : block.slice(0, this.#blockUsed),
      );
    this.#block = undefined;
    this.#blockUsed = 0;
  }
}

/** A chunk that is all of its buffer: keeping it keeps nothing more (a socket's chunk may be a view into 64 KiB). */
function ownsItsBuffer(chunk: Uint8Array): boolean {
  return chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
}

const SMALL_CHUNK = 1024;
const BLOCK = 64 * 1024;
const FIRST_BLOCK = 4 * 1024;

/** One turn of the event loop, on a MessageChannel: fake timers replace setTimeout and setImmediate, not this. */
function taskTurn(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function withTimeout<T>(promise: Promise<T>): Promise<T | typeof TIMEOUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), getConfig().bodyTimeout);
  });
  promise.catch(ignore);
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new TypeError(`the stream gave a chunk that is not bytes or text (${typeof value})`);
}

function destroy(stream: Obj): boolean {
  if (typeof stream.destroy !== 'function') return false;
  (stream.destroy as () => void)();
  return true;
}

function ignore(): void {}
