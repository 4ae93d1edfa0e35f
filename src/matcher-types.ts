import type { TextExpectation } from './arguments.js';
import type { RedirectOptions } from './matchers/to-be-redirect-with-location.js';
import type { StandardSchemaV1 } from './matchers/to-match-schema.js';
import type { StatusClassName } from './matchers/to-have-status-class.js';
import type { ContentTypeOptions, ContentTypeShorthand } from './matchers/to-have-content-type.js';
import type { CookieExpectation } from './matchers/to-have-cookie.js';
import type { AsymmetricMatcher } from './types.js';
import type { GraphQLErrorExpectation } from './expectations/graphql.js';
import type { ResponseExpectation } from './matchers/to-match-response.js';

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

/**
 * The asynchronous (body) matchers: instance-only, always awaited. They read the body once per response
 * (a fetch Response through `clone()`, so the test can still read it; other streams via `readBody`),
 * bounded by `bodyLimit` and `bodyTimeout` from `configure()`.
 */
export interface HttpAsyncMatchers {
  /**
   * The body is JSON and, when `expected` is given, equals it as `toEqual` would (asymmetric matchers
   * work inside). Without `expected`, only that the body is valid JSON. When it is not JSON, the message
   * says what it is instead (an HTML error page, empty, binary) rather than showing a SyntaxError.
   * @example await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) })
   * @example await expect(res).toHaveJsonBody()
   */
  toHaveJsonBody(expected?: unknown): Promise<void>;
  /**
   * The body is JSON that contains `subset`, with `toMatchObject` semantics: extra members are ignored,
   * arrays must match element by element.
   * @example await expect(res).toMatchJsonBody({ user: { role: 'admin' } })
   */
  toMatchJsonBody(subset: object): Promise<void>;
  /**
   * The body, as text, is exactly `expected` (a string), or a RegExp finds a match in it, or an
   * asymmetric matcher accepts it.
   * @example await expect(res).toHaveTextBody('OK')
   * @example await expect(res).toHaveTextBody(/<title>Sign in<\/title>/)
   */
  toHaveTextBody(expected: TextExpectation): Promise<void>;
  /**
   * The body is JSON that a Standard Schema (zod, valibot, arktype, …) accepts; the message lists each
   * issue with its path, e.g. `items[2].price: Expected number, received string`.
   * @example await expect(res).toMatchSchema(z.object({ id: z.number(), items: z.array(Item) }))
   */
  toMatchSchema(schema: StandardSchemaV1): Promise<void>;
  /**
   * The response is RFC 9457 problem details: Content-Type application/problem+json, a JSON object body
   * whose standard members have the right types (`status`, if present, equal to the response status;
   * `type` and `instance` URI references), and, when `expected` is given, those members (a subset;
   * an absent `type` counts as `'about:blank'`).
   * @example await expect(res).toBeProblemDetails({ type: 'https://example.com/probs/out-of-credit', title: expect.any(String) })
   */
  toBeProblemDetails(expected?: object): Promise<void>;
  /**
   * A GraphQL response that succeeded: the JSON body (application/json or application/graphql-response+json)
   * has `data` and no `errors` key, and `data` contains `subset` (`toMatchObject` semantics). An empty
   * `errors: []` breaks the GraphQL spec and fails. The message lists the errors with their paths and
   * locations, and what the status means for the media type (GraphQL over HTTP).
   * @example await expect(res).toHaveGraphQLData({ user: { id: '7', name: expect.any(String) } })
   */
  toHaveGraphQLData(subset?: object): Promise<void>;
  /**
   * A GraphQL response with errors (a non-empty `errors` list), and, when `expected` is given, for each expected
   * error one received error that matches it, in any order; extra errors are allowed. An expected error is a
   * subset of the error's members; `message` is a string (exact), a RegExp or an asymmetric matcher.
   * @example await expect(res).toHaveGraphQLErrors({ message: /not found/, path: ['user'], extensions: { code: 'NOT_FOUND' } })
   * @example await expect(res).toHaveGraphQLErrors([{ path: ['a'] }, { path: ['b'] }])
   */
  toHaveGraphQLErrors(expected?: GraphQLErrorExpectation | readonly GraphQLErrorExpectation[]): Promise<void>;
  /**
   * Every part `expected` names matches, and a failure lists every part that differs in one message:
   * `status` (a code, a list, a class such as `'2xx'`, an asymmetric matcher), `headers` (a subset, names in any
   * case), `contentType`, `cookies` (name → as toHaveCookie takes it), `json` (a subset; the exact body with
   * `exact: true`), `text` and `schema` (a Standard Schema). Always async; the body is read only for json, text
   * or schema. Under `.not` it passes when any part differs.
   * @example await expect(res).toMatchResponse({ status: 201, headers: { location: /^\/users\/\d+$/ }, json: { id: expect.any(Number) } })
   * @example const created = responseSpec({ status: 201, contentType: 'json' }); await expect(res).toMatchResponse(created)
   */
  toMatchResponse(expected: ResponseExpectation): Promise<void>;
}

/** Every matcher. */
export interface HttpMatchers<R = void> extends HttpSyncMatchers<R>, HttpAsyncMatchers {}
