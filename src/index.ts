// expect-http: runner-agnostic API. `expect-http/vitest` and `expect-http/jest` wire these into a runner.

// Matchers, for expect.extend(matchers) in any runner with jest-compatible expect.
export { matchers } from './matchers/index.js';
export type { HttpAsyncMatchers, HttpMatchers, HttpSyncMatchers } from './matcher-types.js';
export type { StatusClassName } from './matchers/to-have-status-class.js';
export type { RedirectOptions } from './matchers/to-be-redirect-with-location.js';
export type { ContentTypeOptions, ContentTypeShorthand } from './matchers/to-have-content-type.js';
export type { CookieExpectation } from './matchers/to-have-cookie.js';
export type { StandardSchemaV1 } from './matchers/to-match-schema.js';
export type { GraphQLErrorExpectation } from './expectations/graphql.js';
// The whole response at once: toMatchResponse's expectation, checked and typed for reuse.
export { responseSpec } from './expectations/response.js';
export type { ResponseExpectation } from './matchers/to-match-response.js';

// Snapshots of responses as HTTP text, stable between runs (the vitest and jest entries register the serializer).
export { httpSnapshot, httpSnapshotSerializer } from './snapshot/serializer.js';
export type { SnapshotMasks } from './snapshot/masks.js';

// The status registry.
export { CLASS_NAMES, describeStatus, getStatus, listStatuses, statusClass, statusLabel } from './registry/index.js';
export type { StatusClass, StatusEntry } from './registry/index.js';

// Responses: one normalised view of every supported client's response.
export { HeaderList, HttpResponse, toHttpResponse } from './adapters/index.js';
export type { HeldBody, ResponseKind } from './adapters/index.js';
// Body reading: the one read the body matchers share, for the test to use after them.
export { readBody } from './body/read-body.js';
export type { ResponseBody } from './body/read-body.js';

// Configuration and errors.
export { configure, getConfig } from './config.js';
export type { HttpMatcherConfig } from './config.js';
export { HttpMatcherUsageError } from './errors.js';
export type { AsymmetricMatcher, MatcherContext, MatcherResult } from './types.js';
// Not exported: the message builders and the adapters' internals, which may change with any release.
