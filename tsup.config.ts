import { defineConfig } from 'tsup';
import { lazySidePlugin } from './scripts/lazy-side.mjs';

const entry = { index: 'src/index.ts', vitest: 'src/vitest.ts', jest: 'src/jest.ts' };

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
  external: ['vitest', 'expect'],
  treeshake: true,
  esbuildPlugins: [lazySidePlugin()],
});
