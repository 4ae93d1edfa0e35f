/** jest 30 runs the built package exactly as a jest user loads it: `expect-http/jest` in setupFilesAfterEnv. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/jest/**/*.test.cjs'],
  setupFilesAfterEnv: ['expect-http/jest'],
  // Tool caches hold other copies of package.json (packed tarballs, Node binaries): not modules of this project.
  modulePathIgnorePatterns: ['<rootDir>/.cache/', '<rootDir>/.tmp/', '<rootDir>/examples/'],
};
