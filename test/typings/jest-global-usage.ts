// jest 30 with the global `expect` typed by @types/jest: types come from the `jest.Matchers` augmentation.
import 'expect-http/jest';
import 'expect-http/openapi/jest';

declare const res: Response;

expect(res).toHaveStatus(200);
expect(res).not.toBeClientError();
expect(res).toHaveStatusClass(5);
expect({ res }).toEqual({ res: expect.toHaveStatus(201) });

// @ts-expect-error a misspelt matcher is an error
expect(res).toHaveStatusClas('2xx');
// @ts-expect-error the class must be one of the known spellings
expect(res).toHaveStatusClass('teapot');

// The async (body) matchers, awaited.
export async function bodies(): Promise<void> {
  await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
  await expect(res).toMatchJsonBody({ id: 1 });
}

// expect-http/openapi/jest: the contract matchers, their options typed.
await expect(res).toSatisfyApiSpec({ operation: 'getPet', status: 200 });
expect({ id: 1 }).toSatisfySchemaInApiSpec('Pet');
expect({ pet: {} }).toEqual({ pet: expect.toSatisfySchemaInApiSpec('Pet') });
// @ts-expect-error a misspelt option is an error
await expect(res).toSatisfyApiSpec({ operationId: 'getPet' });
// @ts-expect-error the schema name is a string
expect({ id: 1 }).toSatisfySchemaInApiSpec(1);
