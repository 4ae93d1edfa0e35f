// Adds expect-http's matchers to vitest's expect, and their types to every file this project type-checks.
import 'expect-http/vitest';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { handlers } from './test/handlers.js';

const worker = setupWorker(...handlers);

// The worker script is public/mockServiceWorker.js (from `npx msw init public`), which vitest serves at /.
beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'error' });
});
afterEach(() => worker.resetHandlers());
afterAll(() => worker.stop());
