// jest 30 with `import { expect } from '@jest/globals'`: types come from the `expect` module augmentation.
import 'expect-http/jest';
import { expect } from '@jest/globals';

declare const res: Response;

expect(res).toHaveStatus(200);
expect(res).not.toBeServerError();
expect(res).toHaveStatusClass('successful');
expect(res).toBeRedirectWithLocation(expect.stringContaining('/login'));
expect({ res }).toEqual({ res: expect.toHaveStatus(201) });

// @ts-expect-error a misspelt matcher is an error
expect(res).toBeSucessful();
// @ts-expect-error the code is a number
expect(res).toHaveStatus('200');

// The async (body) matchers, awaited.
await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
await expect(res).not.toHaveTextBody('nope');
await expect(res).toBeProblemDetails();
