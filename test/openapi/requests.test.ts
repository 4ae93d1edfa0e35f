import { Readable } from 'node:stream';
import axios, { AxiosError } from 'axios';
import { got } from 'got';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, HttpMatcherUsageError } from '../../src/index.js';
import { loadApiSpec, openApiMatchers, type ApiSpec } from '../../src/openapi/index.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { apiRoutes } from './api-server.js';

expect.extend(openApiMatchers);

// The Petstore of specs/petstore-3.0.yaml, with the parameters a request carries: query (a bounded integer, an array
// in form style), a required header, a path id, and a requestBody whose id is readOnly.
const PETSTORE = {
  openapi: '3.0.3',
  info: { title: 'Petstore requests', version: '1.0.0' },
  servers: [{ url: 'http://localhost/v1' }],
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string', enum: ['cat', 'dog'] } } },
          { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } },
        ],
        responses: { '200': { description: 'A page of pets' } },
      },
      post: {
        operationId: 'createPet',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
        },
        responses: { '201': { description: 'Created' } },
      },
    },
    '/pets/{petId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        operationId: 'getPet',
        responses: { '200': { description: 'A pet', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        type: 'object',
        required: ['id', 'name', 'password'],
        properties: {
          id: { type: 'integer', readOnly: true },
          name: { type: 'string', minLength: 1 },
          password: { type: 'string', writeOnly: true },
        },
      },
    },
  },
};

let server: TestServer;
let spec: ApiSpec;
const base = () => `${server.url}/v1`;
const noThrow = { throwHttpErrors: false, retry: { limit: 0 } } as const;

beforeAll(async () => {
  server = await startServer(apiRoutes);
  spec = await loadApiSpec(PETSTORE);
});
afterAll(() => server.close());

const pet = { name: 'Rex', password: 'correct-horse' };

describe('supertest: res.request', () => {
  it('passes a documented POST body and fails a readOnly id, a missing property, naming each', async () => {
    // Pet requires id, but id is readOnly: a request without it conforms.
    const ok = await supertest(base()).post('/pets').send(pet);
    await expect(ok.request).toSatisfyApiSpec({ spec });
    const bad = await supertest(base()).post('/pets').send({ id: 9, name: '' });
    const message = await asyncFailureOf(() => expect(bad.request).toSatisfyApiSpec({ spec }));
    expect(message).toContain(
      [
        'expect(request).toSatisfyApiSpec(options)',
        '',
        'Expected request: as POST /pets documents it',
        'Received request: POST http://127.0.0.1:PORT/v1/pets',
        '',
        'Contract: POST /pets (createPet), application/json, in Petstore requests (OpenAPI 3.0)',
        'The body does not match the schema at #/paths/~1pets/post/requestBody/content/application~1json/schema (3 errors):',
        '  - body is missing the required property "password" (#/components/schemas/Pet/required)',
        '  - body.id is readOnly, so it must not be in a request; received 9 (#/components/schemas/Pet/properties/id)',
      ].join('\n'),
    );
    await expect(bad.request).not.toSatisfyApiSpec({ spec });
    const notMessage = await asyncFailureOf(() => expect(ok.request).not.toSatisfyApiSpec({ spec }));
    expect(notMessage).toContain('Expected request: not as POST /pets documents it');
  });

  it('fails a Content-Type the operation does not document, and an empty body where one is required', async () => {
    const text = await supertest(base()).post('/pets').set('content-type', 'text/plain').send('Rex');
    expect(await asyncFailureOf(() => expect(text.request).toSatisfyApiSpec({ spec }))).toContain(
      'Content-Type "text/plain" is not one the spec documents for this request: application/json.\n\nContent-Type: text/plain\n\nBody:\n  Rex',
    );
    const empty = await supertest(base()).post('/pets');
    await expect(empty.request).not.toSatisfyApiSpec({ spec });
  });

  it('checks query and header parameters: the query .query() merged into the URL, the headers .set() sent', async () => {
    const ok = await supertest(base())
      .get('/pets')
      .query({ limit: 5, tags: ['cat', 'dog'] })
      .set('X-Tenant', 'acme');
    await expect(ok.request).toSatisfyApiSpec({ spec });
    const bad = await supertest(base()).get('/pets').query({ limit: 500 });
    const message = await asyncFailureOf(() => expect(bad.request).toSatisfyApiSpec({ spec }));
    expect(message).toContain('Received request: GET http://127.0.0.1:PORT/v1/pets?limit=500');
    expect(message).toContain('  - query parameter limit must be <= 100; received 500');
    expect(message).toContain(
      'The header parameter "X-Tenant" is required by the spec (#/paths/~1pets/get/parameters/2) and missing.',
    );
  });

  it('a request never sent is a usage error that says to await it, thrown at the assertion', () => {
    const unsent = supertest(base()).post('/pets').send(pet);
    expect(() => expect(unsent).toSatisfyApiSpec({ spec })).toThrow(
      "toSatisfyApiSpec: received a supertest request that was never sent: `await` it and pass the response's request, as in `const res = await request(app).post('/pets').send(pet); await expect(res.request).toSatisfyApiSpec()`.",
    );
    expect(() => expect(unsent).not.toSatisfyApiSpec({ spec })).toThrow(HttpMatcherUsageError);
  });

  it('the response itself is still checked as a response', async () => {
    const res = await supertest(base()).get('/pets/1');
    await expect(res).toSatisfyApiSpec({ spec });
  });
});

