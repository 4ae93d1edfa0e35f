import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { http, HttpResponse, passthrough, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkMocksAgainst, loadApiSpec, openApiMatchers, type ApiSpec } from '../../src/openapi/index.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend(openApiMatchers);

const API = 'http://petstore.test/v1';
let spec: ApiSpec;
const seen: string[] = [];
const mock = setupServer(
  http.get(`${API}/pets/:petId`, ({ params }) =>
    params.petId === '1'
      ? HttpResponse.json({ id: 1, name: 'Rex', tag: null })
      : HttpResponse.json({ id: 'two', name: 'Drifted' }),
  ),
  http.post(`${API}/pets`, async ({ request }) => {
    // The handler checks the request it receives: a fetch Request.
    const message = await asyncFailureOf(() => expect(request).toSatisfyApiSpec({ spec })).catch(() => 'passed');
    seen.push(message);
    const body = (await request.json()) as object;
    return HttpResponse.json({ id: 3, ...body }, { status: 201 });
  }),
  http.get(`${API}/tree`, () => HttpResponse.json({ name: 'root', children: [] })),
);

// A real API behind the mocks, answering what the contract forbids: what msw passes through must not be checked.
let real: TestServer;

beforeAll(async () => {
  spec = await loadApiSpec(fileURLToPath(new URL('./specs/petstore-3.0.yaml', import.meta.url)));
  real = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"not-an-integer"}');
  });
  // Requests to the real server go through unhandled; any other unhandled request is a bug in this file.
  mock.listen({ onUnhandledRequest: (request, print) => void (request.url.startsWith(real.url) || print.error()) });
});
afterEach(() => mock.resetHandlers());
afterAll(async () => {
  mock.close();
  await real.close();
});

