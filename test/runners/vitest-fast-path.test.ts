import { afterAll, afterEach, beforeAll, chai, describe, expect, test } from 'vitest';
import { matchers, syncMatcherNames } from '../../src/matchers/index.js';
import { addPassFastPath } from '../../src/vitest-fast-path.js';
import { failureOf } from '../helpers/message.js';
// @ts-expect-error an untyped ES module, shared with the version matrix (test/matrix/vitest-fast-path.test.mjs)
import { defineFastPathSuite } from '../matrix/fast-path.suite.mjs';

// What the vitest entry does (src/vitest.ts), on src.
const { use, responses } = defineFastPathSuite({
  describe,
  test,
  beforeAll,
  afterAll,
  afterEach,
  expect,
  chai,
  matchers,
  hybrid: () => {
    expect.extend(matchers);
    addPassFastPath(chai, expect, matchers, syncMatcherNames);
  },
});

test('an inline snapshot of the message is the same on both routes', () => {
  use('fast');
  expect(failureOf(() => expect(responses[404]).toHaveStatus(200))).toMatchInlineSnapshot(`
    "expect(response).toHaveStatus(expected)

    Expected status: 200 OK (2xx Successful)
    Received status: 404 Not Found (4xx Client Error)

    Meaning: The server has nothing at the target URI, or will not admit that something exists there. (RFC 9110 §15.5.5)
    Hint:    Check the path, the ids in it and the base URL (a missing prefix or version segment is common), and that the route is registered. Express answers a wrong method on an existing route with 404 Cannot POST /x, not 405.

    URL: http://127.0.0.1:PORT/404

    Response headers (1 of 6 shown):
      content-type: application/json"
  `);
  use('slow');
  expect(failureOf(() => expect(responses[404]).toHaveStatus(200))).toMatchInlineSnapshot(`
    "expect(response).toHaveStatus(expected)

    Expected status: 200 OK (2xx Successful)
    Received status: 404 Not Found (4xx Client Error)

    Meaning: The server has nothing at the target URI, or will not admit that something exists there. (RFC 9110 §15.5.5)
    Hint:    Check the path, the ids in it and the base URL (a missing prefix or version segment is common), and that the route is registered. Express answers a wrong method on an existing route with 404 Cannot POST /x, not 405.

    URL: http://127.0.0.1:PORT/404

    Response headers (1 of 6 shown):
      content-type: application/json"
  `);
  use('fast');
  expect(failureOf(() => expect(responses[200]).not.toBeSuccessful())).toMatchInlineSnapshot(`
    "expect(response).not.toBeSuccessful()

    Expected:        not a 2xx Successful status
    Received status: 200 OK (2xx Successful)

    URL: http://127.0.0.1:PORT/200

    Response headers (1 of 7 shown):
      content-type: application/json"
  `);
  use('slow');
  expect(failureOf(() => expect(responses[200]).not.toBeSuccessful())).toMatchInlineSnapshot(`
    "expect(response).not.toBeSuccessful()

    Expected:        not a 2xx Successful status
    Received status: 200 OK (2xx Successful)

    URL: http://127.0.0.1:PORT/200

    Response headers (1 of 7 shown):
      content-type: application/json"
  `);
});

test('the built vitest entry still imports outside a vitest worker (a plain Node script): it only skips the fast path', async () => {
  const { execFile } = await import('node:child_process');
  const entry = new URL('../../dist/vitest.js', import.meta.url).href;
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(entry)}); console.log('imported');`],
      { timeout: 30_000 },
      (error, stdout, stderr) => (error ? reject(new Error(stderr || String(error))) : resolve(stdout)),
    ),
  );
  expect(out.trim()).toBe('imported');
});
