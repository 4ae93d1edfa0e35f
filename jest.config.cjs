/** jest 30 runs the built package exactly as a jest user loads it: `expect-http/jest` in setupFilesAfterEnv. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/jest/**/*.test.cjs'],
  setupFilesAfterEnv: ['expect-http/jest'],
};
