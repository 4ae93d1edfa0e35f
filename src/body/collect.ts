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

/** Reads chunks until the end, the size cap or the time cap, whichever comes first; never leaves a timer behind. */
export async function collectStream(source: ChunkSource): Promise<Collected> {
  const { bodyLimit, bodyTimeout } = getConfig();
  const chunks: Uint8Array[] = [];
  let received = 0;
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
      if (step === TIMEOUT) {
        source.stop();
        return { stopped: 'timeout', received };
      }
      if (step.done === true) break;
      const chunk = toBytes(step.value);
      received += chunk.byteLength;
      if (received > bodyLimit) {
        source.stop();
        return { stopped: 'limit', received };
      }
      chunks.push(chunk);
    }
  } catch (error) {
    source.stop();
    return { stopped: 'error', received, error };
  } finally {
    clearTimeout(timer);
  }
  return { bytes: concat(chunks, received) };
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

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function destroy(stream: Obj): boolean {
  if (typeof stream.destroy !== 'function') return false;
  (stream.destroy as () => void)();
  return true;
}

function ignore(): void {}
