import type { HeldBody, HttpResponse } from '../adapters/index.js';
import { isObject } from '../adapters/read.js';
import { HttpMatcherUsageError } from '../errors.js';
import { collectStream, openStream, TIMEOUT } from './collect.js';
import { bodyOf, settledBody, shownBody } from './read-body.js';

// The body of a failing status, header or cookie assertion, for the message: read only when the assertion has
// failed, only as far as an excerpt needs, and never so that the test loses the body.

/** How much of an unread body a failure reads, and for how long: a stalled body must not hold the test. */
export const EXCERPT_BYTES = 64 * 1024;
export const EXCERPT_TIME_MS = 1000;

/** What a failure can show of the body: the body, or one line on why it is not there. */
export type BodyToShow = { readonly body: HeldBody } | { readonly missing: string };

const read = new WeakMap<object, BodyToShow>();

/**
 * The body a failure can show without reading anything: the one the client holds (supertest, axios, got), the one
 * `readBody` or a body matcher already read, or the excerpt an earlier failing assertion read.
 */
export function bodyToShow(res: HttpResponse): BodyToShow | undefined {
  if (res.kind === 'status-code' || !isObject(res.source)) return undefined;
  const held = res.body ?? settledBody(res);
  if (held !== undefined) return { body: held };
  return read.get(res.source);
}

/**
 * For a failing assertion on a body nobody has read: reads an excerpt, so the message can show it. undefined
 * when there is nothing to read (no body, or one already at hand). The read keeps the body for the test:
 *
 * - a fetch `Response` is read through a clone, to 64 KiB or 1 s, and the clone is cancelled;
 * - Playwright's `APIResponse` keeps its body, and hands a copy;
 * - a single-use stream (undici.request, http.IncomingMessage) is read through the cache `readBody` shares,
 *   whole, within bodyLimit and bodyTimeout: once touched, it must stay readable through `readBody(res)`. The
 *   failure waits 1 s for it; past that, the read goes on for `readBody` and the message says why no body.
 */
export function readExcerpt(res: HttpResponse): Promise<void> | undefined {
  if (bodyToShow(res) !== undefined || !isObject(res.source)) return undefined;
  const source = res.bodySource();
  if (source === undefined) return undefined;
  const key = res.source;
  const done = (shown: BodyToShow): void => void read.set(key, shown);
  if (source.type === 'stream') return withinTime(bodyOf('readBody', res).then((body) => shownBody(body))).then(done);
  if (source.type === 'bytes') return withinTime(source.read().then(toHeld)).then(done);
  const response = source.response;
  if (response.body === null || response.body === undefined || res.status === 0) return undefined;
  if (response.bodyUsed === true || (isObject(response.body) && response.body.locked === true)) {
    done({ missing: 'its body was already read elsewhere (response.json(), .text() or a stream reader).' });
    return Promise.resolve();
  }
  const copy = (response.clone as () => Record<PropertyKey, unknown>)();
  const opened = openStream(copy.body);
  if (opened.state !== 'open') return undefined;
  return collectStream(opened.chunks, EXCERPT_BYTES, { timeout: EXCERPT_TIME_MS }).then((collected) =>
    done(
      'bytes' in collected
        ? { body: { type: 'bytes', bytes: collected.bytes, partial: collected.partial === true } }
        : { missing: `no byte of it arrived within ${EXCERPT_TIME_MS} ms.` },
    ),
  );
}

function toHeld(value: unknown): HeldBody {
  return ArrayBuffer.isView(value)
    ? { type: 'bytes', bytes: new Uint8Array(value.buffer, value.byteOffset, value.byteLength) }
    : { type: 'value', value };
}

/** The body within the excerpt's time, or the reason it is not shown; a usage error's reason is kept. */
async function withinTime(reading: Promise<HeldBody>): Promise<BodyToShow> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), EXCERPT_TIME_MS);
  });
  try {
    const outcome = await Promise.race([reading, expired]);
    if (outcome === TIMEOUT)
      return { missing: `it had not ended within ${EXCERPT_TIME_MS} ms (the read goes on for readBody(res)).` };
    return { body: outcome };
  } catch (error) {
    const reason = error instanceof HttpMatcherUsageError ? error.message.replace(/^readBody: /, '') : String(error);
    return { missing: reason };
  } finally {
    clearTimeout(timer);
    reading.catch(() => {}); // settled after the race is lost: its outcome is the cache's, not ours
  }
}
