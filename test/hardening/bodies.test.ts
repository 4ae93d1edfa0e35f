import { request as undiciRequest } from 'undici';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { matchers, readBody } from '../../src/index.js';
import { bodyServer, call, CLIENTS, hangUp, lastStream, MiB, useBodyServer } from './bodies.js';

// The body across matchers. Each body matcher's own cases (a 1 GiB body, one that never ends, the body left
// readable) are in its test file (test/matchers/<name>.test.ts), run by ./bodies.ts through harden().
expect.extend(matchers);
useBodyServer();

/** One call of each body matcher, for the case where they all read one response in turn. */
const BODY_CALLS: Record<string, unknown[]> = {
  toHaveJsonBody: [],
  toMatchJsonBody: [{ id: 7 }],
  toHaveTextBody: [/Ada/],
  toMatchSchema: [z.object({ id: z.number() })],
  toBeProblemDetails: [],
};

describe.each(CLIENTS)('a 1 GiB body streamed to $name', (client) => {
  it('a declared Content-Length over the cap is refused before reading', async () => {
    const res = await client.get('/gib-declared');
    const stream = lastStream();
    await expect(call('toHaveJsonBody', res, [])).rejects.toThrow(
      /its Content-Length is 1\.0 GB, so it was not checked/,
    );
    await client.release(res);
    await hangUp(stream);
    expect(stream.written).toBeLessThan(64 * MiB);
  });
});

describe('the body stays the user’s', () => {
  it('after every body matcher on one undici.request response, readBody still gives the body', async () => {
    const res = await undiciRequest(`${bodyServer.url}/json`);
    for (const [name, args] of Object.entries(BODY_CALLS)) await call(name, res, args).catch(() => {});
    expect((await readBody(res)).json()).toEqual({ id: 7, name: 'Ada' });
  });
});
