import { get as httpGet, type IncomingMessage } from 'node:http';
import axios from 'axios';
import { got, HTTPError, RequestError } from 'got';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';
import { toBeClientError } from '../../src/matchers/to-be-client-error.js';
import { toHaveHeader } from '../../src/matchers/to-have-header.js';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

// The mistakes a newcomer makes in the first hour, each with a message that names it and its fix,
// never the list of every supported client.
expect.extend({ toHaveStatus, toHaveHeader, toBeClientError });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const ACCEPTED_LIST = /fetch Response \(global fetch/;

/** The usage error's text, after proving it is one, and that `.not` throws it too. */
function usageError(received: unknown, matcher: 'toHaveStatus' | 'toHaveHeader' = 'toHaveStatus'): string {
  const call =
    matcher === 'toHaveStatus'
      ? (): void => expect(received).toHaveStatus(200)
      : (): void => expect(received).toHaveHeader('etag');
  const negated =
    matcher === 'toHaveStatus'
      ? (): void => expect(received).not.toHaveStatus(200)
      : (): void => expect(received).not.toHaveHeader('etag');
  expect(call).toThrow(HttpMatcherUsageError);
  expect(negated).toThrow(HttpMatcherUsageError);
  const message = failureOf(call);
  expect(message).not.toMatch(ACCEPTED_LIST);
  return message;
}

describe('a forgotten await', () => {
  it('on fetch: the Promise is named, with the fix', async () => {
    const pending = fetch(`${server.url}/status/200`);
    expect(usageError(pending)).toBe(
      'toHaveStatus: received a Promise, not the response: the request has not finished. Add `await` before the request, as in `const res = await fetch(url)` (axios, got, undici.request and Playwright are awaited the same way), then `expect(res)…`.',
    );
    await (await pending).body?.cancel();
  });

  it('on axios and got: the same', async () => {
    const fromAxios = axios.get(`${server.url}/status/200`);
    const fromGot = got(`${server.url}/status/200`);
    expect(usageError(fromAxios)).toMatch(
      /^toHaveStatus: received a Promise, not the response: .*`const res = await fetch\(url\)`/,
    );
    expect(usageError(fromGot)).toMatch(/^toHaveStatus: received a Promise, not the response/);
    await Promise.all([fromAxios, fromGot]);
  });

  it('on supertest: the unsent request is named, not its internals', async () => {
    const test = supertest(server.url).get('/status/200');
    expect(usageError(test)).toBe(
      "toHaveStatus: received a supertest request that was never sent (its Test object, not the response): add `await`, as in `const res = await request(app).get('/users')`, then `expect(res)…`.",
    );
    await test; // sends it, so no socket is left open
  });
});

describe('a request that got no response', () => {
  it("fetch's TypeError (connection refused) says so, with its cause, instead of listing the clients", async () => {
    const closed = await startServer();
    await closed.close();
    const error = await fetch(`${closed.url}/status/200`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(usageError(error)).toBe(
      'toHaveStatus: received an error, not a response (TypeError: fetch failed: connect ECONNREFUSED 127.0.0.1:PORT): the request never got an HTTP response, so there is no status to check. Is the server running, and is the URL right? To assert that a request fails, use `await expect(fetch(url)).rejects.toThrow()`.',
    );
  });
});

describe('a part of the response instead of the response', () => {
  it("fetch's Headers", async () => {
    const res = await fetch(`${server.url}/status/200`);
    await res.body?.cancel();
    expect(usageError(res.headers, 'toHaveHeader')).toBe(
      'toHaveHeader: received the headers, not the response: pass the response itself (`expect(res)`, not `expect(res.headers)`); toHaveHeader, toHaveContentType and toHaveCookie read its headers.',
    );
  });

  it("axios's AxiosHeaders and Node's plain headers record", async () => {
    const res = await axios.get(`${server.url}/status/200`);
    expect(usageError(res.headers, 'toHaveHeader')).toMatch(/^toHaveHeader: received the headers, not the response/);
    const message: IncomingMessage = await new Promise((resolve) => httpGet(`${server.url}/status/200`, resolve));
    message.resume();
    expect(usageError({ ...message.headers }, 'toHaveHeader')).toMatch(
      /^toHaveHeader: received the headers, not the response/,
    );
  });

  it('a parsed JSON body', async () => {
    const res = await fetch(
      `${server.url}/status/200?body=${encodeURIComponent('{"id":1,"name":"Ada"}')}&type=application/json`,
    );
    const body: unknown = await res.json();
    expect(usageError(body)).toBe(
      'toHaveStatus: received what looks like a parsed body (an object with keys { id, name }), not the response: pass the response itself, not `await res.json()`, `res.data` or `res.body`; check the body with `await expect(res).toHaveJsonBody(…)` or toMatchJsonBody(…).',
    );
    expect(usageError([body])).toMatch(/^toHaveStatus: received what looks like a parsed body \(an array of 1\)/);
  });

  it('a parsed problem+json body never passes as a response, though its "status" is a number (decisions/0005)', async () => {
    const problem = JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 });
    const res = await fetch(
      `${server.url}/status/404?body=${encodeURIComponent(problem)}&type=application/problem%2Bjson`,
    );
    const body: unknown = await res.json();
    // Before 0.2 this passed: the body's status field was read as the response's.
    expect(() => expect(body).toHaveStatus(404)).toThrow(HttpMatcherUsageError);
    expect(() => expect(body).toBeClientError()).toThrow(HttpMatcherUsageError);
    expect(usageError(body)).toBe(
      'toHaveStatus: received a parsed problem details body (RFC 9457: status, title, type…), not the response: its "status" field is what the server wrote into the body, not the response\'s status. Pass the response itself, and check the body with `await expect(res).toBeProblemDetails(…)`.',
    );
  });

  it('the body text or the URL', async () => {
    expect(usageError('{"id":1}')).toBe(
      'toHaveStatus: received a JSON text, probably the body "{\\"id\\":1}", not the response: pass the response object your client returned (`const res = await fetch(url)`, then `expect(res)…`).',
    );
    expect(usageError(`${server.url}/status/200`)).toMatch(
      /^toHaveStatus: received a URL "http:\/\/127\.0\.0\.1:PORT\/status\/200", not the response/,
    );
  });
});

