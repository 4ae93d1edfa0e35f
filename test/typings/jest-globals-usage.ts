// jest 30 with `import { expect } from '@jest/globals'`: types come from the `expect` module augmentation.
import 'expect-http/jest';
import 'expect-http/openapi/jest';
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

// expect-http/openapi/jest: the contract matchers, their options typed.
await expect(res).toSatisfyApiSpec({ operation: 'getPet', status: 200 });
expect({ id: 1 }).toSatisfySchemaInApiSpec('Pet');
expect({ pet: {} }).toEqual({ pet: expect.toSatisfySchemaInApiSpec('Pet') });
// @ts-expect-error a misspelt option is an error
await expect(res).toSatisfyApiSpec({ operationId: 'getPet' });
// @ts-expect-error the schema name is a string
expect({ id: 1 }).toSatisfySchemaInApiSpec(1);
