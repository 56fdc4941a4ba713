/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball (with estimator-core) alone into an empty project, without
// apache-arrow or any other @scikeras package, and uses it from require and import.
const { packAndInstall, runIn } = require('../../../scripts/packAndInstall.cjs');

const SCRIPT = (load: string) => `${load}
class Scaler extends BaseEstimator {
  get estimatorType() { return 'transformer'; }
  fit(X) { this.mean_ = X[0].map((_, j) => X.reduce((s, r) => s + r[j], 0) / X.length); this.nFeaturesIn_ = X[0].length; return this; }
  transform(X) { return X.map((r) => r.map((v, j) => v - this.mean_[j])); }
  getFeatureNamesOut(names) { return names; }
}
Scaler.estimatorName = 'Scaler';
class Last extends BaseEstimator {
  get estimatorType() { return 'classifier'; }
  async fit(X, y) { this.classes_ = [...new Set(y)].sort(); return this; }
  async predict(X) { return X.map((r) => (r[0] > 0 ? 1 : 0)); }
}
const pipe = makePipeline(new Scaler(), new Last());
const ct = new ColumnTransformer({ transformers: [['s', new Scaler(), ['a']]], remainder: 'passthrough' });
(async () => {
  await pipe.fit([[1], [3]], [0, 1]);
  const out = {
    names: pipe.steps.map((s) => s[0]),
    predict: await pipe.predict([[0], [5]]),
    syncTransform: Array.isArray(pipe.slice(0, 1).transform([[2]])),
    ct: ct.fitTransform([{ a: 1, b: 'x' }, { a: 3, b: 'y' }]),
    ctNames: ct.getFeatureNamesOut(),
    union: makeUnion(new Scaler(), 'passthrough').fitTransform([[1], [3]]),
    cloned: clone(pipe).steps[0][1] !== pipe.steps[0][1],
  };
  console.log(JSON.stringify(out));
})();
`;

const EXPECTED = {
  names: ['scaler', 'last'],
  predict: [0, 1],
  syncTransform: true,
  ct: [
    [-1, 'x'],
    [1, 'y'],
  ],
  ctNames: ['s__a', 'remainder__b'],
  union: [
    [-1, 1],
    [1, 3],
  ],
  cloned: true,
};

describe('@scikeras/pipeline package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('pipeline');
  }, 240000);

  it('works from require, without apache-arrow installed', () => {
    const out = runIn(
      project,
      'use.cjs',
      SCRIPT(`const { BaseEstimator, clone } = require('@scikeras/estimator-core');
const { makePipeline, ColumnTransformer, makeUnion } = require('@scikeras/pipeline');
if (require('node:fs').existsSync('node_modules/apache-arrow')) throw new Error('apache-arrow should not be installed');`),
    );
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it('works from import', () => {
    const out = runIn(
      project,
      'use.mjs',
      SCRIPT(`import { BaseEstimator, clone } from '@scikeras/estimator-core';
import { makePipeline, ColumnTransformer, makeUnion } from '@scikeras/pipeline';`),
    );
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });
});
