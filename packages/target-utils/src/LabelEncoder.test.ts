import fc from 'fast-check';
import { catchWarnings, NotFittedError, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { LabelEncoder } from './LabelEncoder';
import { decode, loadFixture, outcomeOf, type Outcome } from './test-utils/fixtures';

interface Fixture {
  cases: { y: unknown; fitTransform: Outcome; classes: unknown[]; inverse: Outcome }[];
  errors: { fit: unknown; method: string; arg: unknown; expected: Outcome }[];
  shapeError: Outcome;
}
const fixture = loadFixture<Fixture>('labelEncoder.json');

describeEstimatorChecks('LabelEncoder checkEstimator', () => new LabelEncoder());

describe('LabelEncoder', () => {
  describe('parity with scikit-learn 1.2.1', () => {
    it.each(fixture.cases.map((c) => [JSON.stringify(c.y), c] as const))('fit %s', (_n, c) => {
      const le = new LabelEncoder();
      expect(outcomeOf(() => le.fitTransform(decode(c.y)))).toEqual(c.fitTransform);
      expect(le.classes_).toEqual(c.classes);
      expect(outcomeOf(() => le.inverseTransform(c.classes.map((_, i) => i)))).toEqual(c.inverse);
      expect(new LabelEncoder().fit(decode(c.y)).transform(decode(c.y))).toEqual(
        c.fitTransform.value,
      );
    });
    const errors = fixture.errors.filter((e) => e.expected.error);
    it.each(errors.map((e) => [`${e.method} ${JSON.stringify(e.arg)}`, e] as const))(
      '%s',
      (_n, e) => {
        const le = new LabelEncoder().fit(decode(e.fit));
        const fn = () =>
          e.method === 'transform'
            ? le.transform(decode(e.arg))
            : le.inverseTransform(decode(e.arg));
        expect(fn).toThrow(new ValueError(e.expected.message!));
      },
    );
    it('rejects 2-D y with scikit-learn message', () => {
      expect(() =>
        new LabelEncoder().fit([
          [1, 2],
          [3, 4],
        ]),
      ).toThrow(new ValueError(fixture.shapeError.message!));
    });
    it('rejects a non-integral float label of integer classes (documented deviation)', () => {
      // numpy casts 1.5 to the int64 dtype of classes_ (-> 1); JavaScript cannot know the dtype,
      // so the unseen label is reported instead of silently truncated.
      const deviation = fixture.errors.find((e) => e.expected.value !== undefined)!;
      expect(deviation.expected.value).toEqual([0]);
      expect(() => new LabelEncoder().fit([1, 2]).transform([1.5])).toThrow(
        'y contains previously unseen labels: [1.5]',
      );
    });
  });

  it('warns and flattens a column vector', () => {
    const { result, warnings } = catchWarnings(() => new LabelEncoder().fitTransform([[2], [1]]));
    expect(result).toEqual([1, 0]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.category).toBe('DataConversionWarning');
  });

  it('throws NotFittedError before fit', () => {
    expect(() => new LabelEncoder().transform([1])).toThrow(
      new NotFittedError(
        "This LabelEncoder instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
      ),
    );
  });

  it('returns [] for empty input and accepts typed arrays', () => {
    const le = new LabelEncoder().fit(new Int32Array([5, 3, 5]));
    expect(le.classes_).toEqual([3, 5]);
    expect(le.transform([])).toEqual([]);
    expect(le.inverseTransform([])).toEqual([]);
    expect(le.transform(new Float64Array([5, 3]))).toEqual([1, 0]);
  });

  it('keeps NaN as the last class like numpy', () => {
    const le = new LabelEncoder().fit([2, NaN, 1, NaN]);
    expect(le.classes_).toEqual([1, 2, NaN]);
    expect(le.transform([NaN, 1])).toEqual([2, 0]);
  });

  it('rejects inputs that are not uniformly strings or numbers', () => {
    expect(() => new LabelEncoder().fit([1, null])).toThrow(
      "Encoders require their input to be uniformly strings or numbers. Got ['null', 'number']",
    );
  });

  it('handles 1,000,000 labels through the fast paths', () => {
    const n = 1_000_000;
    const ints = Array.from({ length: n }, (_, i) => (i * 7919) % 13);
    const le = new LabelEncoder();
    const codes = le.fitTransform(ints);
    expect(le.classes_).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(codes[12345]).toBe(ints[12345]);
    const floats = Float64Array.from({ length: n }, (_, i) => ((i * 31) % 5000) / 7);
    const lf = new LabelEncoder().fit(floats);
    expect(lf.classes_!.length).toBe(5000);
    expect(lf.inverseTransform(lf.transform(floats.subarray(0, 100)))).toEqual(
      Array.from(floats.subarray(0, 100)),
    );
  });

  it('round-trips any labels (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }),
          fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }),
          fc.array(fc.string(), { minLength: 1 }),
          fc.array(fc.boolean(), { minLength: 1 }),
        ),
        (y) => {
          const le = new LabelEncoder();
          const codes = le.fitTransform(y as unknown[]);
          expect(le.inverseTransform(codes)).toEqual(
            (y as unknown[]).map((v) => (v === 0 ? 0 : v)),
          );
          expect(codes.every((c) => c >= 0 && c < le.classes_!.length)).toBe(true);
        },
      ),
    );
  });
});
