// For test/openapi/msw-runners.test.ts only: runs drift.fixture.ts, which fails on purpose.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('../../..', import.meta.url).pathname,
  test: {
    include: ['test/openapi/msw-fixtures/drift.fixture.ts'],
    setupFiles: ['test/openapi/msw-fixtures/vitest.setup.ts'],
  },
});
