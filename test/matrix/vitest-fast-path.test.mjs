// Vitest cells: the pass fast path that `expect-http/vitest` installs, on the packed package, both routes compared
// (fast-path.suite.mjs). Importing the entry leaves its hybrid methods on chai's Assertion prototype.
import 'expect-http/vitest';
import { matchers } from 'expect-http';
import { afterAll, afterEach, beforeAll, chai, describe, expect, test } from 'vitest';
import { defineFastPathSuite } from './fast-path.suite.mjs';

defineFastPathSuite({
  describe,
  test,
  beforeAll,
  afterAll,
  afterEach,
  expect,
  chai,
  matchers,
  hybrid: () => {},
});
