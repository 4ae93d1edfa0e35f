// As a vitest user has it, without globals: checkMocksAgainst from 'expect-http/openapi/vitest' (here, its source).
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { checkMocksAgainst } from '../../../src/openapi/vitest.js';
import { handlers, SPEC } from './handlers.mjs';

const server = setupServer(...handlers);
checkMocksAgainst(server, SPEC);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
