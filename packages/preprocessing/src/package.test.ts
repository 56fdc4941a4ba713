/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball (with estimator-core and target-utils) alone into an empty project
// and uses it from require and import.
const { packAndInstall, runIn } = require('../../../scripts/packAndInstall.cjs');

const NAMES =
  'StandardScaler, MinMaxScaler, MaxAbsScaler, RobustScaler, Normalizer, SimpleImputer, MissingIndicator, OneHotEncoder, OrdinalEncoder, FunctionTransformer, PolynomialFeatures, KBinsDiscretizer';
const USE = `
  const X = [[0, 1], [2, 3], [4, NaN]];
  const rec = [{ city: 'Oslo', age: 31 }, { city: 'Rome', age: 40 }];
  console.log(JSON.stringify([
    new StandardScaler().fitTransform([[0], [2]]),
    new MinMaxScaler().fitTransform([[0], [4]]),
    new MaxAbsScaler().fitTransform([[-2], [1]]),
    new RobustScaler().fitTransform([[1], [2], [3]]),
    new Normalizer().transform([[3, 4]]),
    new SimpleImputer().fitTransform(X),
    new MissingIndicator().fitTransform(X),
    new OneHotEncoder().fit(rec).getFeatureNamesOut(),
    new OrdinalEncoder().fitTransform([['b'], ['a']]),
    new FunctionTransformer().transform([[1]]),
    new PolynomialFeatures().fitTransform([[2]]),
    new KBinsDiscretizer({ nBins: 2, encode: 'ordinal', strategy: 'uniform' }).fitTransform([[0], [4]]),
    [StandardScaler.estimatorName, new KBinsDiscretizer().estimatorType],
  ]));
`;
const EXPECTED = [
  [[-1], [1]],
  [[0], [1]],
  [[-1], [0.5]],
  [[-1], [0], [1]],
  [[0.6, 0.8]],
  [
    [0, 1],
    [2, 3],
    [4, 2],
  ],
  [[0], [0], [1]],
  ['city_Oslo', 'city_Rome', 'age_31', 'age_40'],
  [[1], [0]],
  [[1]],
  [[1, 2, 4]],
  [[0], [1]],
  ['StandardScaler', 'transformer'],
];

describe('@scikeras/preprocessing package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('preprocessing');
  }, 180000);

  it('works from require', () => {
    const out = runIn(
      project,
      'use.cjs',
      `const { ${NAMES} } = require('@scikeras/preprocessing');\n${USE}`,
    );
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it('works from import', () => {
    const out = runIn(
      project,
      'use.mjs',
      `import { ${NAMES} } from '@scikeras/preprocessing';\n${USE}`,
    );
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });
});
