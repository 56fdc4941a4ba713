const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  // one real redis-server per test file; the setup installs redis-server when it is missing
  globalSetup: '<rootDir>/test-utils/globalSetup.ts',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test-utils/**/*.test.ts'],
  testTimeout: 120000,
  // the tests start worker processes and Redis servers: one file at a time on a small machine
  maxWorkers: 1,
};
