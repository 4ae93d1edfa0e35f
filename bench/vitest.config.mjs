// Only for bench/pass-path.vitest.mjs (npm run bench); not part of npm test.
export default { test: { include: ['bench/pass-path.vitest.mjs'], testTimeout: 600_000, reporters: ['dot'] } };
