import fc from 'fast-check';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { OneHotEncoder } from './OneHotEncoder';
import { decode, loadFixture, outcomeOf, type Outcome } from './test-utils/fixtures';

interface Case {
  y: unknown;
  params: { categories?: unknown[][]; handle_unknown?: 'error' | 'ignore' };
  fitTransform: Outcome;
  categories?: unknown[][];
  probe?: unknown;
  probeTransform?: Outcome;
  probeInverse?: Outcome;
  inverse?: Outcome;
}
const fixture = loadFixture<{ cases: Case[] }>('oneHotEncoder.json');

describeEstimatorChecks('OneHotEncoder checkEstimator', () => new OneHotEncoder());
describeEstimatorChecks(
  'OneHotEncoder (handleUnknown: ignore) checkEstimator',
  () => new OneHotEncoder({ handleUnknown: 'ignore' }),
);

const make = (p: Case['params']) =>
  new OneHotEncoder({
    ...(p.categories ? { categories: p.categories as never } : {}),
    ...(p.handle_unknown ? { handleUnknown: p.handle_unknown } : {}),
  });

describe('OneHotEncoder', () => {
  describe('parity with scikit-learn 1.2.1 (sparse_output=False)', () => {
    it.each(
      fixture.cases.map((c) => [`${JSON.stringify(c.y)} ${JSON.stringify(c.params)}`, c] as const),
    )('%s', (_n, c) => {
      const y = decode(c.y) as unknown[];
      const oneD = !Array.isArray(y[0]);
      // scikit-learn takes the 2-D column; we take it too, and 1-D labels as one column
      const X = oneD ? y.map((v) => [v]) : y;
      const enc = make(c.params);
      expect(outcomeOf(() => enc.fitTransform(X))).toEqual(c.fitTransform);
      if (oneD) expect(outcomeOf(() => make(c.params).fitTransform(y))).toEqual(c.fitTransform);
      if (!c.categories) return;
      expect(enc.categories_).toEqual(c.categories);
      expect(outcomeOf(() => enc.inverseTransform(enc.transform(X)))).toEqual(c.inverse);
      if (c.probe) {
        const probe = (decode(c.probe) as unknown[]).map((v) => [v]);
        expect(outcomeOf(() => enc.transform(probe))).toEqual(c.probeTransform);
        if (c.probeInverse) {
          expect(enc.inverseTransform(enc.transform(probe))).toEqual(c.probeInverse.value);
        }
      }
    });
  });

  it('returns 1-D labels from inverseTransform when fitted on 1-D labels', () => {
    const enc = new OneHotEncoder().fit(['a', 'b', 'c', 'a']);
    expect(enc.transform(['c', 'a'])).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(enc.inverseTransform([[0, 1, 0]])).toEqual(['b']);
  });

  it('validates params and shapes with scikit-learn messages', () => {
    expect(() => new OneHotEncoder({ handleUnknown: 'foo' as never }).fit(['a'])).toThrow(
      new InvalidParameterError(
        "The 'handleUnknown' parameter of OneHotEncoder must be a str among {'error', 'ignore'}. Got 'foo' instead.",
      ),
    );
    expect(() => new OneHotEncoder({ categories: [['a'], ['b']] }).fit(['a'])).toThrow(
      new ValueError(
        'Shape mismatch: if categories is an array, it has to be of shape (n_features,).',
      ),
    );
    const enc = new OneHotEncoder().fit(['a', 'b']);
    expect(() => enc.inverseTransform([[1, 0, 0]])).toThrow(
      'Shape of the passed X data is not correct. Expected 2 columns, got 3.',
    );
    expect(() =>
      enc.inverseTransform([
        [0, 0],
        [1, 0],
      ]),
    ).toThrow(
      "Samples [0] can not be inverted when drop=None and handle_unknown='error' because they contain all zeros",
    );
    expect(() => enc.transform([['a', 'b']])).toThrow(
      'X has 2 features, but OneHotEncoder is expecting 1 features as input.',
    );
    expect(() => new OneHotEncoder().fit([[1], ['a']])).toThrow(
      "Encoders require their input to be uniformly strings or numbers. Got ['int', 'str']",
    );
  });

  it('round-trips any categorical columns (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -2, max: 3 }), fc.constantFrom('x', 'y', 'zz'), fc.boolean()),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (rows) => {
          const enc = new OneHotEncoder();
          const t = enc.fitTransform(rows);
          expect(t.every((r) => r.reduce((s, v) => s + v, 0) === 3)).toBe(true);
          expect(enc.inverseTransform(t)).toEqual(rows);
        },
      ),
    );
  });
});
