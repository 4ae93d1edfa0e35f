// `import 'expect-http/openapi/vitest'` in a setupFiles file: extends vitest's expect with the OpenAPI matchers and types.
import { expect } from 'vitest';
import type { OpenApiAsyncMatchers, OpenApiSyncMatchers } from './matcher-types.js';
import { openApiMatchers } from './index.js';

expect.extend(openApiMatchers);

// Parameterless, as in src/vitest.ts (decisions/0001): merges with vitest 3.2-4's Matchers<T> and vitest 5's Matchers<R, T>.
export type { Assertion as VitestAssertion } from 'vitest';

declare module 'vitest' {
  interface Matchers extends OpenApiSyncMatchers<void> {}
  interface Assertion extends OpenApiAsyncMatchers {}
}