describe('axios: res.config and error.config', () => {
  it('checks query and header parameters, with the URL axios built from baseURL, url and params', async () => {
    const api = axios.create({ baseURL: base() });
    const ok = await api.get('/pets', { params: { limit: 3 }, headers: { 'X-Tenant': 'acme' } });
    await expect(ok.config).toSatisfyApiSpec({ spec });
    const bad = await api.get('pets', { params: { limit: 0 } });
    const message = await asyncFailureOf(() => expect(bad.config).toSatisfyApiSpec({ spec }));
    expect(message).toContain('Received request: GET http://127.0.0.1:PORT/v1/pets?limit=0');
    expect(message).toContain(
      '  - query parameter limit must be >= 1; received 0 (#/paths/~1pets/get/parameters/0/schema/minimum)',
    );
    expect(message).toContain('The header parameter "X-Tenant" is required by the spec');
  });

  it('builds the URL the way axios does, whatever the params', async () => {
    const when = new Date('2026-01-02T03:04:05Z');
    const params = { tags: ['cat', 'dog'], page: { size: 2 }, when, skip: null, q: 'a b&c' };
    for (const paramsSerializer of [undefined, { indexes: null }, { indexes: true }]) {
      const res = await axios.get(`${base()}/pets?x=1`, { params, paramsSerializer, validateStatus: () => true });
      const sent = new URL(`http://h${(res.request as { path: string }).path}`);
      const message = await asyncFailureOf(() => expect(res.config).toSatisfyApiSpec({ spec }));
      const shown = new URL((/Received request: GET (\S+)/.exec(message)?.[1] ?? '').replace(':PORT', ''));
      expect([...shown.searchParams]).toEqual([...sent.searchParams]);
    }
  });

  it("an AxiosError's config (axios threw on a 404): the request it made is checked", async () => {
    const caught = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => (e instanceof AxiosError ? e : undefined),
      );
    const notFound = await caught(axios.get(`${base()}/pets/1?variant=not-found`));
    await expect(notFound?.config).toSatisfyApiSpec({ spec });
    const nowhere = await caught(axios.get(`${base()}/nowhere`));
    const message = await asyncFailureOf(() => expect(nowhere?.config).toSatisfyApiSpec({ spec }));
    expect(message).toContain('Received request: GET http://127.0.0.1:PORT/v1/nowhere');
    expect(message).toContain('/nowhere');
  });

  it("axios's res.request (a Node ClientRequest) is a usage error that names res.config", async () => {
    const res = await axios.get(`${base()}/pets/1`);
    expect(() => expect(res.request).toSatisfyApiSpec({ spec })).toThrow(
      "toSatisfyApiSpec: received a Node ClientRequest (what axios keeps as `res.request`), which does not keep the body it sent: pass a fetch Request (what an msw handler receives), a supertest response's `res.request`, an axios response's `res.config` (or an AxiosError's `error.config`), a got response's `res.request`.",
    );
  });
});

