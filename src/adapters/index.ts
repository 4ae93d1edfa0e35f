import { HttpMatcherUsageError } from '../errors.js';
import { axios } from './axios.js';
import { fetchRequest } from './fetch-request.js';
import { fetchResponse } from './fetch-response.js';
import { got } from './got.js';
import { HeaderList } from './header-list.js';
import { nodeIncomingMessage } from './node-incoming-message.js';
import { plain } from './plain.js';
import { playwright } from './playwright.js';
import { diagnoseMistake } from './mistakes.js';
import { describeError, isObject } from './read.js';
import { supertest } from './supertest.js';
import type { Adapter, BodySource, HeldBody, ResponseDetails, ResponseKind } from './types.js';
import { undiciRequest } from './undici-request.js';

export { HeaderList } from './header-list.js';
export type { BodySource, HeldBody, ResponseKind } from './types.js';

// Most specific first: got's response is also an IncomingMessage, and anything with a status fits `plain`.
const ADAPTERS: readonly Adapter[] = [
  playwright,
  fetchResponse,
  fetchRequest,
  axios,
  got,
  undiciRequest,
  nodeIncomingMessage,
  supertest,
  plain,
];

// A Request is named only where it is accepted: the status matchers' list would mislead.
const ACCEPTED = `${ADAPTERS.filter((a) => a.subject === undefined)
  .map((a) => a.accepts)
  .join(', ')}, or a status code number`;

const REQUEST_MATCHERS =
  'toHaveHeader, toHaveContentType, toHaveJsonBody, toMatchJsonBody, toHaveTextBody, toMatchSchema, and toSatisfyApiSpec (expect-http/openapi)';

/**
 * One response, whatever client produced it. The status is read at once; everything else only when a
 * message or a header matcher asks, so a passing status assertion costs a few property reads.
 */
export class HttpResponse {
  #details: ResponseDetails | undefined;
  readonly #adapter: Adapter | undefined;
  readonly #target: Record<PropertyKey, unknown> | undefined;
  readonly kind: ResponseKind;

  constructor(
    /**
     * 0 only for fetch's opaque-redirect and network-error responses; NaN for a fetch Request, which has none (only
     * the matchers that opt in with `requests: true` see one); otherwise 100–599.
     */
    readonly status: number,
    /** The object the client returned. */
    readonly source: unknown,
    /** The adapter that recognised it, and the response it reads (an error's `response`, or the source). */
    adapter?: Adapter,
    target?: Record<PropertyKey, unknown>,
  ) {
    this.#adapter = adapter;
    this.#target = target;
    this.kind = adapter?.kind ?? 'status-code';
  }

  /** `'request'` for a fetch Request (what a client sends): messages say "request" and show no status. */
  get subject(): 'response' | 'request' {
    return this.#adapter?.subject ?? 'response';
  }

