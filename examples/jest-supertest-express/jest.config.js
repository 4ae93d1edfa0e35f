/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Adds expect-http's matchers to jest's global expect before each test file.
  setupFilesAfterEnv: ['expect-http/jest'],
};
