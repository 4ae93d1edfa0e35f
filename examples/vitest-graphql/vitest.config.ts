import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['./vitest.setup.ts'],
    // graphql ships CommonJS and ES module builds. vitest gives the tests the ES one; graphql-http, loaded by Node,
    // would take the CommonJS one, and reject a schema built with the other ("from another module or realm").
    // Inlined, graphql-http goes through vitest too, so both use one graphql.
    server: { deps: { inline: ['graphql-http'] } },
  },
});
