// Type-checked with `"types": ["node", "jest", "expect-http/jest"]` and no import of the entry.
declare const res: Response;

expect(res).toHaveStatus(200);
expect({ res }).toEqual({ res: expect.toHaveStatus(201) });
export async function bodies(): Promise<void> {
  await expect(res).toHaveJsonBody({ id: 1 });
}
// @ts-expect-error a misspelt matcher is an error
expect(res).toHaveStatuss(200);
