// Bun cell: `bun test` with Bun's own expect, extended with the package's `matchers` as a Bun user
// would (`import { matchers } from 'expect-http'`). The same suite as the Node cells (suite.cjs: every
// exported matcher, pass, fail with its message text, .not, usage errors, readBody) against a real
// node:http server on 127.0.0.1, run by Bun's runtime over Bun's fetch.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import * as api from 'expect-http';
import { defineMatrixSuite } from './suite.cjs';

expect.extend(api.matchers);

defineMatrixSuite({ describe, test, beforeAll, afterAll, expect, api, libs: {} });

// What is Bun's own in its expect, checked here with Bun's real one: colour functions that must be called
// on their utils object and quote rather than colour, a matcherHint that prints its arguments as values,
// no diff, and native asymmetric matchers (expect.any(Number) is [object ExpectAny], with no asymmetricMatch).
describe("Bun's expect", () => {
  const { HttpMatcherUsageError } = api;
  const json = (body, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const text = (body) => new Response(body, { headers: { 'content-type': 'text/plain' } });
  /** The message a failing assertion throws, from our hint line on (Bun puts a first line of its own before it). */
  async function ours(assertion) {
    try {
      await assertion();
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error);
      return message.slice(message.indexOf('expect(response)'));
    }
    throw new Error('expected the assertion to fail, but it passed');
  }

  test('a failing assertion reads as plain text under our own one-line hint', async () => {
    expect(await ours(() => expect(json({ error: 'boom' }, 500)).toHaveStatus(200))).toStartWith(
      'expect(response).toHaveStatus(expected)\n\nExpected status: 200 OK (2xx Successful)\nReceived status: 500 Internal Server Error (5xx Server Error)\n\nMeaning: ',
    );
    expect(await ours(() => expect(json({}, 201)).not.toBeSuccessful())).toStartWith(
      'expect(response).not.toBeSuccessful()\n\nExpected:        not a 2xx Successful status\n',
    );
  });

  test('without a diff, the expected and received values are shown', async () => {
    const message = await ours(() =>
      expect(json({ id: 1, name: 'Ada', token: 'tok_1234567890' })).toHaveJsonBody({ id: 2, name: expect.any(String) }),
    );
    expect(message).toContain(
      '\n\nExpected: {\n  id: 2,\n  name: "Ada",\n}\nReceived: {\n  id: 1,\n  name: "Ada",\n  token: "[redacted]",\n}\n',
    );
    expect(message).not.toContain('tok_1234567890');
    expect(await ours(() => expect(text('pong')).toHaveTextBody('ping'))).toContain(
      '\n\nExpected: "ping"\nReceived: "pong"\n',
    );
  });

  test('native asymmetric matchers are applied, also inside a subset, and named as Bun prints them', async () => {
    const res = json({ id: 1, items: [{ sku: 'A-1', qty: 2 }] });
    await expect(res).toMatchJsonBody({ items: [{ sku: expect.any(String) }] });
    await expect(res).not.toMatchJsonBody({ items: [{ sku: expect.any(Number) }] });
    expect(await ours(() => expect(res).toMatchJsonBody({ id: expect.any(String) }))).toContain(
      'Expected: {\n  id: Any<String>,\n}',
    );
    expect(await ours(() => expect(json({}, 201)).not.toHaveStatus(expect.any(Number)))).toContain(
      'Expected status: not Any<Number>\n',
    );
    expect(await ours(() => expect(text('pong')).toHaveTextBody(expect.stringContaining('pi')))).toContain(
      'Expected body:   StringContaining "pi"\n',
    );
    expect(
      await ours(() => expect(text('pong')).toHaveHeader('content-type', expect.stringContaining('json'))),
    ).toContain('Expected header: content-type: StringContaining "json"\n');
  });

  test("a body matcher's usage error keeps its class: it is thrown before anything async", () => {
    expect(() => expect('{"id":1}').toHaveJsonBody()).toThrow(HttpMatcherUsageError);
    expect(() => expect(text('pong')).not.toHaveTextBody(42)).toThrow(HttpMatcherUsageError);
  });
});
