import { catchWarnings, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { SimpleImputer } from './SimpleImputer';
import { comparedCount, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('simpleImputer');
const camel = translator([
  'strategy',
  'missing_values',
  'add_indicator',
  'fill_value',
  'inverse_transform',
]);
const translate = (m: string) => camel(m).replace("=True'", "=true'").replace("=False'", "=false'");

/** Blobs with holes, for the checks that fit on the main data set. */
const holes = Array.from({ length: 30 }, (_, i) => [
  i % 5 === 0 ? NaN : i * 0.5,
  (i * 7) % 11,
  i % 3,
]);

describeEstimatorChecks('SimpleImputer checkEstimator', () => new SimpleImputer());
describeEstimatorChecks(
  'SimpleImputer (most_frequent, addIndicator, data with NaN) checkEstimator',
  () => new SimpleImputer({ strategy: 'most_frequent', addIndicator: true }),
  { X: holes, y: holes.map((r) => r[2]) },
);
describeEstimatorChecks(
  'SimpleImputer (missingValues -1) checkEstimator',
  () => new SimpleImputer({ missingValues: -1, strategy: 'median' }),
);

describe('SimpleImputer', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new SimpleImputer(p), { translate });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`SimpleImputer: ${comparedCount()} values compared`);
    });
  });

  it('treats null as missing with the default NaN marker, in numbers and strings', () => {
    expect(new SimpleImputer().fitTransform([[1], [null], [3]])).toEqual([[1], [2], [3]]);
    expect(
      new SimpleImputer({ strategy: 'most_frequent' }).fitTransform([['a'], [null], ['b'], ['b']]),
    ).toEqual([['a'], ['b'], ['b'], ['b']]);
  });

  it('imputes records and names the kept features and the indicators', () => {
    const imp = new SimpleImputer({ addIndicator: true }).fit([
      { age: 30, city: null, height: null },
      { age: null, city: 2, height: null },
      { age: 40, city: 4, height: null },
    ]);
    const { result, warnings } = catchWarnings(() =>
      imp.transform([{ age: null, city: 1, height: 2 }]),
    );
    expect(result).toEqual([[35, 1, 1, 0, 0]]);
    expect(warnings.map((w) => w.message)).toEqual([
      "Skipping features without any observed values: ['height']. At least one non-missing value is needed for imputation with strategy='mean'.",
    ]);
    expect(imp.getFeatureNamesOut()).toEqual([
      'age',
      'city',
      'missingindicator_age',
      'missingindicator_city',
      'missingindicator_height',
    ]);
  });

  it('refuses inverseTransform without addIndicator', () => {
    expect(() => new SimpleImputer().fit([[1]]).inverseTransform([[1]])).toThrow(
      new ValueError(
        "'inverseTransform' works only when 'SimpleImputer' is instantiated with 'addIndicator=true'. Got 'addIndicator=false' instead.",
      ),
    );
  });

  it('allows NaN in the checks only with a NaN marker', () => {
    expect(new SimpleImputer().getTags().allowNan).toBe(true);
    expect(new SimpleImputer({ missingValues: -1 }).getTags().allowNan).toBe(false);
  });
});
