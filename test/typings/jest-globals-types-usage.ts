// Compiled by `npm run typecheck` with `"types": ["expect-http/jest"]` in tsconfig and no import of the
// entry: `import { expect } from '@jest/globals'`, when the setup file is outside the tsconfig `include`.
import { expect } from '@jest/globals';

declare const res: Response;

expect(res).toHaveStatus(200);
expect({ res }).toEqual({ res: expect.toHaveStatus(201) });

export async function bodies(): Promise<void> {
  await expect(res).toHaveJsonBody({ id: 1 });
}

// @ts-expect-error a misspelt matcher is an error
expect(res).toHaveStatuss(200);