  get details(): ResponseDetails {
    return (this.#details ??= this.#readDetails());
  }

  #readDetails(): ResponseDetails {
    if (this.#adapter === undefined || this.#target === undefined) return { headers: new HeaderList() };
    try {
      return this.#adapter.details(this.#target);
    } catch (error) {
      // A getter that throws while we collect evidence must not hide the verdict.
      return { headers: new HeaderList(), statusText: `(could not read the response: ${describeError(error)})` };
    }
  }

  /** Where the body is, when the response does not hold it: what the body module reads. */
  bodySource(): BodySource | undefined {
    return this.#target === undefined ? undefined : this.#adapter?.bodySource?.(this.#target);
  }
  /** What to call this response in a message ("undici.request() result"). */
  get clientName(): string {
    return this.#adapter?.name ?? 'status code';
  }
  /** This client's way to stop following redirects, for the "already followed" note. */
  get noFollowOption(): string | undefined {
    return this.#adapter?.noFollowOption;
  }
  /** Whether, in a browser, this client can never see Set-Cookie. */
  get hidesSetCookieInBrowsers(): boolean {
    return this.#adapter?.hidesSetCookieInBrowsers === true;
  }
  get statusText(): string | undefined {
    return this.details.statusText;
  }
  get headers(): HeaderList {
    return this.details.headers;
  }
  get url(): string | undefined {
    return this.details.url;
  }
  get request(): ResponseDetails['request'] {
    return this.details.request;
  }
  get redirected(): boolean {
    return this.details.redirected === true;
  }
  get type(): string | undefined {
    return this.details.type;
  }
  /** The body the object already holds (supertest, axios, got), if any. Streams are read by the body matchers. */
  get body(): HeldBody | undefined {
    return this.details.body;
  }
}

/**
 * Normalises any supported response (or a status code number) into one `HttpResponse`.
 * Throws `HttpMatcherUsageError` for anything else. Useful with a client the matchers do not know:
 * `expect(toHttpResponse({ status: r.code, headers: r.headers, body: r.text })).toHaveStatus(200)`.
 */
export function toHttpResponse(value: unknown): HttpResponse {
  return adapt('toHttpResponse', value, toHttpResponse);
}

/**
 * What the matchers call: as `toHttpResponse`, with the matcher's name in any usage error. With
 * `needs: 'headers'`, a bare status code (which has none) is a usage error too. A fetch Request is accepted only
 * with `requests: true` (the header and body matchers): elsewhere it is a usage error, since it has no status (a
 * string `requests` is this matcher's own reason).
 */
export function adapt(
  matcherName: string,
  value: unknown,
  caller: (...args: never[]) => unknown,
  options?: { needs?: 'headers'; requests?: true | string },
): HttpResponse {
  const res = adaptAny(matcherName, value, caller);
  if (res.subject === 'request' && options?.requests !== true) {
    throw new HttpMatcherUsageError(
      matcherName,
      options?.requests ??
        `received a fetch Request, which has no status: did you mean the response? A Request is what the client sends (the \`request\` an msw handler receives); check the response the client got with ${matcherName}, and the request with ${REQUEST_MATCHERS}.`,
      caller,
    );
  }
  if (options?.needs === 'headers' && res.kind === 'status-code') {
    throw new HttpMatcherUsageError(
      matcherName,
      `received the bare status code ${res.status}, which has no headers: pass the response itself.`,
      caller,
    );
  }
  // A browser's opaque redirect hides every header: `.not.toHaveHeader('location')` must not pass on it.
  if (options?.needs === 'headers' && res.type === 'opaqueredirect') {
    throw new HttpMatcherUsageError(
      matcherName,
      "received an opaque redirect (fetch with redirect: 'manual' in a browser), whose headers cannot be read: let fetch follow the redirect and assert on the final response, or check toBeRedirect().",
      caller,
    );
  }
  return res;
}

function adaptAny(matcherName: string, value: unknown, caller: (...args: never[]) => unknown): HttpResponse {
  if (isHttpResponse(value)) return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 100 || value > 599) {
      throw new HttpMatcherUsageError(
        matcherName,
        `received ${String(value)}, which is not an HTTP status code (a whole number from 100 to 599).`,
        caller,
      );
    }
    return new HttpResponse(value, value);
  }
  if (!isObject(value)) throw notAResponse(matcherName, value, caller);
  let adapter: Adapter | undefined;
  let rawStatus: unknown;
  let target = value;
  try {
    for (const candidate of ADAPTERS) {
      const unwrapped = candidate.unwrap?.(value);
      if (unwrapped === undefined) continue;
      if ('problem' in unwrapped) throw new HttpMatcherUsageError(matcherName, unwrapped.problem, caller);
      target = unwrapped.response;
      break;
    }
    adapter = ADAPTERS.find((a) => a.detect(target));
    rawStatus = adapter?.status(target);
  } catch (error) {
    if (error instanceof HttpMatcherUsageError) throw error;
    throw new HttpMatcherUsageError(
      matcherName,
      `reading the received value threw ${describeError(error)}\nReceived: ${describeValue(value)}`,
      caller,
    );
  }
  if (adapter === undefined) throw notAResponse(matcherName, value, caller);
  if (adapter.subject === 'request') return new HttpResponse(Number.NaN, value, adapter, target);
  const status = rawStatus;
  if (
    typeof status !== 'number' ||
    !Number.isInteger(status) ||
    ((status < 100 || status > 599) && !(adapter.allowsStatusZero === true && status === 0))
  ) {
    throw new HttpMatcherUsageError(
      matcherName,
      `received ${adapter.accepts.replace(/^an? /, 'a ')} whose status is ${safeString(status)}, not an HTTP status code (a whole number from 100 to 599).`,
      caller,
    );
  }
  return new HttpResponse(status, value, adapter, target);
}

/**
 * The response a client returned, as `HttpResponse`; undefined for anything else, never a throw. Unlike
 * `toHttpResponse`, it does not unwrap an axios or got error, and a plain `{ status }` object is not a response:
 * what the snapshot serializer uses to recognise responses among any values a snapshot holds.
 */
export function clientResponse(value: unknown): HttpResponse | undefined {
  if (isHttpResponse(value)) return value.kind === 'status-code' || value.kind === 'plain' ? undefined : value;
  if (!isObject(value)) return undefined;
  try {
    const adapter = ADAPTERS.find((a) => a.kind !== 'plain' && a.detect(value));
    const status = adapter?.status(value);
    if (adapter === undefined || typeof status !== 'number' || !Number.isInteger(status)) return undefined;
    return new HttpResponse(status, value, adapter, value);
  } catch {
    return undefined;
  }
}

function isHttpResponse(value: unknown): value is HttpResponse {
  try {
    return value instanceof HttpResponse;
  } catch {
    // A Proxy whose getPrototypeOf trap throws: not ours; the adapters' guarded reads say what it is.
    return false;
  }
}

function notAResponse(
  matcherName: string,
  value: unknown,
  caller: (...args: never[]) => unknown,
): HttpMatcherUsageError {
  // A likely mistake is named with its fix; only a value we cannot place gets the list of what is accepted.
  const mistake = diagnoseMistake(value);
  const problem = mistake ?? `received value must be an HTTP response: ${ACCEPTED}.\nReceived: ${describeValue(value)}`;
  return new HttpMatcherUsageError(matcherName, problem, caller);
}

/** A short, never-throwing description of any value, for usage errors. */
export function describeValue(value: unknown): string {
  try {
    if (value === null) return 'null';
    if (typeof value === 'string')
      return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    if (typeof value === 'symbol' || typeof value === 'bigint') return `a ${typeof value} ${String(value)}`;
    if (typeof value === 'function') return `a function${value.name ? ` ${value.name}` : ''}`;
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value)) return `an array of ${value.length}`;
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    const keys = Object.keys(value);
    const shown = keys.slice(0, 6).join(', ') + (keys.length > 6 ? ', …' : '');
    return `${typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object'} with keys { ${shown} }`;
  } catch {
    return 'a value that could not be inspected';
  }
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return typeof value;
  }
}
