import { get as httpGet, type IncomingMessage } from 'node:http';
import axios, { type AxiosError } from 'axios';
import { got } from 'got';
import { http, HttpResponse as MswResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { request as playwrightRequest, type APIRequestContext } from 'playwright-core';
import supertest from 'supertest';
import { fetch as undiciFetch, request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError, toHttpResponse } from '../../src/index.js';
import { toBeClientError } from '../../src/matchers/to-be-client-error.js';
import { toBeSuccessful } from '../../src/matchers/to-be-successful.js';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveStatus, toBeSuccessful, toBeClientError });

let server: TestServer;
let playwright: APIRequestContext;

// msw answers for a host that does not exist; the real local server stays reachable through it, so
// every other client in this file also runs with msw's interceptors installed, as in a real suite.
const MSW_ORIGIN = 'http://api.example.test';
const msw = setupServer(
  http.get(`${MSW_ORIGIN}/status/:code`, ({ request, params }) => mswStatusRoute(request, Number(params.code))),
  http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
);

beforeAll(async () => {
  server = await startServer();
  msw.listen({ onUnhandledRequest: 'error' });
  playwright = await playwrightRequest.newContext();
});
afterAll(async () => {
  await playwright.dispose();
  msw.close();
  await server.close();
});

// Each client's response is asserted on first and its body consumed afterwards, as a test would.
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((fn) => fn()));
});

/** The same answer as test/helpers/server.ts's /status/<code> route, built by an msw handler. */
function mswStatusRoute(request: Request, code: number): Response {
  const url = new URL(request.url);
  const headers = new Headers();
  for (const [key, value] of url.searchParams) if (key.startsWith('h.')) headers.append(key.slice(2), value);
  const body = url.searchParams.get('body') ?? JSON.stringify({ status: code });
  headers.set(
    'content-type',
    url.searchParams.get('type') ?? (url.searchParams.has('body') ? 'text/plain' : 'application/json'),
  );
  return new MswResponse(body, { status: code, headers });
}

interface Client {
  name: string;
  /** Performs a GET of `path` (e.g. `/status/503?h.retry-after=120`) and returns what the client hands back. */
  get(path: string): Promise<unknown>;
  /** Whether the response carries its headers (a bare number does not). */
  headers: boolean;
  /** What the message's request section can say: the response knows the method and URL, only its URL, or neither. */
  request: 'method and url' | 'url' | 'none';
  /** Whether the response object already holds the body, so the message can quote it. */
  body: boolean;
  /** The origin the client talked to (msw answers for its own host). */
  origin?: string;
}

// Read to the end rather than cancelled: under msw's passthrough, body.cancel() never settles.
const fetchBody = (res: Response): void => {
  cleanups.push(() => res.arrayBuffer());
};

const CLIENTS: Client[] = [
  {
    name: 'global fetch',
    async get(path) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      fetchBody(res);
      return res;
    },
    headers: true,
    request: 'url',
    body: false,
  },
  {
    name: "undici's fetch",
    async get(path) {
      const res = await undiciFetch(`${server.url}${path}`, { redirect: 'manual' });
      cleanups.push(() => res.arrayBuffer());
      return res;
    },
    headers: true,
    request: 'url',
    body: false,
  },
  {
    name: 'undici.request',
    async get(path) {
      const res = await undiciRequest(`${server.url}${path}`);
      cleanups.push(() => res.body.dump());
      return res;
    },
    headers: true,
    request: 'none',
    body: false,
  },
  {
    name: 'http.get (IncomingMessage)',
    get: (path) =>
      new Promise<IncomingMessage>((resolve, reject) => {
        httpGet(`${server.url}${path}`, (res) => {
          cleanups.push(() => res.resume());
          resolve(res);
        }).on('error', reject);
      }),
    headers: true,
    request: 'method and url',
    body: false,
  },
  {
    name: 'supertest',
    get: async (path) => await supertest(server.url).get(path),
    headers: true,
    request: 'method and url',
    body: true,
  },
  {
    name: 'axios',
    get: (path) => axios.get(`${server.url}${path}`, { validateStatus: () => true, maxRedirects: 0 }),
    headers: true,
    request: 'method and url',
    body: true,
  },
  {
    name: 'AxiosError',
    // validateStatus rejecting everything makes axios throw on a 200 too, so every case can run on the error.
    get: (path) =>
      axios.get(`${server.url}${path}`, { validateStatus: () => false, maxRedirects: 0 }).then(
        () => {
          throw new Error('axios was expected to reject');
        },
        (error: unknown) => error,
      ),
    headers: true,
    request: 'method and url',
    body: true,
  },
  {
    name: 'got',
    get: (path) => got(`${server.url}${path}`, { throwHttpErrors: false, followRedirect: false, retry: { limit: 0 } }),
    headers: true,
    request: 'method and url',
    body: true,
  },
  {
    name: 'Playwright APIResponse',
    async get(path) {
      const res = await playwright.get(`${server.url}${path}`, { maxRedirects: 0 });
      cleanups.push(() => res.dispose());
      return res;
    },
    headers: true,
    request: 'url',
    body: false,
  },
  {
    name: 'fetch through msw',
    async get(path) {
      const res = await fetch(`${MSW_ORIGIN}${path}`, { redirect: 'manual' });
      fetchBody(res);
      return res;
    },
    headers: true,
    request: 'url',
    body: false,
    origin: MSW_ORIGIN,
  },
  {
    name: 'a bare status number',
    get: (path) => Promise.resolve(Number(/\/status\/(\d+)/.exec(path)?.[1])),
    headers: false,
    request: 'none',
    body: false,
  },
  {
    name: 'a plain { status, headers, body }',
    // What a user of an unsupported client writes: the fields copied over, headers as name/value pairs.
    async get(path) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      return { status: res.status, headers: [...res.headers], body: await res.text() };
    },
    headers: true,
    request: 'none',
    body: true,
  },
];

