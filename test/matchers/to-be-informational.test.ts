import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toBeInformational } from '../../src/matchers/to-be-informational.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { harden, matcherCases, noArgs, on } from '../hardening/harden.js';

expect.extend({ toBeInformational });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('toBeInformational', () => {
  // Clients hand 1xx responses to the caller only as interim events, never as the response itself,
  // so the passing cases use the codes and a plain object.
  it('passes on 1xx codes', () => {
    for (const code of [100, 101, 102, 103, 199]) expect(code).toBeInformational();
    expect({ status: 103, headers: { link: '</app.css>; rel=preload' } }).toBeInformational();
    expect(200).not.toBeInformational();
  });

  it('fails on a real 200 and explains it', async () => {
    const res = await fetch(`${server.url}/status/200`);
    expect(failureOf(() => expect(res).toBeInformational())).toMatchInlineSnapshot(`
      "expect(response).toBeInformational()

      Expected:        a 1xx Informational status
      Received status: 200 OK (2xx Successful)

      Meaning: The request succeeded and the body carries the result, whose meaning depends on the method. (RFC 9110 §15.3.1)

      URL: http://127.0.0.1:PORT/status/200

      Response headers (1 of 5 shown):
        content-type: application/json"
    `);
  });

  it('under .not, says it did not want a 1xx', () => {
    expect(failureOf(() => expect(103).not.toBeInformational())).toMatchInlineSnapshot(`
      "expect(response).not.toBeInformational()

      Expected:        not a 1xx Informational status
      Received status: 103 Early Hints (1xx Informational)"
    `);
  });

  it('throws a usage error for an argument or a value that is not a response', () => {
    expect(() => expect(100).toBeInformational(...([100] as unknown as []))).toThrow(
      /toBeInformational: takes no arguments, got 100\. To check an exact code, use toHaveStatus\(100\)\./,
    );
    expect(() => expect(null).not.toBeInformational()).toThrow(HttpMatcherUsageError);
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toBeInformational', {
  mode: 'sync',
  fuzzArgs: noArgs,
  // A final 1xx response cannot be produced over HTTP/1.1, so .not cannot fail here.
  secrets: [on(401, false)],
  hostile: [],
  keepsBody: [],
});

harden(cases);
