import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import fc from 'fast-check';
import { RobustScaler } from './RobustScaler';
import { comparedCount, expectClose, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('robustScaler');
const translate = translator(['quantile_range', 'with_centering', 'with_scaling', 'unit_variance']);

describeEstimatorChecks('RobustScaler checkEstimator', () => new RobustScaler());
describeEstimatorChecks(
  'RobustScaler (unitVariance) checkEstimator',
  () => new RobustScaler({ unitVariance: true, quantileRange: [10, 90] }),
);

const matrix = fc
  .integer({ min: 1, max: 4 })
  .chain((d) =>
    fc.array(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: d, maxLength: d }),
      { minLength: 2, maxLength: 30 },
    ),
  );

describe('RobustScaler', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new RobustScaler(p), { translate });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`RobustScaler: ${comparedCount()} values compared`);
    });
  });

  it('uses numpy percentiles with linear interpolation, NaN ignored', () => {
    const s = new RobustScaler({ quantileRange: [10, 60] }).fit([[1], [2], [NaN], [4], [10]]);
    // sorted [1, 2, 4, 10]: median (2 + 4) / 2; p10 at index 0.3 = 1.3; p60 at index 1.8 = 3.6
    expect(s.center_).toEqual([3]);
    expectClose(s.scale_, [3.6 - 1.3]);
  });

  it('inverseTransform(transform(X)) gives X back', () => {
    fc.assert(
      fc.property(matrix, (X) => {
        const s = new RobustScaler().fit(X);
        expectClose(s.inverseTransform(s.transform(X)), X, '$', 1e-9, 1e-6);
      }),
    );
  });
});
