// jest 30 with the global `expect` typed by @types/jest: types come from the `jest.Matchers` augmentation.
import 'expect-http/jest';

declare const res: Response;

expect(res).toHaveStatus(200);
expect(res).not.toBeClientError();
expect(res).toHaveStatusClass(5);
expect({ res }).toEqual({ res: expect.toHaveStatus(201) });

// @ts-expect-error a misspelt matcher is an error
expect(res).toHaveStatusClas('2xx');
// @ts-expect-error the class must be one of the known spellings
expect(res).toHaveStatusClass('teapot');
