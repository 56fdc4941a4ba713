import { catchWarnings, NotFittedError, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { StandardScaler } from './StandardScaler';
import { comparedCount, expectClose, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('standardScaler');
const translate = translator(['with_mean', 'with_std']);

describeEstimatorChecks('StandardScaler checkEstimator', () => new StandardScaler());
describeEstimatorChecks(
  'StandardScaler (withMean false) checkEstimator',
  () => new StandardScaler({ withMean: false }),
);

/** Rows of finite values, at least 2 rows, 1-4 columns. */
const matrix = fc
  .integer({ min: 1, max: 4 })
  .chain((d) =>
    fc.array(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: d, maxLength: d }),
      { minLength: 2, maxLength: 30 },
    ),
  );

describe('StandardScaler', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new StandardScaler(p), { translate });
    });

    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`StandardScaler: ${comparedCount()} values compared`);
    });
  });

  describe('fit', () => {
    it('ignores NaN in the statistics and keeps it in transform', () => {
      const s = new StandardScaler().fit([
        [1, NaN],
        [3, 2],
        [NaN, 4],
      ]);
      expect(s.mean_).toEqual([2, 3]);
      expect(s.nSamplesSeen_).toBe(2); // equal per feature: one number, as scikit-learn
      expect(s.transform([[NaN, 3]])).toEqual([[NaN, 0]]);
    });

    it('gives constant features scale 1 (scikit-learn _handle_zeros_in_scale)', () => {
      const s = new StandardScaler().fit([
        [5, 1],
        [5, 2],
      ]);
      expect(s.scale_).toEqual([1, 0.5]);
      expect(s.transform([[5, 1.5]])).toEqual([[0, 0]]);
    });

    it('records feature names from records and reads them in the fitted order', () => {
      const s = new StandardScaler().fit([
        { age: 20, height: 1.5 },
        { age: 40, height: 1.9 },
      ]);
      expect(s.featureNamesIn_).toEqual(['age', 'height']);
      expect(s.getFeatureNamesOut()).toEqual(['age', 'height']);
      expect(s.transform([{ height: 1.7, age: 30 }])).toEqual([[0, 0]]);
      expect(() => s.transform([{ age: 30, weight: 70 }])).toThrow(
        new ValueError(
          'The feature names should match those that were passed during fit.\nFeature names unseen at fit time:\n- weight\nFeature names seen at fit time, yet now missing:\n- height\n',
        ),
      );
    });

    it("declares XTypes '2darray' and 'records' (a ColumnTransformer then hands it named columns)", () => {
      expect(new StandardScaler().getTags().XTypes).toEqual(['2darray', 'records']);
    });

    it('warns when transform gets unnamed rows after a fit on records', () => {
      const s = new StandardScaler().fit([{ a: 0 }, { a: 2 }]);
      const { result, warnings } = catchWarnings(() => s.transform([[4]]));
      expect(result).toEqual([[3]]);
      expect(warnings.map((w) => w.message)).toEqual([
        'X does not have valid feature names, but StandardScaler was fitted with feature names',
      ]);
    });

    it('accepts a Matrix and typed-array rows', () => {
      const rows = [
        [1, 2],
        [3, 6],
      ];
      const want = new StandardScaler().fitTransform(rows);
      expect(new StandardScaler().fitTransform(new Matrix(rows))).toEqual(want);
      expect(new StandardScaler().fitTransform(rows.map((r) => Float32Array.from(r)))).toEqual(
        want,
      );
    });

    it('leaves a fitted scaler unchanged when a refit fails', () => {
      const s = new StandardScaler().fit([[1], [3]]);
      expect(() =>
        s.fit([
          [1, 2],
          [Infinity, 1],
        ]),
      ).toThrow(ValueError);
      expect(() =>
        s.fit(
          [
            [1, 2],
            [3, 4],
          ],
          undefined,
          [1],
        ),
      ).toThrow(new ValueError('sample_weight.shape == (1,), expected (2,)!'));
      expect(s.mean_).toEqual([2]);
      expect(s.nFeaturesIn_).toBe(1);
    });

    it('rejects invalid params in fit', () => {
      expect(() => new StandardScaler({ withStd: 1 as never }).fit([[1]])).toThrow(
        "The 'withStd' parameter of StandardScaler must be an instance of 'bool'. Got 1 instead.",
      );
    });
  });

  describe('transform', () => {
    it('throws NotFittedError before fit', () => {
      expect(() => new StandardScaler().transform([[1]])).toThrow(
        new NotFittedError(
          "This StandardScaler instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
        ),
      );
    });

    it('checks the number of features of inverseTransform', () => {
      expect(() => new StandardScaler().fit([[1], [2]]).inverseTransform([[1, 2]])).toThrow(
        new ValueError('X has 2 features, but StandardScaler is expecting 1 features as input.'),
      );
    });
  });

  describe('properties', () => {
    it('inverseTransform(transform(X)) gives X back', () => {
      fc.assert(
        fc.property(matrix, fc.boolean(), fc.boolean(), (X, withMean, withStd) => {
          const s = new StandardScaler({ withMean, withStd }).fit(X);
          expectClose(s.inverseTransform(s.transform(X)), X, '$', 1e-9, 1e-6);
        }),
      );
    });

    it('partialFit over chunks gives what fit gives on all rows', () => {
      fc.assert(
        fc.property(matrix, fc.integer({ min: 1, max: 29 }), (X, cut) => {
          const k = Math.min(cut, X.length - 1);
          const whole = new StandardScaler().fit(X);
          const parts = new StandardScaler().partialFit(X.slice(0, k)).partialFit(X.slice(k));
          expectClose(parts.mean_, whole.mean_, 'mean_', 1e-9, 1e-9);
          expectClose(parts.var_, whole.var_, 'var_', 1e-7, 1e-6);
          expect(parts.nSamplesSeen_).toBe(whole.nSamplesSeen_);
        }),
      );
    });
  });
});
