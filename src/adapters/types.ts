import type { HeaderList } from './header-list.js';

/** The kinds the adapters recognise: responses, and the one request kind the header and body matchers accept. */
export type ResponseKind =
  | 'fetch'
  | 'fetch-request'
  | 'undici-request'
  | 'node-incoming-message'
  | 'supertest'
  | 'axios'
  | 'got'
  | 'playwright'
  | 'status-code'
  | 'plain';

/**
 * A body the response object already holds, so it can be shown without reading a stream:
 * supertest's `text`, axios's `data`, got's `body`.
 */
export type HeldBody =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'bytes';
      readonly bytes: Uint8Array;
      /** The Content-Encoding these bytes were decoded from (gzip, br), where expect-http decoded them. */
      readonly decodedFrom?: string | undefined;
      /** Only the start of the body: what an excerpt read before its cap (64 KiB or 1 s). */
      readonly partial?: boolean | undefined;
    }
  | { readonly type: 'value'; readonly value: unknown };

/** Everything but the status, computed only when a message or a header matcher needs it. */
export interface ResponseDetails {
  readonly statusText?: string | undefined;
  readonly headers: HeaderList;
  /** The final URL of the response (after redirects, where the client followed them). */
  readonly url?: string | undefined;
  readonly request?:
    | {
        readonly method?: string | undefined;
        readonly url?: string | undefined;
        /** The request body as the client kept it (a string, or the value it serialised), where it keeps one. */
        readonly body?: unknown;
      }
    | undefined;
  /** Headers of the request, used only to know which secrets to keep out of messages. */
  readonly requestHeaders?: HeaderList | undefined;
  /** true when the client followed one or more redirects to get this response. */
  readonly redirected?: boolean | undefined;
  /** fetch's `Response.type` (`'basic'`, `'cors'`, `'opaqueredirect'`, …). */
  readonly type?: string | undefined;
  readonly body?: HeldBody | undefined;
}

/** How one kind of response is recognised and read. */
export interface Adapter {
  readonly kind: ResponseKind;
  /** `'request'`: what a client sends (a fetch Request), which has no status; matchers opt in to it. */
  readonly subject?: 'request';
  /** Words for the usage error: what this adapter accepts. */
  readonly accepts: string;
  /** What to call one of its responses in a message: `this ${name}`. */
  readonly name: string;
  /** Duck typing only: `instanceof` breaks across realms and between undici's and Node's classes. */
  detect(value: Record<PropertyKey, unknown>): boolean;
  /**
   * For a client that throws on 4xx/5xx (axios, got): the response its error carries, or, for an error
   * with no response (ECONNREFUSED, a timeout), the problem in words. undefined: not this client's error.
   */
  unwrap?(value: Record<PropertyKey, unknown>): Unwrapped | undefined;
  status(value: Record<PropertyKey, unknown>): unknown;
  details(value: Record<PropertyKey, unknown>): ResponseDetails;
  /** Where the body is when the response does not hold it (`details().body`); undefined: no body to read. */
  bodySource?(value: Record<PropertyKey, unknown>): BodySource | undefined;
  /** How to make this client stop following redirects, for "the client already followed it" notes. */
  readonly noFollowOption?: string;
  /** fetch's opaque-redirect and network-error responses have status 0; no other client's do. */
  readonly allowsStatusZero?: boolean;
  /** In a browser, this client can never see Set-Cookie (a forbidden response-header name). */
  readonly hidesSetCookieInBrowsers?: boolean;
}

/**
 * Where a body the response does not hold can be read, and how:
 * - `stream`: a single-use stream (a web ReadableStream or a Node Readable), read once and cached, and decoded
 *   when the client leaves Content-Encoding to us (`encoded`);
 * - `fetch`: a WHATWG Response, read through `clone()` so the user's stays unread;
 * - `bytes`: a method that resolves to the bytes (Playwright's `body()`).
 */
export type BodySource =
  | {
      readonly type: 'stream';
      readonly stream: unknown;
      /** The stream gives the bytes as sent, Content-Encoding not undone (http.IncomingMessage, undici.request). */
      readonly encoded?: boolean;
    }
  | { readonly type: 'fetch'; readonly response: Record<PropertyKey, unknown> }
  | { readonly type: 'bytes'; readonly read: () => Promise<unknown> };

/** What `Adapter.unwrap` found in a client's error. */
export type Unwrapped = { readonly response: Record<PropertyKey, unknown> } | { readonly problem: string };

/** The request kinds whose sent request can be checked against a contract (toSatisfyApiSpec). */
export type RequestKind = 'fetch-request' | 'supertest-request' | 'axios-config' | 'got-request';

/** A request as its client sent it: what a contract check reads. */
export interface SentRequest {
  /** Uppercased. */
  readonly method: string;
  /** Absolute, query included, as it went out. */
  readonly url: string;
  readonly headers: HeaderList;
  /** The body as sent, as text ('' when there was none). */
  readonly text: string;
}

/** How one client's record of a request it sent is recognised and read. */
export interface RequestAdapter {
  readonly kind: RequestKind;
  /** Words for usage errors: what to pass, e.g. "a supertest response's `res.request`". */
  readonly accepts: string;
  /** What to call it in a message: `this ${name}`. */
  readonly name: string;
  detect(value: Record<PropertyKey, unknown>): boolean;
  /**
   * Why this request cannot be checked (never sent, a body the client does not keep), or its view. `readStream` reads
   * a body the request holds as a stream (a fetch Request's) the bounded, shared way the body matchers do.
   */
  read(
    value: Record<PropertyKey, unknown>,
    readStream: () => Promise<string>,
  ): SentRequest | string | Promise<SentRequest | string>;
}
