import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // expect-http/vitest adds the matchers to expect (and their types); msw-setup.ts starts the mock server.
    setupFiles: ['expect-http/vitest', './test/msw-setup.ts'],
  },
});
