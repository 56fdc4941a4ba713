/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball alone into an empty project and uses it from require and import.
const { packAndInstall, runIn } = require('../../../scripts/packAndInstall.cjs');

describe('@scikeras/estimator-core package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('estimator-core');
  }, 180000);

  it('works from require', () => {
    const out = runIn(
      project,
      'use.cjs',
      `const { BaseEstimator, clone, NotFittedError, checkArray } = require('@scikeras/estimator-core');
       const { checkEstimator } = require('@scikeras/estimator-core/testing');
       class A extends BaseEstimator {}
       A.defaults = { alpha: 1 };
       const a = clone(new A({ alpha: 2 }));
       console.log(JSON.stringify([a.getParams(), checkArray([[1, 2]]).shape, typeof NotFittedError, typeof checkEstimator]));`,
    );
    expect(JSON.parse(out)).toEqual([{ alpha: 2 }, [1, 2], 'function', 'function']);
  });

  it('runs checkEstimator from the testing subpath (require), sharing errors and warnings with the main entry', () => {
    const out = runIn(
      project,
      'check.cjs',
      `const { BaseEstimator, checkXY, checkArray, checkIsFitted, checkNFeatures } = require('@scikeras/estimator-core');
       const { checkEstimator, assertAllPassed, CHECK_NAMES } = require('@scikeras/estimator-core/testing');
       class MeanRegressor extends BaseEstimator {
         get estimatorType() { return 'regressor'; }
         fit(X, y) {
           const c = checkXY(X, y, { estimator: this, yNumeric: true });
           const t = Array.from(c.y);
           this.mean_ = t.reduce((a, b) => a + b, 0) / t.length;
           checkNFeatures(this, c.X.shape[1], true);
           return this;
         }
         predict(X) {
           checkIsFitted(this);
           const c = checkArray(X, { estimator: this });
           checkNFeatures(this, c.shape[1], false);
           return new Array(c.shape[0]).fill(this.mean_);
         }
       }
       MeanRegressor.defaults = { shift: 0 };
       MeanRegressor.tags = { poorScore: true };
       checkEstimator(() => new MeanRegressor()).then((r) => {
         assertAllPassed(r);
         console.log(JSON.stringify({ n: r.results.length, names: CHECK_NAMES.length, passed: r.results.filter((x) => x.status === 'passed').length }));
       });`,
    );
    const r = JSON.parse(out);
    expect(r.n).toBe(r.names);
    expect(r.passed).toBeGreaterThan(25);
  });

  it('works from import', () => {
    const out = runIn(
      project,
      'use.mjs',
      `import { BaseEstimator, clone, NotFittedError, checkArray } from '@scikeras/estimator-core';
       import { checkEstimator } from '@scikeras/estimator-core/testing';
       class A extends BaseEstimator { static defaults = { alpha: 1 }; }
       const a = clone(new A({ alpha: 2 }));
       console.log(JSON.stringify([a.getParams(), checkArray([[1, 2]]).shape, typeof NotFittedError, typeof checkEstimator]));`,
    );
    expect(JSON.parse(out)).toEqual([{ alpha: 2 }, [1, 2], 'function', 'function']);
  });

  it('runs checkEstimator from the testing subpath (import)', () => {
    const out = runIn(
      project,
      'check.mjs',
      `import { BaseEstimator } from '@scikeras/estimator-core';
       import { checkEstimator } from '@scikeras/estimator-core/testing';
       class NoFit extends BaseEstimator {
         static defaults = { k: 1 };
         fit() { return undefined; }
       }
       const r = await checkEstimator(() => new NoFit(), { only: ['checkEstimatorsFitReturnsSelf', 'checkSetParams'] });
       console.log(JSON.stringify(r.results.filter((x) => x.status !== 'skipped').map((x) => [x.check, x.status, x.error ?? null])));`,
    );
    expect(JSON.parse(out)).toEqual([
      ['checkSetParams', 'passed', null],
      [
        'checkEstimatorsFitReturnsSelf',
        'failed',
        'fit of NoFit should return the estimator itself (this), got undefined.',
      ],
    ]);
  });
});
