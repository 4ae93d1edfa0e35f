import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as undiciRequest } from 'undici';
import { loadApiSpec, openApiMatchers, useApiSpec, type ApiSpec } from '../../src/openapi/index.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { apiRoutes } from './api-server.js';

expect.extend(openApiMatchers);

let server: TestServer;
let spec: ApiSpec;
beforeAll(async () => {
  server = await startServer(apiRoutes);
  spec = await loadApiSpec(fileURLToPath(new URL('./specs/petstore-3.0.yaml', import.meta.url)));
});
afterAll(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

describe('finding the operation', () => {
  it('infers it for fetch when the path has one method, and asks when it has several', async () => {
    await expect(await get('/v1/tree')).toSatisfyApiSpec({ spec });
    const res = await get('/v1/pets/1');
    await expect(expect(res).toSatisfyApiSpec({ spec })).rejects.toThrow(
      "toSatisfyApiSpec: this fetch Response does not keep the request's method, and /v1/pets/1 has GET, DELETE in the spec: say which, as toSatisfyApiSpec('GET /pets/{petId}') or { method: 'GET' }.",
    );
    await expect(res).toSatisfyApiSpec({ spec, method: 'GET' });
  });

  it('asks for the operation when the client keeps no URL (undici.request)', async () => {
    const res = await undiciRequest(`${server.url}/v1/tree`);
    await expect(expect(res).toSatisfyApiSpec({ spec })).rejects.toThrow(
      "toSatisfyApiSpec: this undici.request() result does not say which URL it answered, so the operation cannot be found: name it, as toSatisfyApiSpec('GET /pets/{petId}') or toSatisfyApiSpec({ operation: 'getPet' }).",
    );
    await expect(res).toSatisfyApiSpec({ spec, operation: 'getTree' });
  });

  it('takes the operation as a string (with the default spec), an operationId, or a method and path', async () => {
    await useApiSpec(spec);
    await expect(await get('/v1/pets/1')).toSatisfyApiSpec('GET /pets/{petId}');
    await expect(await get('/v1/pets/1')).toSatisfyApiSpec({ operation: 'getPet' });
    await expect(await get('/v1/pets/1')).toSatisfyApiSpec({ method: 'get', path: '/pets/{petId}' });
    const message = await asyncFailureOf(async () =>
      expect(await get('/v1/pets/1?variant=wrong-types')).toSatisfyApiSpec('GET /pets/{petId}'),
    );
    expect(message).toContain('expect(response).toSatisfyApiSpec(options)');
    expect(message).toContain('Contract: GET /pets/{petId} (getPet), response 200, application/json, in Petstore');
  });

  it('fails a DELETE answered with a body where the spec documents 204 only', async () => {
    await expect(await get('/v1/pets/1', { method: 'DELETE' })).toSatisfyApiSpec({ spec, operation: 'deletePet' });
    const message = await asyncFailureOf(async () =>
      expect(await get('/v1/pets/1?variant=body', { method: 'DELETE' })).toSatisfyApiSpec({
        spec,
        operation: 'deletePet',
      }),
    );
    expect(message).toContain('Status 200 is not documented for DELETE /pets/{petId}. Documented: 204.');
  });

  it('fails a documented status the test did not expect (status option)', async () => {
    const res = await get('/v1/pets/1?variant=not-found');
    await expect(res).toSatisfyApiSpec({ spec, method: 'GET' }); // 404 is documented
    const message = await asyncFailureOf(() =>
      expect(res).toSatisfyApiSpec({ spec, operation: 'getPet', status: 200 }),
    );
    expect(message).toContain('The test expects response 200 of GET /pets/{petId}; the response is 404.');
  });

  it('fails a path the spec does not have, and a method it does not document', async () => {
    const message = await asyncFailureOf(async () => expect(await get('/v2/pets')).toSatisfyApiSpec({ spec }));
    expect(message).toContain('No path in the spec matches "/v2/pets"');
    const method = await asyncFailureOf(async () =>
      expect(await get('/v1/tree', { method: 'PUT' })).toSatisfyApiSpec({ spec, method: 'PUT' }),
    );
    expect(method).toContain('"/v1/tree" has GET in the spec, not PUT.');
  });
});

describe('usage errors', () => {
  it.each([
    ['GET', 'options as a string must be a method and a path, such as \'GET /pets/{petId}\'; got "GET".'],
    [{ operaton: 'getPet' }, 'options has unknown key "operaton" (did you mean operation?)'],
    [{ method: 'FETCH' }, 'method must be an HTTP method such as \'GET\'; got "FETCH".'],
    [{ path: 'pets' }, 'path must start with "/"'],
    [{ status: 2000 }, 'status must be a status code'],
    [[1], "options must be 'GET /pets/{petId}' or { operation?, method?, path?, status?, spec? }; got [1]."],
  ])('%j', async (options, problem) => {
    const res = await get('/v1/tree');
    expect(() => expect(res).toSatisfyApiSpec(options as never)).toThrow(`toSatisfyApiSpec: ${problem}`);
    expect(() => expect(res).not.toSatisfyApiSpec(options as never)).toThrow(`toSatisfyApiSpec: ${problem}`);
  });

  it('names the nearest operationIds for an unknown one', async () => {
    const res = await get('/v1/tree');
    await expect(expect(res).toSatisfyApiSpec({ spec, operation: 'getPets' })).rejects.toThrow(
      'toSatisfyApiSpec: the spec "Petstore" has no operation with operationId "getPets" (did you mean getPet?). Its operationIds: listPets, createPet, myPets, ping, getSecret, getTree, getPet, deletePet, getAnimal, getJob.',
    );
  });

  it('refuses a bare status code, which has no body or headers', () => {
    expect(() => expect(200).toSatisfyApiSpec({ spec })).toThrow(
      'toSatisfyApiSpec: received the bare status code 200, which has no headers: pass the response itself.',
    );
  });
});

describe('what a failure shows', () => {
  it('redacts a secret in a schema error and the body, and keeps the response readable', async () => {
    const res = await get('/v1/secret');
    const message = await asyncFailureOf(() => expect(res).toSatisfyApiSpec({ spec }));
    expect(message).toContain('body.token must be at most 8 characters long; received');
    expect(message).not.toContain('sk_live_abcdefghijklmnop');
    expect(await res.json()).toEqual({ token: 'sk_live_abcdefghijklmnop', id: 'x' });
  });

  it('escapes control characters a spec or response put in the message', async () => {
    const hostile = await loadApiSpec({
      openapi: '3.1.0',
      info: { title: 'T\u001b[31m', version: '1' },
      paths: {
        '/v1/tree': {
          get: {
            responses: {
              '200': {
                description: 'x',
                content: { 'application/json': { schema: { type: 'object', properties: { name: { const: 'z' } } } } },
              },
            },
          },
        },
      },
    });
    const message = await asyncFailureOf(async () => expect(await get('/v1/tree')).toSatisfyApiSpec({ spec: hostile }));
    expect(message).toContain('body.name must be "z"; received "a"');
    expect(message).not.toContain('\u001b[31m');
  });

  it('names a format it does not know once, and checks the rest of the schema', async () => {
    const withPhone = await loadApiSpec({
      openapi: '3.0.3',
      info: { title: 'P', version: '1' },
      paths: {
        '/v1/tree': {
          get: {
            responses: {
              '200': {
                description: 'x',
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { name: { type: 'string', format: 'phone', maxLength: 0 } } },
                  },
                },
              },
            },
          },
        },
      },
    });
    const message = await asyncFailureOf(async () =>
      expect(await get('/v1/tree')).toSatisfyApiSpec({ spec: withPhone }),
    );
    expect(message).toContain('body.name must be at most 0 characters long; received "a"');
    expect(message).toContain('Not checked: format "phone" (unknown to ajv-formats, so any value passes).');
    expect(message.match(/Not checked/g)).toHaveLength(1);
  });
});
