const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  // nJobs > 1 loads the Node entry by its package name (a self-reference in the built package);
  // the tests run it from the sources, the same WorkerPoolExecutor module the tests import.
  moduleNameMapper: { '^@scikeras/model-selection/node$': '<rootDir>/src/node.ts' },
};
