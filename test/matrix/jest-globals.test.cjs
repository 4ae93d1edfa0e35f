// Jest cell with `injectGlobals: false`: everything comes from @jest/globals, and the test extends
// expect itself with the package's `matchers`, as `expect-http/jest` tells such users to.
const { afterAll, beforeAll, describe, expect, test } = require('@jest/globals');
const api = require('expect-http');
const undici = require('undici');
const { defineMatrixSuite } = require('./suite.cjs');

// No msw here: msw 2.12+ depends on rettime, which ships as ESM only, and jest's CommonJS runtime can
// require ESM only under --experimental-vm-modules. The vitest cells cover msw 2 and 3.

expect.extend(api.matchers);
// What a user with injectGlobals: false writes, since expect-http/jest cannot reach this expect.
expect.addSnapshotSerializer(api.httpSnapshotSerializer);

defineMatrixSuite({
  snapshots: true,
  describe,
  test,
  beforeAll,
  afterAll,
  expect,
  api,
  libs: { undici },
});
