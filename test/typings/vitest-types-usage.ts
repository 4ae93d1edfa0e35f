// Compiled by `npm run typecheck` with `"types": ["expect-http/vitest"]` in tsconfig and no import of the
// entry: how a project whose setup file is outside its tsconfig `include` gets the matcher types.
import { expect } from 'vitest';

declare const res: Response;

expect(res).toHaveStatus(200);
expect(res).not.toBeClientError();
expect({ res }).toEqual({ res: expect.toHaveStatus(200) });
await expect(res).toHaveJsonBody({ id: 1 });

// @ts-expect-error a misspelt matcher is an error (no index signature, no any)
expect(res).toHaveStatuss(200);
