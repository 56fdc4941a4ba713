/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball (with its @scikeras dependencies) alone into an empty project: the
// scikeras-worker bin, both builds of the library and the ./testing entry work from there.
const { packAndInstall, runIn } = require('../../../scripts/packAndInstall.cjs');
const fs = require('node:fs');
const path = require('node:path');

const ESTIMATOR = `
const { BaseEstimator, registerEstimator } = require('@scikeras/estimator-core');
class MeanDiff extends BaseEstimator {
  get estimatorType() { return 'regressor'; }
  fit(X, y) { this.m_ = y.reduce((a, b) => a + b, 0) / y.length + this.shift; return this; }
  predict(X) { return X.map(() => this.m_); }
  score(X, y) { return -y.reduce((a, v) => a + Math.abs(v - this.m_), 0) / y.length; }
}
MeanDiff.defaults = { shift: 0 };
MeanDiff.estimatorName = 'MeanDiff';
registerEstimator(MeanDiff, { module: __filename });
module.exports = { MeanDiff };
`;

describe('@scikeras/distributed package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('distributed');
    fs.writeFileSync(path.join(project, 'est.cjs'), ESTIMATOR);
  }, 300000);

  it('has the scikeras-worker bin', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'scikeras-worker');
    const out = require('node:child_process').execFileSync(bin, ['--help'], { encoding: 'utf8' });
    expect(out).toMatch(/^Usage: scikeras-worker --redis URL --queue NAME --import MODULE/);
  });

  it('runs a search on installed workers, from import and from require', () => {
    const out = runIn(
      project,
      'use.mjs',
      `import { GridSearchCV } from '@scikeras/model-selection';
       import { QueueExecutor } from '@scikeras/distributed';
       import { startRedisServer, startWorkers, stopWorkers } from '@scikeras/distributed/testing';
       import { createRequire } from 'node:module';
       import est from './est.cjs';
       const cjs = createRequire(import.meta.url)('@scikeras/distributed');
       const redis = await startRedisServer();
       const workers = await startWorkers(1, { url: redis.url, queue: 'pkg', imports: ['./est.cjs'] });
       const X = Array.from({ length: 12 }, (_, i) => [i]);
       const y = X.map(([v]) => v % 3);
       const out = [];
       for (const Executor of [QueueExecutor, cjs.QueueExecutor]) {
         const executor = new Executor({ connection: redis.url, queue: 'pkg' });
         const gs = await new GridSearchCV({ estimator: new est.MeanDiff(), paramGrid: { shift: [-1, 0, 1] }, cv: 3, executor }).fit(X, y);
         out.push(gs.bestParams_);
         await executor.close();
       }
       await stopWorkers(workers);
       await redis.remove();
       console.log(JSON.stringify(out));`,
    );
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([{ shift: 0 }, { shift: 0 }]);
  }, 120000);
});
