// Only for .proposed/bench/fast-path.vitest.mjs; not part of npm test.
export default {
  test: { include: ['.proposed/bench/fast-path.vitest.mjs'], testTimeout: 600_000, reporters: ['dot'] },
};
