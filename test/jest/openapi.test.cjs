// expect-http/openapi/jest under jest 30, against the built package: what a jest-openapi user gets after
// swapping `jestOpenAPI(spec)` for `useApiSpec(spec)`. Real supertest and fetch responses from a real server.
require('expect-http/openapi/jest');
const { createServer } = require('node:http');
const { join } = require('node:path');
const request = require('supertest');
const { loadApiSpec, useApiSpec } = require('expect-http/openapi');

const SPEC = join(__dirname, '..', 'openapi', 'specs', 'petstore-3.0.yaml');
const PET = { id: 1, name: 'Rex', tag: null };
const ROUTES = {
  '/v1/pets/1': [200, {}, PET],
  '/v1/pets/2': [200, {}, { id: 'two', name: 'Rex', password: 'hunter2' }],
  '/v1/pets/3': [500, { 'content-type': 'text/html' }, '<h1>Internal Server Error</h1>'],
  '/v1/pets': [200, { 'x-total-count': '1' }, [PET]],
};

let server;
let base;
beforeAll(async () => {
  server = createServer((req, res) => {
    const [status, headers, body] = ROUTES[req.url] ?? [404, {}, { code: 404, message: 'no such route' }];
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  await useApiSpec(SPEC);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('a documented supertest response passes, and fails under .not naming the operation', async () => {
  const res = await request(server).get('/v1/pets/1');
  await expect(res).toSatisfyApiSpec();
  await expect(res).toSatisfyApiSpec('GET /pets/{petId}');
  const error = await expect(res)
    .not.toSatisfyApiSpec()
    .catch((e) => e);
  expect(error.message).toContain('GET /pets/{petId} (getPet), response 200, application/json');
});

test("a body that breaks the schema fails with each error's path, keyword and schema location", async () => {
  const res = await request(server).get('/v1/pets/2');
  const error = await expect(res)
    .toSatisfyApiSpec()
    .catch((e) => e);
  expect(error.message).toContain(
    'body.id must be an integer; received "two" (#/components/schemas/Pet/properties/id/type)',
  );
  expect(error.message).toContain('body.password is writeOnly, so it must not be in a response');
  // The password is a secret: the message explains the property without its value.
  expect(error.message).not.toContain('hunter2');
  await expect(res).not.toSatisfyApiSpec();
});

test('a fetch Response: the status the test expects is checked, so a documented 500 is not a pass', async () => {
  const res = await fetch(`${base}/v1/pets/3`);
  const error = await expect(res)
    .toSatisfyApiSpec({ operation: 'getPet', status: 200 })
    .catch((e) => e);
  expect(error.message).toContain('Received status:   500 Internal Server Error (5xx Server Error)');
  expect(error.message).toContain('The test expects response 200 of GET /pets/{petId}; the response is 500.');
  // The response stays usable after the assertion read its body.
  expect(await res.text()).toBe('<h1>Internal Server Error</h1>');
});

test('toSatisfySchemaInApiSpec is synchronous, awaitable, and usable as an asymmetric matcher', async () => {
  expect(PET).toSatisfySchemaInApiSpec('Pet');
  await expect(PET).toSatisfySchemaInApiSpec('Pet');
  expect({ pet: PET }).toEqual({ pet: expect.toSatisfySchemaInApiSpec('Pet') });
  expect(() => expect({ id: 'x' }).toSatisfySchemaInApiSpec('Pet')).toThrow(/"name"/);
  expect(() => expect(PET).toSatisfySchemaInApiSpec('Pett')).toThrow(/Pet/);
});

test('several specs side by side: a handle given per assertion wins over the default', async () => {
  const swagger = await loadApiSpec(join(__dirname, '..', 'openapi', 'specs', 'swagger-2.0.json'));
  const res = await request(server).get('/v1/pets');
  await expect(res).toSatisfyApiSpec();
  const error = await expect(res)
    .toSatisfyApiSpec({ spec: swagger, operation: 'getPet' })
    .catch((e) => e);
  expect(error.message).toContain('in Petstore (Swagger) (Swagger 2.0)');
  expect(error.message).toContain('body must be an object; received an array of 1 item (#/definitions/Pet/type)');
});
