// Shared jest settings for every package: ts-jest in transpile-only mode (type errors are
// caught by `pnpm typecheck`), tests beside the code in src/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs'],
  testTimeout: 60000,
  setupFiles: [require.resolve('./scripts/jestSetup.cjs')],
  reporters: ['default', require.resolve('./scripts/jestSummaryReporter.cjs')],
};
