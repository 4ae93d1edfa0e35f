// expect-http/openapi: contract matchers against an OpenAPI 3.0/3.1/3.2 or Swagger 2.0 document. Loads ajv,
// ajv-formats and yaml (optional peer dependencies), which the core entries never do.
import { guardAwait } from '../await-guard.js';
import { toSatisfyApiSpec } from './matchers/to-satisfy-api-spec.js';
import { toSatisfySchemaInApiSpec } from './matchers/to-satisfy-schema-in-api-spec.js';

/** The OpenAPI matchers, for `expect.extend(openApiMatchers)` in any runner with jest-compatible expect. */
export const openApiMatchers = {
  toSatisfySchemaInApiSpec,
  // Under vitest a forgotten `await` fails its own test, as with the core body matchers.
  toSatisfyApiSpec: guardAwait(toSatisfyApiSpec),
};

export { loadApiSpec, useApiSpec, ApiSpec } from './spec/api-spec.js';
export type { ApiSpecOptions } from './options.js';
export type { OpenApiAsyncMatchers, OpenApiMatchers, OpenApiSyncMatchers } from './matcher-types.js';
export { checkMocksAgainst } from './mocks.js';
export type { CheckMocksOptions, MockContractChecks } from './mocks.js';
