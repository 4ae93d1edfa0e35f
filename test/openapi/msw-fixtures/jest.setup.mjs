// As a jest user has it: checkMocksAgainst from 'expect-http/openapi' (here, the built package) in
// setupFilesAfterEnv, where jest's afterEach is a global. msw 2.15 is ESM-only under jest on Node 20: native ESM.
import { afterAll, beforeAll } from '@jest/globals';
import { setupServer } from 'msw/node';
import { checkMocksAgainst } from '../../../dist/openapi/index.js';
import { handlers, SPEC } from './handlers.mjs';

const server = setupServer(...handlers);
checkMocksAgainst(server, SPEC);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
