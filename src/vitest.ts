// `import 'expect-http/vitest'` in a setupFiles file: extends vitest's expect and its types.
import { expect } from 'vitest';
import type { HttpAsyncMatchers, HttpSyncMatchers } from './matcher-types.js';
import { matchers } from './matchers/index.js';

expect.extend(matchers);

// No type parameters on purpose: vitest 3.2-4 declare Matchers<T>, vitest 5 Matchers<R, T>, and a
// parameterless declaration merges with both. Async matchers go on Assertion only: never asymmetric.
declare module 'vitest' {
  interface Matchers extends HttpSyncMatchers<void> {}
  interface Assertion extends HttpAsyncMatchers {}
}
