// Compiled in the vitest 4 and vitest 5 cells with `tsc --noEmit` and skipLibCheck: false: proves the
// parameterless `interface Matchers` augmentation merges with vitest 4's Matchers<T> and vitest 5's Matchers<R, T>.
// Imported first, as a setup file would: vitest's own declarations are not loaded yet at this point.
import 'expect-http/vitest';
import type { HttpAsyncMatchers, HttpSyncMatchers } from 'expect-http';
import { expect } from 'vitest';

declare const res: Response;

expect(res).toHaveStatus(200);
expect(res).toHaveStatus([200, 204]);
expect(res).toHaveStatus(expect.any(Number));
expect(res).not.toHaveStatusClass('4xx');
expect(res).toBeSuccessful();
expect(res).toBeRedirectWithLocation('/login', { status: 303 });
expect({ res }).toEqual({ res: expect.toHaveStatus(200) });
// The sync matchers also work under .resolves. (Typed as returning void there on vitest 5, whose
// resolves is Assertion<Promise<void>, T>: a parameterless augmentation cannot see R; awaiting still works.)
export async function resolved(pending: Promise<Response>): Promise<void> {
  await expect(pending).resolves.toHaveStatus(200);
}

// Body matchers are awaited, and instance-only: an async result cannot sit inside toEqual.
export async function bodies(): Promise<void> {
  await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
  await expect(res).not.toMatchJsonBody({ role: 'admin' });
  await expect(res).toHaveTextBody(/ok/);
  // @ts-expect-error body matchers have no asymmetric form
  expect.toHaveJsonBody({ id: 1 });
}

// @ts-expect-error a misspelt matcher is an error: no index signature, no `any`
expect(res).toHaveStatuss(200);
// @ts-expect-error the code is a number, not a string
expect(res).toHaveStatus('200');
// @ts-expect-error '6xx' is not a status class
expect(res).toHaveStatusClass('6xx');

// Every matcher of the shared interfaces is on vitest's assertion, so a new matcher is checked here
// without editing this file; body matchers are awaited, so they must return a promise.
type Assertion = ReturnType<typeof expect<Response>>;
type Missing = Exclude<keyof HttpSyncMatchers | keyof HttpAsyncMatchers, keyof Assertion>;
const noneMissing: [Missing] extends [never] ? true : Missing = true;
type NotAsync = {
  [K in keyof HttpAsyncMatchers]: ReturnType<Assertion[K]> extends Promise<void> ? never : K;
}[keyof HttpAsyncMatchers];
const allAsync: [NotAsync] extends [never] ? true : NotAsync = true;
void noneMissing;
void allAsync;
