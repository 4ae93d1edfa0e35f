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

// @ts-expect-error a misspelt matcher is an error: no index signature, no `any`
expect(res).toBeSucessful();
// @ts-expect-error the code is a number, not a string
expect(res).toHaveStatus('200');

type Assertion = ReturnType<typeof expect<Response>>;
type Missing = Exclude<keyof HttpSyncMatchers | keyof HttpAsyncMatchers, keyof Assertion>;
const noneMissing: [Missing] extends [never] ? true : Missing = true;
void noneMissing;
