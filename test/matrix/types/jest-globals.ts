// Compiled in the jest 30 cells: `import { expect } from '@jest/globals'`, typed by the augmentation of
// the `expect` module that `expect-http/jest` declares.
import type {} from 'expect-http/jest';
import type { HttpAsyncMatchers, HttpSyncMatchers } from 'expect-http';
import { expect } from '@jest/globals';

declare const res: Response;

expect(res).toHaveStatus(200);
expect(res).toHaveStatus([200, 204]);
expect(res).not.toBeServerError();
expect(res).toHaveStatusClass('successful');
expect(res).toBeRedirectWithLocation(expect.stringContaining('/login'));
expect({ res }).toEqual({ res: expect.toHaveStatus(201) });

// Body matchers are awaited, and instance-only: an async result cannot sit inside toEqual.
export async function bodies(): Promise<void> {
  await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
  await expect(res).not.toMatchJsonBody({ role: 'admin' });
  await expect(res).toHaveTextBody(/ok/);
  // @ts-expect-error body matchers have no asymmetric form
  expect.toHaveJsonBody({ id: 1 });
}

// @ts-expect-error a misspelt matcher is an error: no index signature, no `any`
expect(res).toBeSucessful();
// @ts-expect-error the code is a number, not a string
expect(res).toHaveStatus('200');

type Assertion = ReturnType<typeof expect<Response>>;
type Missing = Exclude<keyof HttpSyncMatchers | keyof HttpAsyncMatchers, keyof Assertion>;
const noneMissing: [Missing] extends [never] ? true : Missing = true;
void noneMissing;
