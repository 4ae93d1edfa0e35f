// Deno cell: `deno test` runs the same suite as the Node cells (suite.cjs: every exported matcher, pass,
// fail with its message text, .not, usage errors, readBody) in Deno's runtime, over Deno's fetch, against
// a real node:http server (Deno's) on 127.0.0.1. The package and `expect` come from node_modules, where
// npm installed them from the packed tarball and the registry.
//
// The expect is jest's standalone `expect` package: Deno's own @std/expect is published only on JSR, and
// its `expect.extend` would not fit anyway (it calls a matcher as `matcher(context, ...args)`, with the
// received value in `context.value`, and does not await a returned promise).
import { createRequire } from 'node:module';
import { expect } from 'expect';
import * as api from 'expect-http';

// CommonJS, shared with jest: loaded through Deno's require.
const { defineMatrixSuite } = createRequire(import.meta.url)('./suite.cjs');

expect.extend(api.matchers);

// The suite declares itself with describe/test/beforeAll/afterAll; Deno.test has none of the hooks, so
// the declarations are collected and registered as one Deno.test each, in order: the first to run sets
// up (the server), the last tears down whatever happened before it. The server lives across tests, so
// Deno's per-test resource and op sanitizers are off.
const names = [];
const tests = [];
const setUps = [];
const tearDowns = [];

defineMatrixSuite({
  describe(name, body) {
    names.push(name);
    try {
      body();
    } finally {
      names.pop();
    }
  },
  test(name, fn) {
    tests.push({ name: [...names, name].join(' > '), fn });
  },
  beforeAll: (fn) => setUps.push(fn),
  afterAll: (fn) => tearDowns.push(fn),
  expect,
  api,
  libs: {},
});

let ready;
tests.forEach(({ name, fn }, index) => {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      try {
        ready ??= (async () => {
          for (const setUp of setUps) await setUp();
        })();
        await ready;
        await fn();
      } finally {
        if (index === tests.length - 1) for (const tearDown of tearDowns) await tearDown();
      }
    },
  });
});
