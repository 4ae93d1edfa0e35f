// For test/openapi/msw-runners.test.ts only: runs drift.fixture.mjs, which fails on purpose.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/drift.fixture.mjs'],
  setupFilesAfterEnv: ['<rootDir>/jest.setup.mjs'],
  transform: {},
};
