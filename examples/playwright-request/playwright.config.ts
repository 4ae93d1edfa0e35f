import { defineConfig } from '@playwright/test';

// API tests only: the `request` fixture sends HTTP requests from Node, so no browser is installed or launched.
export default defineConfig({
  testDir: './tests',
  reporter: 'list',
  forbidOnly: !!process.env.CI,
});
