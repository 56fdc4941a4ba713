// A jest reporter that records each package's totals, so `scripts/testSummary.mjs` can print one
// combined closing line for the whole monorepo after turbo has run every package's jest.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', 'node_modules', '.cache', 'scikeras-test-summary');

class JestSummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    fs.mkdirSync(dir, { recursive: true });
    const name = path.basename(this.rootDir);
    const summary = {
      package: name,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(summary));
  }
}

module.exports = JestSummaryReporter;
