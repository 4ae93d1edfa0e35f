import type { HeaderList } from './header-list.js';

/** The response kinds the adapters recognise. */
export type ResponseKind =
  | 'fetch'
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
  | { readonly type: 'bytes'; readonly bytes: Uint8Array }
  | { readonly type: 'value'; readonly value: unknown };

/** Everything but the status, computed only when a message or a header matcher needs it. */
export interface ResponseDetails {
  readonly statusText?: string | undefined;
  readonly headers: HeaderList;
  /** The final URL of the response (after redirects, where the client followed them). */
  readonly url?: string | undefined;
  readonly request?: { readonly method?: string | undefined; readonly url?: string | undefined } | undefined;
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
  /** Words for the usage error: what this adapter accepts. */
  readonly accepts: string;
  /** Duck typing only: `instanceof` breaks across realms and between undici's and Node's classes. */
  detect(value: Record<PropertyKey, unknown>): boolean;
  /**
   * For a client that throws on 4xx/5xx (axios, got): the response its error carries, or, for an error
   * with no response (ECONNREFUSED, a timeout), the problem in words. undefined: not this client's error.
   */
  unwrap?(value: Record<PropertyKey, unknown>): Unwrapped | undefined;
  status(value: Record<PropertyKey, unknown>): unknown;
  details(value: Record<PropertyKey, unknown>): ResponseDetails;
}

/** What `Adapter.unwrap` found in a client's error. */
export type Unwrapped = { readonly response: Record<PropertyKey, unknown> } | { readonly problem: string };
