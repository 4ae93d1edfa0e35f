// Jest cell with the global `expect`, extended by `expect-http/jest` from setupFilesAfterEnv: the CJS build.
const api = require('expect-http');
const undici = require('undici');
const { defineMatrixSuite } = require('./suite.cjs');

// No msw here: msw 2.12+ depends on rettime, which ships as ESM only, and jest's CommonJS runtime can
// require ESM only under --experimental-vm-modules. The vitest cells cover msw 2 and 3.

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
