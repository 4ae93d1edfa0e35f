// Compiled by `npm run typecheck` (tsc --noEmit, skipLibCheck: false) against the built package.
import 'expect-http/vitest';
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
