import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadApiSpec, openApiMatchers, type ApiSpec } from '../../src/openapi/index.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { apiRoutes } from './api-server.js';
import { apiClients } from './clients.js';

expect.extend(openApiMatchers);

const specPath = (name: string) => fileURLToPath(new URL(`./specs/${name}`, import.meta.url));
let server: TestServer;
const { clients, release, close } = apiClients(() => server.url);
const specs: Record<string, ApiSpec> = {};

beforeAll(async () => {
  server = await startServer(apiRoutes);
  specs['3.0'] = await loadApiSpec(specPath('petstore-3.0.yaml'));
  specs['3.1'] = await loadApiSpec(specPath('petstore-3.1.yaml'));
});
afterEach(release);
afterAll(async () => {
  await close();
  await server.close();
});

// Each case: a route of the real API, the operation it is (named for a client that keeps no URL), and the verdict.
const CASES: ReadonlyArray<{ name: string; path: string; op: string; fails?: readonly string[] }> = [
  { name: 'a documented 200 with a valid body', path: '/v1/pets/1', op: 'GET /pets/{petId}' },
  { name: 'the list with its required header', path: '/v1/pets', op: 'GET /pets' },
  { name: 'a concrete path before a template', path: '/v1/pets/mine', op: 'GET /pets/mine' },
  { name: 'a documented 404 through a $ref response', path: '/v1/pets/1?variant=not-found', op: 'GET /pets/{petId}' },
  { name: 'an undocumented status under default', path: '/v1/pets/1?variant=teapot', op: 'GET /pets/{petId}' },
  { name: 'a 202 under 2XX', path: '/v1/jobs/7', op: 'GET /jobs/{id}' },
  { name: 'an empty body where no content is documented', path: '/v1/ping', op: 'GET /ping' },
  { name: 'a recursive schema', path: '/v1/tree', op: 'GET /tree' },
  { name: 'a discriminated oneOf', path: '/v1/animals/1', op: 'GET /animals/{id}' },
  {
    name: 'wrong types, a missing property, a nullable given a number',
    path: '/v1/pets/1?variant=wrong-types',
    op: 'GET /pets/{petId}',
    fails: [
      'Contract: GET /pets/{petId} (getPet), response 200, application/json, in Petstore',
      'The body does not match the schema at #/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema (3 errors):',
      'body is missing the required property "name" (#/components/schemas/Pet/required)',
      'body.id must be an integer; received "one" (#/components/schemas/Pet/properties/id/type)',
      'body.tag must be a string', // "or null" in 3.1 as in 3.0 (nullable)
    ],
  },
  {
    name: 'a writeOnly property in a response',
    path: '/v1/pets/1?variant=write-only',
    op: 'GET /pets/{petId}',
    fails: [
      'body.password is writeOnly, so it must not be in a response',
      '#/components/schemas/Pet/properties/password',
    ],
  },
  {
    name: 'an invalid date format',
    path: '/v1/pets/1?variant=bad-date',
    op: 'GET /pets/{petId}',
    fails: ['body.born must be a valid date; received "2021-02-29"'],
  },
  {
    name: 'a Content-Type the response does not document',
    path: '/v1/pets/1?variant=html',
    op: 'GET /pets/{petId}',
    fails: ['Content-Type "text/html" is not one the spec documents for this response: application/problem+json.'],
  },
  {
    name: 'a missing required header',
    path: '/v1/pets?variant=no-count',
    op: 'GET /pets',
    fails: [
      'Header X-Total-Count is required by the spec (#/paths/~1pets/get/responses/200/headers/X-Total-Count) and missing.',
    ],
  },
  {
    name: 'a header its schema rejects',
    path: '/v1/pets?variant=bad-count',
    op: 'GET /pets',
    fails: ['Header X-Total-Count does not match the schema', 'X-Total-Count must be an integer; received "many"'],
  },
  {
    name: 'a body where none is documented',
    path: '/v1/ping?variant=with-body',
    op: 'GET /ping',
    fails: ['The spec documents no content for this response, but the body has 4 bytes.'],
  },
  {
    name: 'the wrong alternative of a discriminated oneOf',
    path: '/v1/animals/1?variant=bad-dog',
    op: 'GET /animals/{id}',
    fails: ['body.bark must be a boolean; received "loud" (#/components/schemas/Dog/properties/bark/type)'],
  },
  {
    name: 'a discriminator value no alternative has',
    path: '/v1/animals/1?variant=cow',
    op: 'GET /animals/{id}',
    fails: ['body has "petType" "cow", which is none of the discriminator\'s values'],
  },
  {
    name: 'a 2XX body with an enum and format error',
    path: '/v1/jobs/7?variant=bad-state',
    op: 'GET /jobs/{id}',
    fails: [
      'response 2XX',
      'body.state must be one of ["queued", "running", "done"]; received "lost"',
      'body.id must be a valid uuid',
    ],
  },
  {
    name: 'an error deep in a recursive schema',
    path: '/v1/tree?variant=deep',
    op: 'GET /tree',
    fails: [
      'body.children[0].children[0].name must be a string; received 3 (#/components/schemas/Node/properties/name/type)',
    ],
  },
];

describe.each(['3.0', '3.1'])('toSatisfyApiSpec, OpenAPI %s', (version) => {
  describe.each(clients)('$name', (client) => {
    // fetch and Playwright keep the URL but not the method; undici.request keeps neither.
    const named = (op: string) => {
      if (client.keeps === 'nothing') return { method: 'GET', path: op.slice(4) };
      return client.keeps === 'url' ? { method: 'GET' } : {};
    };
    it.each(CASES.filter((c) => !c.fails))('passes $name', async ({ path, op }) => {
      const spec = specs[version] as ApiSpec;
      const res = await client.get(path);
      await expect(res).toSatisfyApiSpec({ spec, ...named(op) });
      await expect(asyncFailureOf(() => expect(res).not.toSatisfyApiSpec({ spec, ...named(op) }))).resolves.toContain(
        'Expected response: not as GET',
      );
    });
    it.each(CASES.filter((c) => c.fails))('fails $name', async ({ path, op, fails }) => {
      const spec = specs[version] as ApiSpec;
      const res = await client.get(path);
      const options = { spec, ...named(op) };
      const message = await asyncFailureOf(() => expect(res).toSatisfyApiSpec(options));
      for (const text of fails ?? []) expect(message).toContain(text);
      expect(message).toContain(`Expected response: as ${op} documents it`);
      await expect(res).not.toSatisfyApiSpec(options);
    });
  });
});
