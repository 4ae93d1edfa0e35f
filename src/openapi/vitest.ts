// `import 'expect-http/openapi/vitest'` in a setupFiles file: extends vitest's expect with the OpenAPI matchers and types.
import { afterEach, expect } from 'vitest';
import type { OpenApiAsyncMatchers, OpenApiSyncMatchers } from './matcher-types.js';
import { openApiMatchers } from './index.js';
import { checkMocksAgainst as checkMocks, type MockContractChecks } from './mocks.js';

expect.extend(openApiMatchers);

/** As `checkMocksAgainst` from 'expect-http/openapi', with vitest's afterEach (no `globals: true` needed). */
export function checkMocksAgainst(server: unknown, sourceOrSpec: string | object): MockContractChecks {
  return checkMocks(server, sourceOrSpec, { afterEach });
}

// Parameterless, as in src/vitest.ts (decisions/0001): merges with vitest 3.2-4's Matchers<T> and vitest 5's Matchers<R, T>.
export type { Assertion as VitestAssertion } from 'vitest';

declare module 'vitest' {
  interface Matchers extends OpenApiSyncMatchers<void> {}
  interface Assertion extends OpenApiAsyncMatchers {}
}
