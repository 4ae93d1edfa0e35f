import { isAsymmetricMatcher, showArgument, type TextExpectation } from '../arguments.js';
import { parseMediaType } from '../body/media-type.js';
import { equals } from '../equality.js';
import { HttpMatcherUsageError } from '../errors.js';
import { matchesText } from '../text-match.js';
import type { AsymmetricMatcher, MatcherContext } from '../types.js';
import { describeJson, isPlainObject, type Obj } from './problem-details.js';

// What a GraphQL response body is (GraphQL spec §7.1, "Response"), and what the GraphQL matchers accept.

/** A body that has the shape of a GraphQL response: `data` and/or `errors`, and what breaks the spec in it. */
export interface GraphQLResponse {
  readonly hasData: boolean;
  readonly data: unknown;
  /** `errors` when it is a list; undefined when absent or not a list (then `problems` says so). */
  readonly errors: readonly unknown[] | undefined;
  readonly hasErrorsKey: boolean;
  /** Where the body breaks the GraphQL spec: the server's bug, whatever the test expected. */
  readonly problems: readonly string[];
}

/** The body as a GraphQL response, or why it is not one. */
export function graphqlResponse(value: unknown): GraphQLResponse | { readonly notGraphQL: string } {
  if (!isPlainObject(value))
    return {
      notGraphQL: `The body is ${describeJson(value)}, not a GraphQL response: a JSON object (GraphQL spec §7.1).`,
    };
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);
  if (!has('data') && !has('errors'))
    return {
      notGraphQL:
        'The body is a JSON object with neither "data" nor "errors": not a GraphQL response (GraphQL spec §7.1).',
    };
  const problems: string[] = [];
  const raw = value.errors;
  const errors = Array.isArray(raw) ? raw : undefined;
  if (has('errors') && errors === undefined)
    problems.push(`"errors" is ${describeJson(raw)}; it must be a non-empty list of errors (GraphQL spec §7.1.2).`);
  // The spec leaves "errors" out when there are none; `[]` is neither success nor failure, so neither matcher passes.
  if (errors?.length === 0)
    problems.push(
      '"errors" is an empty list: a server bug. The GraphQL spec (§7.1.2) requires "errors", if present, to hold at least one error, and leaves it out when there are none.',
    );
  const badError = errors?.findIndex((e) => !isPlainObject(e) || typeof e.message !== 'string') ?? -1;
  if (badError !== -1)
    problems.push(`errors[${badError}] has no "message" string; every error must have one (GraphQL spec §7.1.2).`);
  if (value.data === null && !(errors && errors.length > 0))
    problems.push(
      '"data" is null with no errors; the spec requires errors saying why there is no data (GraphQL spec §7.1.2).',
    );
  return { hasData: has('data'), data: value.data, errors, hasErrorsKey: has('errors'), problems };
}

/** The GraphQL-over-HTTP media types; their status codes mean different things. */
export function graphqlMedia(contentType: string | undefined): 'graphql-response' | 'json' | undefined {
  const media = parseMediaType(contentType);
  if (media?.type !== 'application') return undefined;
  if (media.subtype === 'graphql-response+json') return 'graphql-response';
  return media.subtype === 'json' ? 'json' : undefined;
}

/** What toHaveGraphQLErrors takes for one error: any of its members, a subset; `message` as text. */
export interface GraphQLErrorExpectation {
  message?: TextExpectation;
  path?: ReadonlyArray<string | number> | AsymmetricMatcher;
  locations?: ReadonlyArray<{ line: number; column: number }> | AsymmetricMatcher;
  extensions?: { code?: unknown; [member: string]: unknown } | AsymmetricMatcher;
}

/** One expected error: its `message` (string, RegExp or asymmetric), and any other members as a subset. */
export interface ExpectedError {
  readonly message: TextExpectation | undefined;
  readonly rest: Obj;
}

/** `expected` of toHaveGraphQLErrors: one partial error object or a non-empty list of them; else a usage error. */
export function expectedErrors(
  matcher: string,
  expected: unknown,
  caller: (...args: never[]) => unknown,
): ExpectedError[] {
  if (expected === undefined) return [];
  const list = Array.isArray(expected) ? expected : [expected];
  const usage = (problem: string): HttpMatcherUsageError => new HttpMatcherUsageError(matcher, problem, caller);
  if (list.length === 0)
    throw usage('expected must be an error or a non-empty list of errors; leave it out to expect any error.');
  return list.map((item, i) => {
    const where = Array.isArray(expected) ? `expected[${i}]` : 'expected';
    if (!isPlainObject(item) || isAsymmetricMatcher(item))
      throw usage(
        `${where} must be a partial error object, e.g. { message: /not found/, path: ['user'], extensions: { code: 'NOT_FOUND' } }; got ${showArgument(item)}.`,
      );
    const { message, ...rest } = item;
    if (
      message !== undefined &&
      typeof message !== 'string' &&
      !(message instanceof RegExp) &&
      !isAsymmetricMatcher(message)
    )
      throw usage(
        `${where}.message must be a string, a RegExp or an asymmetric matcher; got ${showArgument(message)}.`,
      );
    return { message, rest };
  });
}

/** The expected errors that no received error matches; errors may come in any order, extra ones are allowed. */
export function unmatchedErrors(
  ctx: MatcherContext,
  errors: readonly unknown[],
  expected: readonly ExpectedError[],
): ExpectedError[] {
  return expected.filter(
    (want) =>
      !errors.some(
        (error) =>
          isPlainObject(error) &&
          (want.message === undefined ||
            (typeof error.message === 'string' && matchesText(ctx, want.message, error.message))) &&
          equals(ctx, error, want.rest, 'subset'),
      ),
  );
}
