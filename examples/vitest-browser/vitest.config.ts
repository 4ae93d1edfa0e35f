import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Debian's chromium package, driven by Playwright: no browser download (`npx playwright install` is never needed).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  test: {
    setupFiles: ['./vitest.setup.ts'],
    // Tests run in the browser, which has no process.env: hand the one switch they read through import.meta.env.
    env: { SHOW_FAILURE: process.env.SHOW_FAILURE ?? '' },
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath,
          // --no-sandbox: containers and CI usually run as root, where Chromium's sandbox cannot start.
          args: [
            '--no-sandbox',
            '--headless',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
      // An API test has nothing to see: no screenshot files on failure.
      screenshotFailures: false,
    },
  },
});
