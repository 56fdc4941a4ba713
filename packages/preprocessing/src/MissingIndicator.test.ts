import { InvalidParameterError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { MissingIndicator } from './MissingIndicator';
import { comparedCount, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('missingIndicator');
const translate = translator(['features', 'missing_values', 'error_on_new']);
const holes = Array.from({ length: 30 }, (_, i) => [
  i % 5 === 0 ? NaN : i * 0.5,
  (i * 7) % 11,
  i % 3,
]);

describeEstimatorChecks(
  "MissingIndicator (features 'all') checkEstimator",
  () => new MissingIndicator({ features: 'all' }),
);
describeEstimatorChecks(
  'MissingIndicator (data with NaN) checkEstimator',
  () => new MissingIndicator(),
  {
    X: holes,
    y: holes.map((r) => r[2]),
  },
);

describe('MissingIndicator', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new MissingIndicator(p), { translate });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`MissingIndicator: ${comparedCount()} values compared`);
    });
  });

  it('fitTransform gives what fit then transform give', () => {
    const X = [
      [NaN, 1, null],
      [2, 3, 4],
    ];
    expect(new MissingIndicator().fitTransform(X)).toEqual(
      new MissingIndicator().fit(X).transform(X),
    );
    expect(new MissingIndicator().fitTransform(X)).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it('rejects sparse: true', () => {
    expect(() => new MissingIndicator({ sparse: true }).fit([[1]])).toThrow(InvalidParameterError);
  });
});
