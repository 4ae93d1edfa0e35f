import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { handlers } from './handlers.js';

const worker = setupWorker(...handlers);

// The worker script is public/mockServiceWorker.js (from `npx msw init public`), served by vitest at /.
beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'error' });
});
afterEach(() => worker.resetHandlers());
afterAll(() => worker.stop());
