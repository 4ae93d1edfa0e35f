// Type-checked with `"types": [..., "expect-http/vitest"]` and no import of the entry.
import { expect } from 'vitest';

declare const res: Response;

expect(res).toHaveStatus(200);
expect({ res }).toEqual({ res: expect.toHaveStatus(200) });
export async function bodies(): Promise<void> {
  await expect(res).toHaveJsonBody({ id: 1 });
}
// @ts-expect-error a misspelt matcher is an error
expect(res).toHaveStatuss(200);
