// Adds expect-http's matchers to vitest's expect, and their types to every file this project type-checks.
import 'expect-http/vitest';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { handlers } from './test/handlers.js';

const server = setupServer(...handlers);

// A request no handler answers is a bug in the test: fail loudly instead of going to the network.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
