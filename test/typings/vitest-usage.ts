// Compiled by `npm run typecheck` (tsc --noEmit, skipLibCheck: false) against the built package.
import 'expect-http/vitest';
import 'expect-http/openapi/vitest';
import { loadApiSpec, useApiSpec } from 'expect-http/openapi';
import { responseSpec } from 'expect-http';
import { expect } from 'vitest';

declare const res: Response;

expect(res).toHaveStatus(200);
expect(res).toHaveStatus([200, 204]);
expect(res).toHaveStatus(expect.any(Number));
expect(res).not.toHaveStatusClass('4xx');
expect(res).toHaveStatusClass(2);
expect(res).toHaveStatusClass('client-error');
expect(res).toBeSuccessful();
expect(res).toBeRedirectWithLocation('/login', { status: 303 });
expect(res).toBeRedirectWithLocation(/\/login$/);
expect({ res }).toEqual({ res: expect.toHaveStatus(200) });

// @ts-expect-error a misspelt matcher is an error (no index signature, no any)
expect(res).toHaveStatuss(200);
// @ts-expect-error the code is a number, not a string
expect(res).toHaveStatus('200');
// @ts-expect-error '6xx' is not a class
expect(res).toHaveStatusClass('6xx');
// @ts-expect-error 304 is not a redirect code
expect(res).toBeRedirectWithLocation('/x', { status: 304 });
// @ts-expect-error class matchers take no argument
expect(res).toBeSuccessful(200);

// The async (body) matchers are on the assertion, awaited, and never asymmetric.
declare const schema: { '~standard': { version: 1; vendor: string; validate: (v: unknown) => { value: unknown } } };
await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
await expect(res).not.toMatchJsonBody({ role: 'admin' });
await expect(res).toHaveTextBody(/ok/);
await expect(res).toMatchSchema(schema);
await expect(res).toBeProblemDetails({ title: expect.any(String) });
// @ts-expect-error async matchers are not asymmetric matchers
expect.toHaveJsonBody({ id: 1 });

// The whole response at once: a typed expectation, where a misspelt key is a compile error.
const created = responseSpec({ status: 201, headers: { location: expect.any(String) }, contentType: 'json' });
await expect(res).toMatchResponse(created);
await expect(res).not.toMatchResponse({
  status: '2xx',
  json: { id: 1 },
  exact: true,
  cookies: { sid: { httpOnly: true } },
});
// @ts-expect-error a misspelt key is an error
await expect(res).toMatchResponse({ stauts: 200 });
// @ts-expect-error a misspelt key is an error in responseSpec too
responseSpec({ status: 200, header: { location: '/' } });
// @ts-expect-error '6xx' is not a class
await expect(res).toMatchResponse({ status: '6xx' });
// @ts-expect-error toMatchResponse is async, never asymmetric
expect.toMatchResponse({ status: 200 });

// expect-http/openapi/vitest: the contract matchers, their options typed.
const petstore = await loadApiSpec('openapi.yaml');
await useApiSpec(petstore);
await expect(res).toSatisfyApiSpec();
await expect(res).toSatisfyApiSpec('GET /pets/{petId}');
await expect(res).not.toSatisfyApiSpec({ operation: 'getPet', status: 200, spec: petstore });
expect({ id: 1 }).toSatisfySchemaInApiSpec('Pet', { spec: petstore });
expect({ pet: {} }).toEqual({ pet: expect.toSatisfySchemaInApiSpec('Pet') });
// @ts-expect-error the status is a number
await expect(res).toSatisfyApiSpec({ status: '200' });
// @ts-expect-error a misspelt option is an error
await expect(res).toSatisfyApiSpec({ operationId: 'getPet' });
// @ts-expect-error toSatisfyApiSpec is async, never asymmetric
expect.toSatisfyApiSpec();
