import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import fc from 'fast-check';
import { MinMaxScaler } from './MinMaxScaler';
import { comparedCount, expectClose, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('minMaxScaler');
const translate = translator(['feature_range']);

describeEstimatorChecks('MinMaxScaler checkEstimator', () => new MinMaxScaler());
describeEstimatorChecks(
  'MinMaxScaler (featureRange [-1, 1], clip) checkEstimator',
  () => new MinMaxScaler({ featureRange: [-1, 1], clip: true }),
);

const matrix = fc
  .integer({ min: 1, max: 4 })
  .chain((d) =>
    fc.array(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: d, maxLength: d }),
      { minLength: 2, maxLength: 30 },
    ),
  );

describe('MinMaxScaler', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new MinMaxScaler(p), { translate });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`MinMaxScaler: ${comparedCount()} values compared`);
    });
  });

  it('clips held-out values to featureRange and keeps NaN', () => {
    const s = new MinMaxScaler({ clip: true }).fit([[0], [10]]);
    expect(s.transform([[-5], [5], [15], [NaN]])).toEqual([[0], [0.5], [1], [NaN]]);
  });

  it('rejects a featureRange that is not [min, max]', () => {
    expect(() => new MinMaxScaler({ featureRange: [0] as never }).fit([[1]])).toThrow(
      "The 'featureRange' parameter of MinMaxScaler must be a [min, max] array of 2 numbers. Got [0] instead.",
    );
  });

  describe('properties', () => {
    it('inverseTransform(transform(X)) gives X back', () => {
      fc.assert(
        fc.property(matrix, (X) => {
          const s = new MinMaxScaler({ featureRange: [-2, 3] }).fit(X);
          expectClose(s.inverseTransform(s.transform(X)), X, '$', 1e-9, 1e-6);
        }),
      );
    });

    it('partialFit over chunks gives what fit gives on all rows', () => {
      fc.assert(
        fc.property(matrix, fc.integer({ min: 1, max: 29 }), (X, cut) => {
          const k = Math.min(cut, X.length - 1);
          const whole = new MinMaxScaler().fit(X);
          const parts = new MinMaxScaler().partialFit(X.slice(0, k)).partialFit(X.slice(k));
          expect([parts.dataMin_, parts.dataMax_, parts.scale_, parts.min_]).toEqual([
            whole.dataMin_,
            whole.dataMax_,
            whole.scale_,
            whole.min_,
          ]);
          expect(parts.nSamplesSeen_).toBe(X.length);
        }),
      );
    });
  });
});
