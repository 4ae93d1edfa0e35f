import type { TextExpectation } from './arguments.js';
import type { RedirectOptions } from './matchers/to-be-redirect-with-location.js';
import type { StatusClassName } from './matchers/to-have-status-class.js';
import type { ContentTypeOptions, ContentTypeShorthand } from './matchers/to-have-content-type.js';
import type { CookieExpectation } from './matchers/to-have-cookie.js';
import type { AsymmetricMatcher } from './types.js';

/**
 * The synchronous matchers, shared by every runner's type augmentation. They read the status and
 * headers only, never a body stream, and work with or without `await`.
 * `R` is what a matcher call returns in the runner (`void`, or a Promise under `.resolves`).
 */
export interface HttpSyncMatchers<R = void> {
  /**
   * The status is exactly `expected`: a code, any code of a list, or an asymmetric matcher.
   * @example expect(res).toHaveStatus(201)
   * @example expect(res).toHaveStatus([200, 204])
   */
  toHaveStatus(expected: number | readonly number[] | AsymmetricMatcher): R;
  /**
   * The status is in a class: `2`, `'2xx'` or `'successful'` (and likewise for 1-5).
   * @example expect(res).toHaveStatusClass('4xx')
   */
  toHaveStatusClass(cls: StatusClassName): R;
  /**
   * The status is 1xx.
   * @example expect(res).toBeInformational()
   */
  toBeInformational(): R;
  /**
   * The status is 2xx.
   * @example expect(res).toBeSuccessful()
   */
  toBeSuccessful(): R;
  /**
   * The status is 3xx (including fetch's opaque redirects).
   * @example expect(res).toBeRedirect()
   */
  toBeRedirect(): R;
  /**
   * The status is 4xx. Also takes an AxiosError, which axios throws for 4xx by default.
   * @example expect(res).toBeClientError()
   */
  toBeClientError(): R;
  /**
   * The status is 5xx.
   * @example expect(res).toBeServerError()
   */
  toBeServerError(): R;
  /**
   * The status is 300, 301, 302, 303, 307 or 308 with a Location header; `location` is compared with
   * the Location resolved against the response URL, so `'/login'` matches `Location: http://host/login`.
   * @example expect(res).toBeRedirectWithLocation('/login', { status: 303 })
   */
  toBeRedirectWithLocation(location?: TextExpectation, options?: RedirectOptions): R;
  /**
   * The response has the header `name` (case-insensitive), and when `expected` is given its value matches:
   * a string exactly (ignoring surrounding spaces), a RegExp, or an asymmetric matcher. A repeated header is
   * compared as its values joined with `, `; Set-Cookie passes when any one line matches.
   * Values of secret headers (Authorization, Set-Cookie, *-token, …) never appear in the message.
   * @example expect(res).toHaveHeader('x-request-id')
   * @example expect(res).toHaveHeader('Cache-Control', /no-store/)
   */
  toHaveHeader(name: string, expected?: TextExpectation): R;
  /**
   * The Content-Type's media type (parameters ignored, case-insensitive) is `expected`: a shorthand
   * (`'json'` also matches any `+json` type such as application/problem+json), a media type such as
   * `'application/pdf'` or `'image/*'`, or a RegExp tested against the whole header. `options.charset`
   * also checks the charset parameter, case-insensitively.
   * @example expect(res).toHaveContentType('json')
   * @example expect(res).toHaveContentType('text/html', { charset: 'utf-8' })
   */
  toHaveContentType(expected: ContentTypeShorthand | (string & {}) | RegExp, options?: ContentTypeOptions): R;
  /**
   * The response sets the cookie `name` (exact, case-sensitive) in a Set-Cookie header, and it has every
   * attribute in `expected`. Cookie values never appear in the message, only their length.
   * @example expect(res).toHaveCookie('session')
   * @example expect(res).toHaveCookie('session', { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })
   */
  toHaveCookie(name: string, expected?: CookieExpectation): R;
}

/** The asynchronous (body) matchers: instance-only, always awaited. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HttpAsyncMatchers {}

/** Every matcher. */
export interface HttpMatchers<R = void> extends HttpSyncMatchers<R>, HttpAsyncMatchers {}
