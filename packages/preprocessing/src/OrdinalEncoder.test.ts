import { ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import fc from 'fast-check';
import { OrdinalEncoder } from './OrdinalEncoder';
import { comparedCount, expectClose, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('ordinalEncoder');
// values are shown with JavaScript's literals: got null (scikit-learn: got None)
const translate = (m: string) =>
  translator(['handle_unknown', 'unknown_value', 'encoded_missing_value'])(m).replace(
    /got None\.$/,
    'got null.',
  );
const codes = Array.from({ length: 40 }, (_, i) => [i % 4, (i * 7) % 3, (i * 5) % 4]);

describeEstimatorChecks(
  "OrdinalEncoder (handleUnknown 'use_encoded_value') checkEstimator",
  () => new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 }),
);
describeEstimatorChecks(
  'OrdinalEncoder (categorical data) checkEstimator',
  () => new OrdinalEncoder(),
  {
    X: codes,
    y: codes.map((r) => r[0]),
  },
);

describe('OrdinalEncoder', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new OrdinalEncoder(p), { translate });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`OrdinalEncoder: ${comparedCount()} values compared`);
    });
  });

  it('encodes NaN as encodedMissingValue and back', () => {
    const enc = new OrdinalEncoder({ encodedMissingValue: -1 }).fit([[3], [NaN], [1]]);
    expect(enc.transform([[NaN], [3]])).toEqual([[-1], [1]]);
    expect(enc.inverseTransform([[-1], [0]])).toEqual([[NaN], [1]]);
  });

  it('names the features with missing values when encodedMissingValue is taken', () => {
    expect(() =>
      new OrdinalEncoder({ encodedMissingValue: 0 }).fit([
        { a: 1, b: NaN },
        { a: 2, b: 1 },
      ]),
    ).toThrow(
      new ValueError(
        "encodedMissingValue (0) is already used to encode a known category in features: ['b']",
      ),
    );
  });

  it('inverseTransform(transform(X)) gives X back', () => {
    const table = fc.array(
      fc.tuple(
        fc.constantFrom('x', 'y', 'z', null),
        fc.double({ noDefaultInfinity: true }),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(table, (X) => {
        const enc = new OrdinalEncoder().fit(X);
        expectClose(enc.inverseTransform(enc.transform(X)), X, '$', 0, 0);
      }),
    );
  });
});
