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
});
