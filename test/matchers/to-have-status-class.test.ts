import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toBeSuccessful } from '../../src/matchers/to-be-successful.js';
import { toHaveStatusClass } from '../../src/matchers/to-have-status-class.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import fc from 'fast-check';
import { either, harden, matcherCases, on } from '../hardening/harden.js';

expect.extend({ toHaveStatusClass, toBeSuccessful });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`, { redirect: 'manual' });

const SPELLINGS = [
  { code: 101, spellings: [1, '1xx', 'informational'] },
  { code: 204, spellings: [2, '2xx', 'successful'] },
  { code: 302, spellings: [3, '3xx', 'redirection'] },
  { code: 404, spellings: [4, '4xx', 'client-error'] },
  { code: 500, spellings: [5, '5xx', 'server-error'] },
] as const;

describe('toHaveStatusClass', () => {
  it.each(SPELLINGS)('accepts every spelling of the class of $code', ({ code, spellings }) => {
    for (const cls of spellings) {
      expect(code).toHaveStatusClass(cls);
      // Every other class's spellings fail, so each spelling means exactly its own class.
      for (const other of SPELLINGS.filter((s) => s.code !== code)) {
        for (const wrong of other.spellings) expect(code).not.toHaveStatusClass(wrong);
      }
    }
  });

  it('passes on a real response of the class and fails on another', async () => {
    const res = await get('/status/201');
    expect(res).toHaveStatusClass('2xx');
    expect(res).toHaveStatusClass('successful');
    expect(res).not.toHaveStatusClass(4);
  });

  it('explains the received code when the class is wrong', async () => {
    const res = await get('/status/422?body=%7B%22error%22%3A%22email%20is%20required%22%7D&type=application/json');
    expect(failureOf(() => expect(res).toHaveStatusClass('successful'))).toMatchInlineSnapshot(`
      "expect(response).toHaveStatusClass(class)

      Expected:        a 2xx Successful status
      Received status: 422 Unprocessable Content (4xx Client Error)

      Meaning: The body is well-formed and of a supported type, but its content breaks the server's rules. (RFC 9110 §15.5.21)
      Hint:    The body parsed but failed validation; the response lists the fields and rules that failed, so compare them with your payload. FastAPI, Laravel and Rails answer validation errors with 422 where Express-style APIs use 400.

      URL: http://127.0.0.1:PORT/status/422?body=%7B%22error%22%3A%22email%20is%20required%22%7D&type=application/json

      Response headers (1 of 5 shown):
        content-type: application/json"
    `);
  });

  it('under .not, names the class it did not want', async () => {
    const res = await get('/status/200');
    const message = failureOf(() => expect(res).not.toHaveStatusClass(2));
    expect(message).toMatchInlineSnapshot(`
      "expect(response).not.toHaveStatusClass(class)

      Expected:        not a 2xx Successful status
      Received status: 200 OK (2xx Successful)

      URL: http://127.0.0.1:PORT/status/200

      Response headers (1 of 5 shown):
        content-type: application/json"
    `);
  });

  it('throws a usage error for a class it does not know, also under .not', () => {
    for (const bad of [
      0,
      6,
      2.5,
      '6xx',
      '2',
      'success',
      'client_error',
      'constructor',
      '__proto__',
      null,
      undefined,
      [2],
    ]) {
      expect(() => expect(200).toHaveStatusClass(bad as never)).toThrow(HttpMatcherUsageError);
      expect(() => expect(200).not.toHaveStatusClass(bad as never)).toThrow(HttpMatcherUsageError);
    }
    expect(failureOf(() => expect(200).toHaveStatusClass('success' as never))).toMatchInlineSnapshot(
      `"toHaveStatusClass: class must be 1-5, '1xx'-'5xx', or one of 'informational', 'successful', 'redirection', 'client-error', 'server-error'; got "success"."`,
    );
  });

  it('leaves the response usable', async () => {
    const res = await get('/status/200');
    expect(res).toHaveStatusClass(2);
    await expect(res.json()).resolves.toEqual({ status: 200 });
  });
});

describe('class matchers that take no arguments', () => {
  it('toBeSuccessful(200) is a usage error that points at toHaveStatus, also under .not', () => {
    expect(() => expect(200).toBeSuccessful(...([200] as unknown as []))).toThrow(HttpMatcherUsageError);
    expect(() => expect(200).not.toBeSuccessful(...([200] as unknown as []))).toThrow(HttpMatcherUsageError);
    expect(failureOf(() => expect(404).toBeSuccessful(...([200] as unknown as [])))).toMatchInlineSnapshot(
      `"toBeSuccessful: takes no arguments, got 200. To check an exact code, use toHaveStatus(200)."`,
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toHaveStatusClass', {
  mode: 'sync',
  fuzzArgs: either(
    fc.tuple(
      fc.oneof(
        fc.integer({ min: 0, max: 6 }),
        fc.mixedCase(
          fc.constantFrom(
            '1xx',
            '2xx',
            '3xx',
            '4xx',
            '5xx',
            '6xx',
            'successful',
            'client-error',
            'server-error',
            'redirection',
            'informational',
          ),
        ),
      ),
    ),
  ),
  secrets: [on(401, false, '2xx'), on(401, true, '4xx')],
  hostile: ['2xx'],
  keepsBody: ['4xx'],
});

harden(cases);