describe('a fetch Request (what an msw handler receives)', () => {
  it('passes a request the spec documents, fails one with a readOnly property and a missing required one', async () => {
    seen.length = 0;
    const ok = await fetch(`${API}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rex', password: 'p4ssw0rd-long' }),
    });
    expect(await ok.json()).toEqual({ id: 3, name: 'Rex', password: 'p4ssw0rd-long' }); // the handler still read it
    await fetch(`${API}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abcdef123456' },
      body: JSON.stringify({ id: 9, name: '' }),
    });
    expect(seen[0]).toBe('passed');
    const message = seen[1] ?? '';
    expect(message).toContain('expect(request).toSatisfyApiSpec(options)');
    expect(message).toContain('Expected request: as POST /pets documents it');
    expect(message).toContain('Received request: POST http://petstore.test/v1/pets');
    expect(message).toContain(
      'body.id is readOnly, so it must not be in a request; received 9 (#/components/schemas/Pet/properties/id)',
    );
    expect(message).toContain('body is missing the required property "password" (#/components/schemas/Pet/required)');
    expect(message).toContain('body.name must be at least 1 character long; received ""');
    expect(message).not.toContain('abcdef123456');
  });

  it('checks a Request built by hand as well, and keeps its body readable', async () => {
    const request = new Request(`${API}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'Rex',
    });
    const message = await asyncFailureOf(() => expect(request).toSatisfyApiSpec({ spec }));
    expect(message).toContain(
      'Content-Type "text/plain" is not one the spec documents for this request: application/json.',
    );
    await expect(request).not.toSatisfyApiSpec({ spec });
    expect(await request.text()).toBe('Rex');
  });
});

/** Runs the app code with these handlers in front, under checkMocksAgainst; what verify() reports, or 'passed'. */
async function reported(run: () => Promise<unknown>, ...handlers: RequestHandler[]): Promise<string> {
  mock.use(...handlers);
  const checks = checkMocksAgainst(mock, spec, { afterEach: () => undefined });
  try {
    await run();
    return await checks.verify().then(
      () => 'passed',
      (error: unknown) => stripVTControlCharacters(error instanceof Error ? error.message : String(error)),
    );
  } finally {
    checks.stop();
  }
}

const HERE = 'test/openapi/msw.test.ts';

describe('checkMocksAgainst', () => {
  it('fails the test whose mock drifted from the contract, naming the request, the handler and what is wrong', async () => {
    const checks = checkMocksAgainst(mock, spec, { afterEach: () => undefined });
    try {
      const good = await fetch(`${API}/pets/1`);
      expect(await good.json()).toEqual({ id: 1, name: 'Rex', tag: null });
      await checks.verify(); // nothing drifted
      const drifted = await fetch(`${API}/pets/2`);
      // The app receives exactly what the handler returned.
      expect(await drifted.json()).toEqual({ id: 'two', name: 'Drifted' });
      const error = await checks.verify().catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain('The msw traffic of this test breaks the contract (1 violation, checkMocksAgainst):');
      expect(message).toContain(
        'GET http://petstore.test/v1/pets/2: the mocked response (status 200) breaks the contract\n' +
          `  Handler:  GET http://petstore.test/v1/pets/:petId (${HERE}:16:8)\n` +
          '  Contract: GET /pets/{petId} (getPet), response 200, application/json, in Petstore (OpenAPI 3.0)\n',
      );
      expect(message).toContain(
        '    - body.id must be an integer; received "two" (#/components/schemas/Pet/properties/id/type)',
      );
      // No frames of expect-http's or the runner's under the message: the handler's line is in it.
      expect((error as Error).stack).toBe(`Error: ${message}`);
      await checks.verify(); // reported once
    } finally {
      checks.stop();
    }
  });

  it('names the handler and what is wrong for a request the app sent that breaks the contract', async () => {
    const message = await reported(
      () => fetch(`${API}/pets/abc`).then((res) => res.text()),
      http.get(`${API}/pets/:petId`, () => HttpResponse.json({ id: 1, name: 'Rex' })),
    );
    expect(message).toContain('(1 violation, checkMocksAgainst)');
    expect(message).toMatch(
      new RegExp(
        '^GET http://petstore\\.test/v1/pets/abc: the request the app sent breaks the contract\\n' +
          `  Handler:  GET http://petstore\\.test/v1/pets/:petId \\(${HERE.replace(/\./g, '\\.')}:\\d+:\\d+\\)\\n` +
          '  Contract: GET /pets/\\{petId\\} \\(getPet\\), in Petstore \\(OpenAPI 3\\.0\\)\\n' +
          '  The path parameter petId does not match the schema',
        'm',
      ),
    );
    expect(message).toContain('    - path parameter petId must be an integer; received "abc"');
  });

  it('fails a mock that answers a status the spec does not document for the operation', async () => {
    const message = await reported(
      () => fetch(`${API}/pets`),
      http.get(`${API}/pets`, () => HttpResponse.json({ message: 'boom' }, { status: 500 })),
    );
    expect(message).toContain('GET http://petstore.test/v1/pets: the mocked response (status 500) breaks the contract');
    expect(message).toContain(`  Handler:  GET http://petstore.test/v1/pets (${HERE}:`);
    expect(message).toContain('  Status 500 is not documented for GET /pets. Documented: 200.');
  });

  it('keeps the secrets of both sides out of the message: credential headers, secret body members', async () => {
    const login = await loadApiSpec({
      openapi: '3.0.3',
      info: { title: 'Login', version: '1' },
      servers: [{ url: 'http://petstore.test/v1' }],
      paths: {
        '/login': {
          post: {
            parameters: [{ name: 'X-Api-Key', in: 'header', schema: { type: 'string', pattern: '^key-[0-9]+$' } }],
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { password: { type: 'string', minLength: 40 } } },
                },
              },
            },
            responses: {
              '200': {
                description: 'A session',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        session: { type: 'string', maxLength: 8 },
                        password: { type: 'string', format: 'uuid' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    });
    mock.use(
      // The mock echoes the bearer token as the session: a secret the response learns from the request.
      http.post(`${API}/login`, ({ request }) =>
        HttpResponse.json({
          session: request.headers.get('authorization')?.replace('Bearer ', ''),
          password: 'hunter2-hunter2-hunter2',
        }),
      ),
    );
    const checks = checkMocksAgainst(mock, login, { afterEach: () => undefined });
    try {
      await fetch(`${API}/login`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer tok-9f8e7d6c5b4a',
          'x-api-key': 'sk-live-0123456789',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ password: 'p4ssw0rd-long' }),
      });
      const message = await checks.verify().then(
        () => 'passed',
        (error: Error) => error.message,
      );
      expect(message).toContain('(2 violations, checkMocksAgainst)');
      expect(message).toContain(
        '    - header parameter X-Api-Key must match the pattern "^key-[0-9]+$"; received "[redacted]"',
      );
      expect(message).toContain('body.password must be at least 40 characters long; received "[redacted]"');
      expect(message).toContain('body.session must be at most 8 characters long; received "[redacted]"');
      expect(message).toContain('body.password must be a valid uuid; received "[redacted]"');
      for (const secret of ['tok-9f8e7d6c5b4a', 'sk-live-0123456789', 'p4ssw0rd-long', 'hunter2'])
        expect(message).not.toContain(secret);
    } finally {
      checks.stop();
    }
  });

  it('hands the app the mocked response unchanged: the same bytes, readable at once, streamed or not', async () => {
    const sent = '{"id": "7",  "name":"R\u00e9x \u{1F43E}"}\n';
    const bytes = new TextEncoder().encode(sent);
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, 5));
          controller.enqueue(bytes.subarray(5));
          controller.close();
        },
      });
    const received: Uint8Array[] = [];
    const message = await reported(
      async () => {
        // Read in the same tick as the response arrives: the check must not need the app's body.
        for (const id of ['7', '8'])
          received.push(new Uint8Array(await fetch(`${API}/pets/${id}`).then((res) => res.arrayBuffer())));
      },
      http.get(`${API}/pets/:petId`, ({ params }) =>
        params.petId === '7'
          ? new HttpResponse(bytes, { headers: { 'content-type': 'application/json' } })
          : new HttpResponse(stream(), { headers: { 'content-type': 'application/json' } }),
      ),
    );
    expect(received).toEqual([bytes, bytes]);
    // Both were still checked, from clones.
    expect(message).toContain('(2 violations, checkMocksAgainst)');
    expect(message.match(/body\.id must be an integer; received "7"/g)).toHaveLength(2);
  });

  it('does not check what msw passes through to the network, or lets through unhandled', async () => {
    const message = await reported(
      async () => {
        const passed = await fetch(`${real.url}/v1/pets/1`);
        const unhandled = await fetch(`${real.url}/v1/pets/2`);
        // What the real API answered, which the contract forbids, reached the app untouched and unchecked.
        expect([await passed.json(), await unhandled.json()]).toEqual([
          { id: 'not-an-integer' },
          { id: 'not-an-integer' },
        ]);
      },
      http.get(`${real.url}/v1/pets/1`, () => passthrough()),
    );
    expect(message).toBe('passed');
  });

  it('does not hold a network error that a handler mocks on purpose (HttpResponse.error()) to the contract', async () => {
    const message = await reported(
      () =>
        fetch(`${API}/pets/5`).then(
          () => 'answered',
          (error: Error) => expect(error.message).toBe('Failed to fetch'),
        ),
      http.get(`${API}/pets/:petId`, () => HttpResponse.error()),
    );
    expect(message).toBe('passed');
  });

  it('checks an event stream that never ends by its status and headers, without waiting for its body', async () => {
    const events = await loadApiSpec({
      openapi: '3.0.3',
      info: { title: 'Events', version: '1' },
      servers: [{ url: API }],
      paths: {
        '/events': {
          get: {
            responses: {
              '200': {
                description: 'Server-sent events',
                headers: { 'X-Stream-Id': { required: true, schema: { type: 'string' } } },
                content: { 'text/event-stream': { schema: { type: 'string' } } },
              },
            },
          },
        },
      },
    });
    const endless = () =>
      new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode('data: hello\n\n')),
      });
    mock.use(
      http.get(
        `${API}/events`,
        ({ request }) =>
          new HttpResponse(endless(), {
            headers: {
              'content-type': 'text/event-stream',
              ...(new URL(request.url).searchParams.has('drift') ? {} : { 'x-stream-id': 's1' }),
            },
          }),
      ),
    );
    const checks = checkMocksAgainst(mock, events, { afterEach: () => undefined });
    try {
      for (const url of [`${API}/events`, `${API}/events?drift`]) {
        const reader = (await fetch(url)).body?.getReader();
        expect(new TextDecoder().decode((await reader?.read())?.value)).toBe('data: hello\n\n');
        // Not awaited: cancelling a mocked stream that never ends does not settle (msw 2.15, Node 20).
        void reader?.cancel();
      }
      const message = await checks.verify().then(
        () => 'passed',
        (error: Error) => error.message,
      );
      expect(message).toContain('(1 violation, checkMocksAgainst)');
      expect(message).toContain(
        'GET http://petstore.test/v1/events?drift: the mocked response (status 200) breaks the contract',
      );
      expect(message).toContain('Header X-Stream-Id is required by the spec');
    } finally {
      checks.stop();
    }
  });

  it('reports a violation even when the app swallowed what went wrong', async () => {
    // App code that turns any failure into "no pet": the test itself would see nothing.
    const petName = (id: number) =>
      fetch(`${API}/pets/${id}`)
        .then((res) => res.json() as Promise<{ name: string }>)
        .then((pet) => pet.name.toUpperCase())
        .catch(() => undefined);
    const message = await reported(
      async () => expect(await petName(4)).toBeUndefined(),
      http.get(`${API}/pets/:petId`, () => HttpResponse.json({ id: 4 })),
    );
    expect(message).toContain(
      'GET http://petstore.test/v1/pets/4: the mocked response (status 200) breaks the contract',
    );
    expect(message).toContain('body is missing the required property "name"');
  });

  it('refuses something that is not an msw server', () => {
    expect(() => checkMocksAgainst({}, spec)).toThrow(
      'checkMocksAgainst: server must be an msw server or worker (setupServer(...) from msw/node, setupWorker(...) from msw/browser), whose events it listens to.',
    );
  });

  it('refuses to run with no afterEach to report from, rather than pass every test', () => {
    // This file runs without vitest's globals, as a setup file that imports from 'expect-http/openapi' would.
    expect(() => checkMocksAgainst(mock, spec)).toThrow(
      "checkMocksAgainst: found no afterEach to report violations from. Under vitest import it from 'expect-http/openapi/vitest' (or set globals: true); under jest call it from a setupFilesAfterEnv file or a test file; elsewhere pass { afterEach } and call verify() yourself.",
    );
  });
});