describe.each(CLIENTS)('$name', (client) => {
  const origin = (): string => (client.origin ?? server.url).replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT');

  it('passes toHaveStatus(200), toBeSuccessful() and .not.toBeClientError() on a 200', async () => {
    const res = await client.get('/status/200');
    expect(res).toHaveStatus(200);
    expect(res).toBeSuccessful();
    expect(res).not.toBeClientError();
    expect(res).not.toHaveStatus(503);
  });

  it('fails toHaveStatus(200) on a 503 and explains it', async () => {
    const res = await client.get('/status/503?h.retry-after=120');
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toContain(
      'Expected status: 200 OK (2xx Successful)\nReceived status: 503 Service Unavailable (5xx Server Error)',
    );
    expect(message).toContain('Meaning: The server cannot handle the request right now');
    expect(message).toContain('Hint:    Overloaded, in maintenance or still starting up; honour Retry-After');
    if (client.headers)
      expect(message).toMatch(
        /\nResponse headers( \(2 of \d+ shown\))?:\n {2}content-type: application\/json\n {2}retry-after: 120/,
      );
    else expect(message).not.toContain('Response headers');
  });

  it(`shows the request: ${client.request}`, async () => {
    const res = await client.get('/status/404?q=1');
    const message = failureOf(() => expect(res).toHaveStatus(200));
    const url = `${origin()}/status/404?q=1`;
    if (client.request === 'method and url') expect(message).toContain(`\n\nRequest: GET ${url}\n\n`);
    else expect(message).not.toContain('Request:');
    if (client.request === 'url') expect(message).toContain(`\n\nURL: ${url}\n\n`);
    else expect(message).not.toMatch(/^(Final )?URL/m);
  });

  it(
    client.body ? 'quotes the body it holds, JSON pretty-printed and capped' : 'quotes no body, since it holds none',
    async () => {
      const json = JSON.stringify({
        error: 'quota exceeded',
        items: Array.from({ length: 60 }, (_, id) => ({ id, tags: ['a', 'b'] })),
      });
      const res = await client.get(`/status/429?type=application/json&body=${encodeURIComponent(json)}`);
      const message = failureOf(() => expect(res).toHaveStatus(200));
      if (!client.body) {
        expect(message).not.toContain('Body');
        return;
      }
      const size = `${(json.length / 1024).toFixed(1)} KB`;
      const heading = new RegExp(`\\n\\nBody \\((${size}, JSON|JSON, as the client parsed it)\\):\\n`).exec(message);
      expect(heading).not.toBeNull();
      const excerpt = message.slice((heading?.index ?? 0) + (heading?.[0].length ?? 0));
      expect(excerpt).toMatch(
        /^ {2}\{\n {4}"error": "quota exceeded",\n {4}"items": \[\n {6}\{\n {8}"id": 0,\n {8}"tags": \["a", "b"\]\n {6}\},\n/,
      );
      const marker = new RegExp(`\\n {2}… \\(cut at 1,024 characters(; the body is ${size})?\\)$`).exec(excerpt);
      expect(marker).not.toBeNull();
      const shown = excerpt.slice(0, marker?.index).replace(/^ {2}/gm, '');
      expect(shown.length).toBeLessThanOrEqual(1024);
    },
  );
});

// A bare status number has no headers, so these run over the other kinds only.
describe.each(CLIENTS.filter((c) => c.headers))('$name headers', (client) => {
  it('keeps set-cookie as a list and reads header names case-insensitively', async () => {
    const res = await client.get('/status/200?h.set-cookie=a%3D1%3B%20Path%3D%2F&h.set-cookie=b%3D2&h.X-Trace-Id=abc');
    const { headers } = toHttpResponse(res);
    expect(headers.getAll('set-cookie')).toEqual(['a=1; Path=/', 'b=2']);
    expect(headers.getAll('Set-Cookie')).toEqual(['a=1; Path=/', 'b=2']);
    expect(headers.get('X-TRACE-ID')).toBe('abc');
    expect(headers.has('x-trace-id')).toBe(true);
    expect(headers.get('Content-Type')).toBe('application/json');
  });
});

describe('AxiosError', () => {
  it('from a default axios call on a 404: the error itself is the response to assert on', async () => {
    const error = await axios.get(`${server.url}/status/404`).catch((e: unknown) => e as AxiosError);
    expect(axios.isAxiosError(error)).toBe(true);
    expect(error).toBeClientError();
    expect(error).toHaveStatus(404);
    expect(failureOf(() => expect(error).not.toBeClientError())).toMatchInlineSnapshot(`
      "expect(response).not.toBeClientError()

      Expected:        not a 4xx Client Error status
      Received status: 404 Not Found (4xx Client Error)

      Request: GET http://127.0.0.1:PORT/status/404

      Response headers (1 of 4 shown):
        content-type: application/json

      Body (JSON, as the client parsed it):
        {
          "status": 404
        }"
    `);
  });

  it('with no response (connection refused) is a usage error that says the request got no response', async () => {
    const closed = await startServer();
    await closed.close();
    const error = await axios.get(`${closed.url}/status/200`).catch((e: unknown) => e);
    expect(axios.isAxiosError(error)).toBe(true);
    const usage = (): void => expect(error).toBeClientError();
    expect(usage).toThrow(HttpMatcherUsageError);
    expect(failureOf(usage)).toBe(
      'toBeClientError: received an AxiosError with no response (connect ECONNREFUSED 127.0.0.1:PORT): the request never got an HTTP response, so there is no status to check. Is the server running, and is the URL right?',
    );
    // .not must not turn "no response at all" into a pass.
    expect(() => expect(error).not.toBeClientError()).toThrow(HttpMatcherUsageError);
  });
});

describe('values that are not responses', () => {
  it('an object whose status getter throws is a usage error, not a TypeError', () => {
    const broken = {
      get status(): number {
        throw new TypeError('Cannot read properties of undefined');
      },
      headers: {},
    };
    expect(() => expect(broken).toHaveStatus(200)).toThrow(HttpMatcherUsageError);
    expect(() => expect(broken).not.toHaveStatus(200)).toThrow(HttpMatcherUsageError);
    expect(failureOf(() => expect(broken).toHaveStatus(200))).toBe(
      'toHaveStatus: reading the received value threw TypeError: Cannot read properties of undefined\nReceived: an object with keys { status, headers }',
    );
  });
});

describe('fetch responses with status 0', () => {
  it('an opaque redirect gets its own explanation', () => {
    // Node's fetch never produces this shape (it exposes the real 3xx under redirect: 'manual'); browsers
    // and service workers do. Response's constructor refuses status 0, so this one is made by hand.
    const opaque = {
      status: 0,
      statusText: '',
      type: 'opaqueredirect',
      url: 'http://app.example.test/login',
      redirected: false,
      ok: false,
      bodyUsed: false,
      body: null,
      headers: new Headers(),
      clone() {
        return this;
      },
    };
    expect(failureOf(() => expect(opaque).toHaveStatus(302))).toMatchInlineSnapshot(`
      "expect(response).toHaveStatus(expected)

      Expected status: 302 Found (3xx Redirection)
      Received status: 0 (an opaque redirect: fetch hides the real status)

      Meaning: An opaque redirect. With redirect: "manual", fetch in a browser or service worker hides the status and Location of a redirect (Node's fetch shows them).
      Hint:    toBeRedirect() and toBeRedirectWithLocation() without arguments pass on it; to check where it leads, let fetch follow the redirect and assert on res.url.

      URL: http://app.example.test/login"
    `);
    expect(failureOf(() => expect(opaque).toBeSuccessful())).toContain(
      'Received status: 0 (an opaque redirect: fetch hides the real status)',
    );
    expect(opaque).not.toBeClientError();
  });

  it('Response.error() is a network error, not a status', () => {
    const res = Response.error();
    expect(res.status).toBe(0);
    expect(res.type).toBe('error');
    expect(failureOf(() => expect(res).toBeSuccessful())).toMatchInlineSnapshot(`
      "expect(response).toBeSuccessful()

      Expected:        a 2xx Successful status
      Received status: 0 (a network error: no HTTP response)

      Meaning: A network error (the Response.error() kind): the request got no HTTP response at all.
      Hint:    Check that the server is running and the URL is right, and what your fetch wrapper or mock returned: fetch itself rejects on a network error, and so does msw's HttpResponse.error() (TypeError: Failed to fetch)."
    `);
    expect(res).not.toBeSuccessful();
    expect(res).not.toHaveStatus(200);
  });
});
