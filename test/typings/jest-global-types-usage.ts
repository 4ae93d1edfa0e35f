// Compiled by `npm run typecheck` with `"types": ["jest", "expect-http/jest"]` in tsconfig and no import
// of the entry: the global `expect` of @types/jest, when the setup file is outside the tsconfig `include`.
declare const res: Response;

expect(res).toHaveStatus(200);
expect({ res }).toEqual({ res: expect.toHaveStatus(201) });

export async function bodies(): Promise<void> {
  await expect(res).toHaveJsonBody({ id: 1 });
}

// @ts-expect-error a misspelt matcher is an error
expect(res).toHaveStatuss(200);
