import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The hardening suite's fuzzing runs many cases; keep the default timeout elsewhere.
    testTimeout: 20_000,
    // No test may leave a server, socket or timer behind.
    teardownTimeout: 5_000,
  },
});
