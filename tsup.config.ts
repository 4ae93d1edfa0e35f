import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    vitest: 'src/vitest.ts',
    jest: 'src/jest.ts',
    // expect-http/openapi: the only entries that load ajv, ajv-formats and yaml (optional peers, decisions/0007).
    'openapi/index': 'src/openapi/index.ts',
    'openapi/vitest': 'src/openapi/vitest.ts',
    'openapi/jest': 'src/openapi/jest.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // One shared chunk, so the vitest/jest entries and the main entry share HttpMatcherUsageError and the config.
  splitting: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['vitest', 'expect', 'ajv', /^ajv\//, 'ajv-formats', 'yaml', /^node:/],
  treeshake: true,
  // Keep `node:url` as written: Deno and Bun resolve Node's modules by that prefix.
  removeNodeProtocol: false,
});
