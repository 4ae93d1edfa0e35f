import { test as base, expect as baseExpect } from '@playwright/test';
import { matchers } from 'expect-http';
import { startServer } from './server.js';

// Playwright's expect is jest-compatible: extend it with expect-http's matchers.
export const expect = baseExpect.extend(matchers);

// One server per worker on a free port, and `baseURL` pointing at it, so `request.get('/cart')` reaches it.
export const test = base.extend<{}, { serverUrl: string }>({
  serverUrl: [
    async ({}, use) => {
      const server = await startServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ serverUrl }, use) => {
    await use(serverUrl);
  },
});
