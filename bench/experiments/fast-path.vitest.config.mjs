// Only for bench/experiments/fast-path.vitest.mjs; not part of npm test.
export default {
  test: { include: ['bench/experiments/fast-path.vitest.mjs'], testTimeout: 600_000, reporters: ['dot'] },
};
