import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpMatcherUsageError } from '../../src/errors.js';
import { loadApiSpec, openApiMatchers, useApiSpec, type ApiSpec } from '../../src/openapi/index.js';
import { peer } from '../../src/openapi/peers.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { apiRoutes } from './api-server.js';
import { apiClients } from './clients.js';

expect.extend(openApiMatchers);

const specPath = (name: string) => fileURLToPath(new URL(`./specs/${name}`, import.meta.url));
let server: TestServer;
let dir: string;
const { clients, release, close } = apiClients(() => server.url);

beforeAll(async () => {
  server = await startServer(apiRoutes);
  dir = await mkdtemp(join(tmpdir(), 'expect-http-openapi-'));
});
afterEach(release);
afterAll(async () => {
  await close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const minimal = (paths: object, extra: object = {}) => ({
  openapi: '3.0.3',
  info: { title: 'T', version: '1' },
  paths,
  ...extra,
});

describe('loadApiSpec: an unusable spec is reported once, with where', () => {
  it('lists every problem with its location', async () => {
    const error = await loadApiSpec(
      minimal({
        pets: {},
        '/pets': { get: {} },
        '/pets/{id}': {
          get: {
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pett' } } } },
              '20': { description: 'typo' },
            },
          },
        },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpMatcherUsageError);
    const message = (error as Error).message;
    expect(message).toContain('the document is not a usable OpenAPI 3.0 document (4 problems):');
    expect(message).toContain('#/paths/pets: a path must start with "/" (got "pets")');
    expect(message).toContain('#/paths/~1pets/get: no "responses" (required in this version)');
    expect(message).toContain(
      '#/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Pett" points nowhere',
    );
    expect(message).toContain('"20" is not a status code, a range such as 2XX, or "default"');
  });

  it('says what a document that is not OpenAPI is', async () => {
    await expect(loadApiSpec({ info: {} })).rejects.toThrow(
      'loadApiSpec: the document is not an OpenAPI document: neither an "openapi" field (OpenAPI 3.x) nor a "swagger" field (Swagger 2.0) at the top.',
    );
    await expect(loadApiSpec({ openapi: '4.0.0', paths: {} })).rejects.toThrow(
      'openapi "4.0.0": only 3.0.x, 3.1.x, 3.2.x (and swagger 2.0) are supported',
    );
  });

  it('names a missing file, a $ref to a missing file, and YAML that does not parse', async () => {
    await expect(loadApiSpec(join(dir, 'nope.yaml'))).rejects.toThrow(
      /cannot read .*nope\.yaml: there is no such file/,
    );
    const broken = join(dir, 'broken-ref.json');
    await writeFile(broken, JSON.stringify(minimal({}, { components: { schemas: { A: { $ref: './a.yaml' } } } })));
    await expect(loadApiSpec(broken)).rejects.toThrow(/cannot read .*a\.yaml \(named by a \$ref in broken-ref\.json\)/);
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'openapi: 3.0.3\npaths: [\n');
    await expect(loadApiSpec(bad)).rejects.toThrow(/bad\.yaml is not valid YAML/);
  });

  it('refuses a source that is neither a path nor an object, and a remote $ref', async () => {
    await expect(loadApiSpec(42 as never)).rejects.toThrow(
      'loadApiSpec: source must be a file path (YAML or JSON) or an already-parsed OpenAPI document (an object); got number.',
    );
    await expect(
      loadApiSpec(minimal({}, { components: { schemas: { A: { $ref: 'https://example.com/a.json' } } } })),
    ).rejects.toThrow('only local files are read');
  });

  it('turns a missing optional peer into a usage error with the install command', async () => {
    await expect(peer('ajv', 'loadApiSpec', () => import('ajv-is-not-installed' as string))).rejects.toThrow(
      'loadApiSpec: needs the optional peer dependency "ajv", which is not installed. expect-http/openapi validates with ajv and ajv-formats, and reads YAML specs with yaml: npm install --save-dev ajv ajv-formats yaml',
    );
  });
});

describe('a multi-file spec with relative $refs (path items, schemas, a recursive schema across files)', () => {
  let spec: ApiSpec;
  beforeAll(async () => {
    spec = await loadApiSpec(specPath('multi/openapi.yaml'));
  });
  describe.each(clients.filter((c) => c.keeps === 'method and url'))('$name', (client) => {
    it('passes and fails on real responses, naming the file of the failing schema', async () => {
      await expect(await client.get('/v1/pets/1')).toSatisfyApiSpec({ spec });
      await expect(await client.get('/v1/tree')).toSatisfyApiSpec({ spec });
      const message = await asyncFailureOf(async () =>
        expect(await client.get('/v1/pets/1?variant=wrong-types')).toSatisfyApiSpec({ spec }),
      );
      expect(message).toContain(
        'body.id must be an integer; received "one" (schemas/pet.yaml#/Pet/properties/id/type)',
      );
      expect(message).toContain('body.tag must be a string; received 7 (schemas/pet.yaml#/Tag/type)');
      const deep = await asyncFailureOf(async () =>
        expect(await client.get('/v1/tree?variant=deep')).toSatisfyApiSpec({ spec }),
      );
      expect(deep).toContain(
        'body.children[0].children[0].name must be a string; received 3 (schemas/node.yaml#/properties/name/type)',
      );
    });
  });
});

describe('Swagger 2.0', () => {
  let spec: ApiSpec;
  beforeAll(async () => {
    spec = await loadApiSpec(specPath('swagger-2.0.json'));
  });
  describe.each(clients.filter((c) => c.keeps === 'method and url'))('$name', (client) => {
    it('passes documented responses (basePath, produces, headers, x-nullable)', async () => {
      await expect(await client.get('/v1/pets')).toSatisfyApiSpec({ spec });
      await expect(await client.get('/v1/pets/1')).toSatisfyApiSpec({ spec });
      await expect(await client.get('/v1/pets/1?variant=not-found')).toSatisfyApiSpec({ spec });
      await expect(await client.get('/v1/ping')).toSatisfyApiSpec({ spec });
    });
    it('fails a body, a header and an undocumented status', async () => {
      const body = await asyncFailureOf(async () =>
        expect(await client.get('/v1/pets/1?variant=wrong-types')).toSatisfyApiSpec({ spec }),
      );
      expect(body).toContain(
        'Contract: GET /pets/{petId} (getPet), response 200, application/json, in Petstore (Swagger) (Swagger 2.0)',
      );
      expect(body).toContain('body.id must be an integer; received "one" (#/definitions/Pet/properties/id/type)');
      const header = await asyncFailureOf(async () =>
        expect(await client.get('/v1/pets?variant=bad-count')).toSatisfyApiSpec({ spec }),
      );
      expect(header).toContain('X-Total-Count must be an integer; received "many"');
      const status = await asyncFailureOf(async () =>
        expect(await client.get('/v1/pets/1?variant=teapot')).toSatisfyApiSpec({ spec }),
      );
      expect(status).toContain('Status 418 is not documented for GET /pets/{petId}. Documented: 200, 404.');
    });
  });
});

describe('several specs side by side, and a default one', () => {
  it('holds one response to each spec it is given', async () => {
    const v30 = await loadApiSpec(specPath('petstore-3.0.yaml'));
    const swagger = await loadApiSpec(specPath('swagger-2.0.json'));
    const res = await fetch(`${server.url}/v1/jobs/7`);
    await expect(res).toSatisfyApiSpec({ spec: v30 });
    // The Swagger spec has no /jobs: the same response breaks that contract.
    expect(await asyncFailureOf(() => expect(res).toSatisfyApiSpec({ spec: swagger }))).toContain(
      'No path in the spec matches "/v1/jobs/7"',
    );
  });

  it('uses the default spec set by useApiSpec, and says when there is none', async () => {
    const res = await fetch(`${server.url}/v1/tree`);
    await expect(useApiSpec(42 as never)).rejects.toThrow('useApiSpec: source must be a file path');
    await expect(() => expect(res).toSatisfyApiSpec()).toThrow(
      "toSatisfyApiSpec: no spec to check against. Load one in a setup file with `await useApiSpec('./openapi.yaml')`, or pass { spec: await loadApiSpec(...) }. The last useApiSpec() failed: useApiSpec: source must be a file path",
    );
    await useApiSpec(specPath('petstore-3.1.yaml'));
    await expect(res).toSatisfyApiSpec();
    expect({ name: 'a', children: [] }).toSatisfySchemaInApiSpec('Node');
  });

  it('says a spec option that was not awaited is one', async () => {
    const res = await fetch(`${server.url}/v1/tree`);
    const pending = loadApiSpec(specPath('petstore-3.0.yaml'));
    expect(() => expect(res).toSatisfyApiSpec({ spec: pending as never })).toThrow(
      'toSatisfyApiSpec: the spec option must be what loadApiSpec() resolves to (did you forget to await it?); got object.',
    );
    await pending;
  });
});
