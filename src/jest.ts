// `import 'expect-http/jest'` in a setupFilesAfterEnv file: extends jest's expect and its types.
import type { AsymmetricMatcher } from 'expect';
import type { HttpAsyncMatchers, HttpSyncMatchers } from './matcher-types.js';
import { matchers } from './matchers/index.js';
import { httpSnapshotSerializer } from './snapshot/serializer.js';

const jestExpect = (
  globalThis as { expect?: { extend?: (m: object) => void; addSnapshotSerializer?: (s: object) => void } }
).expect;
if (typeof jestExpect?.extend !== 'function') {
  throw new Error(
    "expect-http/jest: no global expect to extend. Load it from jest's setupFilesAfterEnv, or with injectGlobals: false " +
      "call expect.extend(matchers) yourself: import { expect } from '@jest/globals'; import { matchers } from 'expect-http'.",
  );
}
jestExpect.extend(matchers);
// Absent only where jest-snapshot is not loaded (expect used without jest's runner): no snapshots to serialize then.
jestExpect.addSnapshotSerializer?.(httpSnapshotSerializer);

// For `import { expect } from '@jest/globals'`.
declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends HttpSyncMatchers<R>, HttpAsyncMatchers {}
  interface AsymmetricMatchers extends HttpSyncMatchers<AsymmetricMatcher<unknown>> {}
}

// For the global expect typed by @types/jest.
declare global {
  namespace jest {
    interface Matchers<R, T = {}> extends HttpSyncMatchers<R>, HttpAsyncMatchers {}
    interface Expect extends HttpSyncMatchers<void> {}
  }
}
