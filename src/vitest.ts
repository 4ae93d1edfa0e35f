// `import 'expect-http/vitest'` in a setupFiles file: extends vitest's expect and its types.
import { chai, expect } from 'vitest';
import type { HttpAsyncMatchers, HttpSyncMatchers } from './matcher-types.js';
import { matchers, syncMatcherNames } from './matchers/index.js';
import { httpSnapshotSerializer } from './snapshot/serializer.js';
import { addPassFastPath } from './vitest-fast-path.js';

expect.extend(matchers);
// A passing sync matcher skips expect.extend's per-call state; everything else takes that route (decisions/0008).
addPassFastPath(chai, expect, matchers, syncMatcherNames);
expect.addSnapshotSerializer(httpSnapshotSerializer);

// No type parameters on purpose: vitest 3.2-4 declare Matchers<T>, vitest 5 Matchers<R, T>, and a
// parameterless declaration merges with both. Async matchers go on Assertion only: never asymmetric.
// The declarations must reference 'vitest' themselves: without that, TypeScript does not merge the
// Assertion augmentation into vitest's (re-exported) Assertion, and the async matchers vanish from the types.
export type { Assertion as VitestAssertion } from 'vitest';

declare module 'vitest' {
  interface Matchers extends HttpSyncMatchers<void> {}
  interface Assertion extends HttpAsyncMatchers {}
}