describe('the other side of the decision: hand-built responses still count', () => {
  it('{ status } alone, and { status, headers, body } with any other keys', () => {
    expect({ status: 404 }).toHaveStatus(404);
    expect({ status: 404, statusText: 'Not Found', body: '{}', url: 'http://x.test/', method: 'GET' }).toHaveStatus(
      404,
    );
    // fastify's inject() result: many keys, and headers.
    expect({ statusCode: 201, headers: { etag: '"1"' }, payload: '', raw: {}, cookies: [], trailers: {} }).toHaveHeader(
      'etag',
      '"1"',
    );
  });

  it('an unknown object with no status still lists what is accepted', () => {
    class Widget {
      readonly size = 3;
    }
    expect(failureOf(() => expect(new Widget()).toHaveStatus(200))).toMatch(
      /^toHaveStatus: received value must be an HTTP response: .*fetch Response.*\nReceived: a Widget with keys \{ size \}$/s,
    );
  });
});

describe("got's errors, accepted as AxiosError is", () => {
  it('HTTPError: its response is checked, message and .not included', async () => {
    const error = await got(`${server.url}/status/404`, { retry: { limit: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toHaveStatus(404);
    expect(error).toBeClientError();
    expect(error).not.toHaveStatus(200);
    const message = failureOf(() => expect(error).toHaveStatus(200));
    expect(message).toContain('Received status: 404 Not Found (4xx Client Error)');
    expect(message).toContain('GET http://127.0.0.1:PORT/status/404');
  });

  it('RequestError with no response (connection refused) says the request got no response', async () => {
    const closed = await startServer();
    await closed.close();
    const error = await got(`${closed.url}/status/200`, { retry: { limit: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(() => expect(error).not.toHaveStatus(200)).toThrow(HttpMatcherUsageError);
    expect(failureOf(() => expect(error).toHaveStatus(200))).toBe(
      "toHaveStatus: received got's RequestError with no response (connect ECONNREFUSED 127.0.0.1:PORT): the request never got an HTTP response, so there is no status to check. Is the server running, and is the URL right?",
    );
  });
});
