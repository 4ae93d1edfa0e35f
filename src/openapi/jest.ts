// `import 'expect-http/openapi/jest'` in a setupFilesAfterEnv file: extends jest's expect with the OpenAPI matchers.
import type { AsymmetricMatcher } from 'expect';
import type { OpenApiAsyncMatchers, OpenApiSyncMatchers } from './matcher-types.js';
import { openApiMatchers } from './index.js';

const jestExpect = (globalThis as { expect?: { extend?: (m: object) => void } }).expect;
if (typeof jestExpect?.extend !== 'function') {
  throw new Error(
    "expect-http/openapi/jest: no global expect to extend. Load it from jest's setupFilesAfterEnv, or with injectGlobals: false " +
      "call expect.extend(openApiMatchers) yourself: import { expect } from '@jest/globals'; import { openApiMatchers } from 'expect-http/openapi'.",
  );
}
jestExpect.extend(openApiMatchers);

// For `import { expect } from '@jest/globals'`.
declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown>
    extends OpenApiSyncMatchers<R>, OpenApiAsyncMatchers {}
  interface AsymmetricMatchers extends OpenApiSyncMatchers<AsymmetricMatcher<unknown>> {}
}

// For the global expect typed by @types/jest.
declare global {
  namespace jest {
    interface Matchers<R, T = {}> extends OpenApiSyncMatchers<R>, OpenApiAsyncMatchers {}
    interface Expect extends OpenApiSyncMatchers<void> {}
  }
}
