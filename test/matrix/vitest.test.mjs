// Vitest cells: the package as an ESM user loads it, `expect-http/vitest` registering the matchers.
import 'expect-http/vitest';
import { createRequire } from 'node:module';
import got from 'got';
import * as api from 'expect-http';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import * as undici from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Loaded by Node itself, not vitest's transform: the suite is CommonJS so that jest can share it.
const { defineMatrixSuite } = createRequire(import.meta.url)('./suite.cjs');

defineMatrixSuite({
  snapshots: true,
  describe,
  test,
  beforeAll,
  afterAll,
  expect,
  api,
  libs: { undici, got, msw: { http, HttpResponse, setupServer } },
});
