import { catchWarnings, InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import fc from 'fast-check';
import { OneHotEncoder } from './OneHotEncoder';
import { comparedCount, expectClose, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('oneHotEncoder');
const translate = translator(['handle_unknown', 'drop']);

/** Categorical data for the checks: integer codes 0..3 in 3 features. */
const codes = Array.from({ length: 40 }, (_, i) => [i % 4, (i * 7) % 3, (i * 5) % 4]);

describeEstimatorChecks(
  'OneHotEncoder (handleUnknown ignore) checkEstimator',
  () => new OneHotEncoder({ handleUnknown: 'ignore' }),
);
describeEstimatorChecks(
  "OneHotEncoder (categorical data, drop 'first') checkEstimator",
  () => new OneHotEncoder({ drop: 'first' }),
  { X: codes, y: codes.map((r) => r[0]) },
);

describe('OneHotEncoder', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const { sparseOutput: _s, ...params } = c.params;
      checkCase(c, (p) => new OneHotEncoder({ ...p, ...params }), { translate });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`OneHotEncoder: ${comparedCount()} values compared`);
    });
  });

  it('rejects sparseOutput: true, saying sparse matrices are a non-goal', () => {
    expect(() => new OneHotEncoder({ sparseOutput: true }).fit([['a']])).toThrow(
      new InvalidParameterError(
        'sparseOutput=true is not supported by OneHotEncoder: scikeras-ts returns dense number[][] only (sparse matrices are a non-goal). Leave sparseOutput false.',
      ),
    );
  });

  it('names output columns after record keys', () => {
    const enc = new OneHotEncoder().fit([
      { age: 31, city: 'Oslo' },
      { age: 40, city: 'Rome' },
    ]);
    expect(enc.featureNamesIn_).toEqual(['age', 'city']);
    expect(enc.getFeatureNamesOut()).toEqual(['age_31', 'age_40', 'city_Oslo', 'city_Rome']);
    expect(enc.transform([{ city: 'Rome', age: 31 }])).toEqual([[1, 0, 0, 1]]);
  });

  it('keeps null and NaN as categories of a string column, sorted last (None before nan)', () => {
    const enc = new OneHotEncoder().fit([['b'], [null], ['a'], [NaN]]);
    expect(enc.categories_).toEqual([['a', 'b', null, NaN]]);
    expect(enc.getFeatureNamesOut()).toEqual(['x0_a', 'x0_b', 'x0_None', 'x0_nan']);
    expect(enc.transform([[NaN], [null]])).toEqual([
      [0, 0, 0, 1],
      [0, 0, 1, 0],
    ]);
  });

  it('reads a numeric column as float64 when it holds a non-integer or NaN', () => {
    const enc = new OneHotEncoder().fit([[1], [2.5], [NaN]]);
    expect(enc.categories_![0]).toEqual(Float64Array.of(1, 2.5, NaN));
    expect(enc.getFeatureNamesOut()).toEqual(['x0_1.0', 'x0_2.5', 'x0_nan']);
    expect(new OneHotEncoder().fit([[1], [2]]).getFeatureNamesOut()).toEqual(['x0_1', 'x0_2']);
  });

  it('warns about unknown categories encoded as zeros when a category is dropped', () => {
    const enc = new OneHotEncoder({ drop: 'first', handleUnknown: 'ignore' }).fit([
      ['a'],
      ['b'],
      ['c'],
    ]);
    const { result, warnings } = catchWarnings(() => enc.transform([['z']]));
    expect(result).toEqual([[0, 0]]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Found unknown categories in columns [0] during transform. These unknown categories will be encoded as all zeros',
    ]);
  });

  it('throws the unknown-category error naming the column', () => {
    const enc = new OneHotEncoder().fit([['a', 1]]);
    expect(() => enc.transform([['a', 2]])).toThrow(
      new ValueError('Found unknown categories [2] in column 1 during transform'),
    );
  });

  it("shows unknown categories with JavaScript's literals (scikit-learn: ['z', None], [nan], [True])", () => {
    const enc = new OneHotEncoder().fit([['a', 1.5, false]]);
    expect(() =>
      enc.transform([
        ['z', 1.5, false],
        [null, 1.5, false],
      ]),
    ).toThrow(new ValueError("Found unknown categories ['z', null] in column 0 during transform"));
    expect(() =>
      enc.transform([
        ['a', NaN, false],
        ['a', 2, false],
      ]),
    ).toThrow(new ValueError('Found unknown categories [2, NaN] in column 1 during transform'));
    expect(() => enc.transform([['a', 1.5, true]])).toThrow(
      new ValueError('Found unknown categories [true] in column 2 during transform'),
    );
  });

  describe('properties', () => {
    const table = fc.array(
      fc.tuple(fc.constantFrom('x', 'y', 'z', null), fc.integer({ min: -2, max: 2 }), fc.boolean()),
      { minLength: 1, maxLength: 30 },
    );

    it('inverseTransform(transform(X)) gives X back', () => {
      fc.assert(
        fc.property(table, (X) => {
          const enc = new OneHotEncoder().fit(X);
          expectClose(enc.inverseTransform(enc.transform(X)), X);
        }),
      );
    });

    it('every feature has exactly one 1 per row (0 for a dropped category)', () => {
      fc.assert(
        fc.property(table, (X) => {
          const enc = new OneHotEncoder({ drop: 'first' }).fit(X);
          const t = enc.transform(X);
          const widths = enc.categories_!.map((c) => c.length - 1);
          for (const row of t) {
            let off = 0;
            for (const w of widths) {
              const s = row.slice(off, off + w).reduce((a, b) => a + b, 0);
              expect(s === 0 || s === 1).toBe(true);
              off += w;
            }
          }
          // with every category dropped there is nothing to invert (scikit-learn's check_array
          // rejects 0 columns too)
          if (t[0]!.length > 0) expectClose(enc.inverseTransform(t), X);
        }),
      );
    });
  });
});
