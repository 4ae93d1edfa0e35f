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
  | { readonly bytes: Uint8Array }
  | { readonly stopped: 'limit'; readonly received: number }
  | { readonly stopped: 'timeout'; readonly received: number }
  | { readonly stopped: 'error'; readonly received: number; readonly error: unknown };

export const TIMEOUT = Symbol('timeout');

// A stream whose reads settle at once (empty or 1-byte chunks from a pull() that never waits) keeps this loop on the
// microtask queue, where no timer can fire: neither ours nor the test runner's. So the clock is read on every chunk,
// and every YIELD_EVERY_MS the loop waits one task turn, letting timers (the runner's timeout too) run.
const YIELD_EVERY_MS = 20;

/** Reads chunks until the end, the size cap or the time cap, whichever comes first; never leaves a timer behind. */
export async function collectStream(source: ChunkSource, limit = getConfig().bodyLimit): Promise<Collected> {
  const { bodyTimeout } = getConfig();
  const deadline = Date.now() + bodyTimeout;
  let lastYield = Date.now();
  // One growing buffer, not a list of chunks: a million 1-byte chunks cost a million objects otherwise.
  const buffer = new GrowingBuffer(limit);
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
        return { stopped: 'timeout', received: buffer.size };
      }
      if (step.done === true) break;
      const chunk = toBytes(step.value);
      if (buffer.size + chunk.byteLength > limit) {
        source.stop();
        return { stopped: 'limit', received: buffer.size + chunk.byteLength };
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

/** Bytes appended into one buffer that doubles as needed, never past `max`. */
class GrowingBuffer {
  #data = new Uint8Array(0);
  #first: Uint8Array | undefined;
  size = 0;

  constructor(private readonly max: number) {}

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    // The common case, one chunk, is kept as it is: no copy.
    if (this.size === 0) {
      this.#first = chunk;
      this.size = chunk.byteLength;
      return;
    }
    const needed = this.size + chunk.byteLength;
    if (this.#first !== undefined || needed > this.#data.byteLength) {
      const grown = new Uint8Array(
        Math.min(Math.max(needed, this.#data.byteLength * 2, 4096), Math.max(this.max, needed)),
      );
      grown.set(this.#first ?? this.#data.subarray(0, this.size));
      this.#data = grown;
      this.#first = undefined;
    }
    this.#data.set(chunk, this.size);
    this.size = needed;
  }

  bytes(): Uint8Array {
    return this.#first ?? this.#data.subarray(0, this.size);
  }
}

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