describe('got: res.request', () => {
  it('checks a path parameter, a readOnly property in json, and form-style array and header values', async () => {
    const ok = await got(`${base()}/pets/1`, noThrow);
    await expect(ok.request).toSatisfyApiSpec({ spec });
    const abc = await got(`${base()}/pets/abc`, noThrow);
    expect(await asyncFailureOf(() => expect(abc.request).toSatisfyApiSpec({ spec }))).toContain(
      '  - path parameter petId must be an integer; received "abc" (#/paths/~1pets~1{petId}/parameters/0/schema/type)',
    );
    const posted = await got.post(`${base()}/pets`, { ...noThrow, json: { ...pet, id: 3 } });
    const message = await asyncFailureOf(() => expect(posted.request).toSatisfyApiSpec({ spec }));
    expect(message).toContain('  - body.id is readOnly, so it must not be in a request; received 3');
    expect(message).toContain('{"name":"Rex","password":"[redacted]","id":3}');
    expect(message).not.toContain('correct-horse');
    const tags = await got(`${base()}/pets`, {
      ...noThrow,
      searchParams: 'tags=cat&tags=cow',
      headers: { 'x-tenant': 'Acme' },
    });
    const tagMessage = await asyncFailureOf(() => expect(tags.request).toSatisfyApiSpec({ spec }));
    expect(tagMessage).toContain('  - query parameter tags[1] must be one of ["cat", "dog"]; received "cow"');
    expect(tagMessage).toContain(
      [
        'The header parameter X-Tenant does not match the schema at #/paths/~1pets/get/parameters/2/schema (1 error):',
        '  - header parameter X-Tenant must match the pattern "^[a-z]+$"; received "Acme"',
      ].join('\n'),
    );
  });

  it('a form body is the urlencoded text got sent, checked against the documented media types', async () => {
    const res = await got.post(`${base()}/pets`, { ...noThrow, form: pet });
    expect(await asyncFailureOf(() => expect(res.request).toSatisfyApiSpec({ spec }))).toContain(
      'Content-Type "application/x-www-form-urlencoded" is not one the spec documents for this request: application/json.\n\nContent-Type: application/x-www-form-urlencoded\n\nBody:\n  name=Rex&password=',
    );
  });
});

describe('a body the client does not keep', () => {
  it('a streamed got body is a usage error that says where to check it instead, thrown at the assertion', async () => {
    const res = await got.post(`${base()}/pets`, {
      ...noThrow,
      body: Readable.from([JSON.stringify(pet)]),
      headers: { 'content-type': 'application/json' },
    });
    expect(() => expect(res.request).toSatisfyApiSpec({ spec })).toThrow(
      "toSatisfyApiSpec: the body of this got request was a stream or FormData, which the client does not keep: check the request where it is received instead (an msw handler's `request`, or the server).",
    );
  });

  it("a fetch Request whose body never ends: the body module's bodyTimeout ends the read with a usage error", async () => {
    configure({ bodyTimeout: 200 });
    try {
      const endless = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode('{"name":')),
      });
      const request = new Request('http://localhost/v1/pets', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: endless,
        ...({ duplex: 'half' } as object),
      });
      await expect(expect(request).toSatisfyApiSpec({ spec })).rejects.toThrow(
        /^toSatisfyApiSpec: the body did not end within bodyTimeout \(200 ms\); 8 B had arrived, so it was not checked\. \(Request: POST, Content-Type: application\/json\.\)\nIts sender is still sending it \(a stream that does not end\)\./,
      );
    } finally {
      configure({ bodyTimeout: 10_000 });
    }
  });

  it('a Buffer sent by supertest is read as the text it is', async () => {
    const res = await supertest(base())
      .post('/pets')
      .set('content-type', 'application/json')
      .send(Buffer.from(JSON.stringify({ ...pet, id: 4 })));
    expect(await asyncFailureOf(() => expect(res.request).toSatisfyApiSpec({ spec }))).toContain(
      '  - body.id is readOnly, so it must not be in a request; received 4',
    );
  });
});

describe('a fetch Request in an msw handler, with query and header parameters', () => {
  const outcomes: string[] = [];
  const mock = setupServer(
    http.get('http://petstore.test/v1/pets', async ({ request }) => {
      outcomes.push(await asyncFailureOf(() => expect(request).toSatisfyApiSpec({ spec })).catch(() => 'passed'));
      return HttpResponse.json([]);
    }),
  );
  beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => mock.close());

  it('passes the request the app sends, and fails one whose query is out of range', async () => {
    outcomes.length = 0;
    for (const query of ['limit=2&tags=cat,dog', 'limit=-1']) {
      const res = await fetch(`http://petstore.test/v1/pets?${query}`, { headers: { 'x-tenant': 'acme' } });
      await res.text();
    }
    expect(outcomes[0]).toBe('passed');
    expect(outcomes[1]).toContain('Received request: GET http://petstore.test/v1/pets?limit=-1');
    expect(outcomes[1]).toContain('  - query parameter limit must be >= 1; received -1');
  });
});
