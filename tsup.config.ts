import { defineConfig } from 'tsup';
import { lazySidePlugin } from './scripts/lazy-side.mjs';

const entry = {
  index: 'src/index.ts',
  vitest: 'src/vitest.ts',
  jest: 'src/jest.ts',
  // expect-http/openapi: the only entries that load ajv, ajv-formats and yaml (optional peers, decisions/0007).
  'openapi/index': 'src/openapi/index.ts',
  'openapi/vitest': 'src/openapi/vitest.ts',
  'openapi/jest': 'src/openapi/jest.ts',
};

export default defineConfig({
  // lazy-side: what only a failure or a body needs, loaded on first use (scripts/lazy-side.mjs).
  entry: { ...entry, 'lazy-side': 'src/lazy-side.ts' },
  format: ['esm', 'cjs'],
  dts: { entry },
  // One shared chunk, so the vitest/jest entries and the main entry share HttpMatcherUsageError and the config.
  splitting: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['vitest', 'expect', 'ajv', /^ajv\//, 'ajv-formats', 'yaml', /^node:/],
  treeshake: true,
  // Keep `node:url` as written: Deno and Bun resolve Node's modules by that prefix.
  removeNodeProtocol: false,
  esbuildPlugins: [lazySidePlugin()],
  // A constant or class imported from a lazy-side module has no stub: that import would be undefined at run time.
  esbuildOptions(options, { format }) {
    options.logOverride = { ...options.logOverride, 'import-is-undefined': 'error' };
    // jest runs CommonJS in a vm with no callback for import(): there `import('ajv')` throws "invoked without
    // --experimental-vm-modules". The CJS build turns the OpenAPI entries' import() of their peers into require().
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
});
