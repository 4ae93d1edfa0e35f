// Adds expect-http's matchers to vitest's expect, and their types to every file this project type-checks.
import 'expect-http/vitest';
import { checkMocksAgainst } from 'expect-http/openapi/vitest';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { handlers } from './test/handlers.js';

const server = setupServer(...handlers);

// Every request the app sends and every response a handler mocks is held to openapi.yaml; a violation fails
// the test that caused it, even where the app swallowed the error.
checkMocksAgainst(server, './openapi.yaml');

// A request no handler answers is a bug in the test: fail loudly instead of going to the network.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
