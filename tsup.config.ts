import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // One shared chunk, so the vitest/jest entries and the main entry share HttpMatcherUsageError and the config.
  splitting: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['vitest', 'expect'],
  treeshake: true,
});
