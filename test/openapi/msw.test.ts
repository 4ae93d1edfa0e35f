import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMocksAgainst, loadApiSpec, openApiMatchers, type ApiSpec } from '../../src/openapi/index.js';
import { asyncFailureOf } from '../helpers/message.js';

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

beforeAll(async () => {
  spec = await loadApiSpec(fileURLToPath(new URL('./specs/petstore-3.0.yaml', import.meta.url)));
  mock.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => mock.close());

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

describe('checkMocksAgainst', () => {
  it('fails the test whose mock drifted from the contract, naming the request and what is wrong', async () => {
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
      expect(message).toContain('An msw mock breaks the contract:');
      expect(message).toContain('The mocked response (status 200) to GET http://petstore.test/v1/pets/2:');
      expect(message).toContain('Contract: GET /pets/{petId} (getPet), response 200, application/json, in Petstore');
      expect(message).toContain(
        'body.id must be an integer; received "two" (#/components/schemas/Pet/properties/id/type)',
      );
      await checks.verify(); // reported once
    } finally {
      checks.stop();
    }
  });

  it('refuses something that is not an msw server', () => {
    expect(() => checkMocksAgainst({}, spec)).toThrow(
      'checkMocksAgainst: server must be an msw server or worker (setupServer(...) from msw/node, setupWorker(...) from msw/browser), whose events it listens to.',
    );
  });
});
