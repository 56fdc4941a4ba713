import { accuracyScore } from './accuracyScore';

describe('accuracyScore', () => {
  it('computes the documented examples', () => {
    expect(accuracyScore([0, 2, 1, 3], [0, 1, 2, 3])).toBe(0.5);
    expect(accuracyScore([0, 2, 1, 3], [0, 1, 2, 3], { normalize: false })).toBe(2);
    expect(
      accuracyScore(
        [
          [0, 1],
          [1, 1],
        ],
        [
          [1, 1],
          [1, 1],
        ],
      ),
    ).toBe(0.5);
  });

  it.each([
    ['typed arrays', Int32Array.from([1, 2, 3, 1]), Float64Array.from([1, 2, 2, 1])],
    ['strings', ['a', 'b', 'c', 'a'], ['a', 'b', 'b', 'a']],
    ['booleans against numbers', [true, false, true, true], [1, 0, 0, 1]],
    ['column vectors', [[1], [2], [3], [1]], [[1], [2], [2], [1]]],
  ])('accepts %s', (_name, t, p) => {
    expect(accuracyScore(t, p)).toBe(0.75);
  });

  it('accepts multilabel targets as { data, shape } and rows', () => {
    const t = { data: Float64Array.from([1, 0, 0, 1, 1, 1]), shape: [3, 2] as [number, number] };
    const p = [
      [1, 0],
      [0, 0],
      [1, 1],
    ];
    expect(accuracyScore(t, p)).toBeCloseTo(2 / 3, 15);
  });

  it('weights samples', () => {
    expect(accuracyScore([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 1, 2] })).toBe(0.5);
    expect(accuracyScore([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 1, 2], normalize: false })).toBe(
      2,
    );
  });

  it("rejects mixed target types with scikit-learn's message", () => {
    expect(() => accuracyScore([0, 1, 1], [0.5, 1, 0])).toThrow(
      "Classification metrics can't handle a mix of binary and continuous targets",
    );
    expect(() =>
      accuracyScore(
        [
          [1, 2],
          [3, 1],
        ],
        [
          [1, 2],
          [3, 1],
        ],
      ),
    ).toThrow('multiclass-multioutput is not supported');
  });

  it('rejects inconsistent lengths', () => {
    expect(() => accuracyScore([0, 1, 1], [0, 1], {})).toThrow(
      'Found input variables with inconsistent numbers of samples: [3, 2]',
    );
    expect(() => accuracyScore([0, 1, 1], [0, 1, 1], { sampleWeight: [1] })).toThrow(
      'Found input variables with inconsistent numbers of samples: [3, 3, 1]',
    );
  });
});
