import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import fc from 'fast-check';
import { MaxAbsScaler } from './MaxAbsScaler';
import { comparedCount, expectClose, loadCases } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('maxAbsScaler');

describeEstimatorChecks('MaxAbsScaler checkEstimator', () => new MaxAbsScaler());

const matrix = fc
  .integer({ min: 1, max: 4 })
  .chain((d) =>
    fc.array(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: d, maxLength: d }),
      { minLength: 2, maxLength: 30 },
    ),
  );

describe('MaxAbsScaler', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new MaxAbsScaler(p));
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`MaxAbsScaler: ${comparedCount()} values compared`);
    });
  });

  it('keeps zeros and gives all-zero features scale 1', () => {
    const s = new MaxAbsScaler().fit([
      [0, -2],
      [0, 1],
    ]);
    expect(s.scale_).toEqual([1, 2]);
    expect(s.transform([[0, 0]])).toEqual([[0, 0]]);
  });

  describe('properties', () => {
    it('inverseTransform(transform(X)) gives X back', () => {
      fc.assert(
        fc.property(matrix, (X) => {
          const s = new MaxAbsScaler().fit(X);
          expectClose(s.inverseTransform(s.transform(X)), X, '$', 1e-12, 1e-300); // subnormals lose digits
        }),
      );
    });

    it('partialFit over chunks gives what fit gives on all rows', () => {
      fc.assert(
        fc.property(matrix, fc.integer({ min: 1, max: 29 }), (X, cut) => {
          const k = Math.min(cut, X.length - 1);
          const whole = new MaxAbsScaler().fit(X);
          const parts = new MaxAbsScaler().partialFit(X.slice(0, k)).partialFit(X.slice(k));
          expect([parts.maxAbs_, parts.scale_, parts.nSamplesSeen_]).toEqual([
            whole.maxAbs_,
            whole.scale_,
            whole.nSamplesSeen_,
          ]);
        }),
      );
    });
  });
});
