/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball alone into an empty project and uses it from require and import,
// including a worker-thread search (nJobs: 2) that loads the built worker from the tarball.
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

describe('@scikeras/model-selection package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('model-selection');
    fs.writeFileSync(path.join(project, 'est.cjs'), ESTIMATOR);
  }, 240000);

  it('works from require, with nJobs: 2', () => {
    const out = runIn(
      project,
      'use.cjs',
      `const { KFold, GridSearchCV, trainTestSplit, ParameterGrid } = require('@scikeras/model-selection');
       const { MeanDiff } = require('./est.cjs');
       const X = Array.from({ length: 12 }, (_, i) => [i]);
       const y = X.map(([v]) => v % 3);
       (async () => {
         const gs = await new GridSearchCV({ estimator: new MeanDiff(), paramGrid: { shift: [-1, 0, 1] }, cv: 3, nJobs: 2 }).fit(X, y);
         console.log(JSON.stringify([
           [...new KFold({ nSplits: 3 }).split(X)].map(([, te]) => te),
           trainTestSplit([1, 2, 3, 4], { shuffle: false }),
           new ParameterGrid({ b: [1, 2], a: ['x'] }).length,
           gs.bestParams_,
         ]));
       })();`,
    );
    expect(JSON.parse(out)).toEqual([
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9, 10, 11],
      ],
      [[1, 2, 3], [4]],
      2,
      { shift: 0 },
    ]);
  });

  it('works from import, with nJobs: 2', () => {
    const out = runIn(
      project,
      'use.mjs',
      `import { crossValScore, StratifiedKFold } from '@scikeras/model-selection';
       import est from './est.cjs';
       const X = Array.from({ length: 12 }, (_, i) => [i]);
       const y = X.map(([v]) => v % 3);
       const par = await crossValScore(new est.MeanDiff(), X, y, { cv: 4, nJobs: 2 });
       const seq = await crossValScore(new est.MeanDiff(), X, y, { cv: 4 });
       const folds = [...new StratifiedKFold({ nSplits: 2 }).split(X, [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1])].length;
       console.log(JSON.stringify([par, seq, folds]));`,
    );
    const [par, seq, folds] = JSON.parse(out);
    expect(par).toEqual(seq);
    expect(par).toHaveLength(4);
    expect(folds).toBe(2);
  });
});
