// transformMatrix: transform's values as one float32 matrix (what the wrappers train on at scale).
import fc from 'fast-check';
import { NotFittedError } from '@scikeras/estimator-core';
import { ClassifierLabelEncoder } from './ClassifierLabelEncoder';
import { RegressorTargetEncoder } from './RegressorTargetEncoder';

/** transform's rows packed row-major into float32 (the reference). */
function packed(rows: number[][]): { data: Float32Array; shape: [number, number] } {
  const k = rows[0]?.length ?? 0;
  return { data: Float32Array.from(rows.flat()), shape: [rows.length, k] };
}

describe('ClassifierLabelEncoder.transformMatrix', () => {
  const cases: [string, string | null, unknown][] = [
    ['binary', null, [true, false, true]],
    ['multiclass', null, ['b', 'a', 'c', 'a']],
    ['multiclass, one-hot', 'categorical_crossentropy', [2, 0, 1, 7]],
    ['binary, one-hot', 'categorical_crossentropy', ['x', 'y', 'y']],
    [
      'multilabel-indicator',
      null,
      [
        [1, 0, 1],
        [0, 1, 1],
      ],
    ],
    [
      'multiclass-multioutput',
      null,
      [
        ['a', 1],
        ['b', 2],
        ['c', 1],
      ],
    ],
    [
      'one-hot y',
      'categorical_crossentropy',
      [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 1],
      ],
    ],
  ];

  it.each(cases)('%s: the values transform gives', (_name, loss, y) => {
    const enc = new ClassifierLabelEncoder({ loss }).fit(y);
    expect(enc.transformMatrix(y)).toEqual(packed(enc.transform(y)));
  });

  it('any labels, either loss: the values transform gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 9 }), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (y, oneHot) => {
          const enc = new ClassifierLabelEncoder({
            loss: oneHot ? 'categorical_crossentropy' : null,
          }).fit(y);
          expect(enc.transformMatrix(y)).toEqual(packed(enc.transform(y)));
          expect(enc.transformMatrix(Int32Array.from(y))).toEqual(packed(enc.transform(y)));
        },
      ),
    );
  });

  it("throws transform's errors", () => {
    expect(() => new ClassifierLabelEncoder().transformMatrix([1])).toThrow(NotFittedError);
    const enc = new ClassifierLabelEncoder().fit(['a', 'b']);
    expect(() => enc.transformMatrix(['c'])).toThrow(
      "Found unknown categories ['c'] in column 0 during transform",
    );
    expect(() => enc.transformMatrix([['a', 'b']])).toThrow(
      'y should be a 1d array, got an array of shape (1, 2) instead.',
    );
    expect(() => enc.transformMatrix(3)).toThrow(
      'Expected array-like (array or non-string sequence), got 3',
    );
  });
});

describe('RegressorTargetEncoder.transformMatrix', () => {
  it('1-D and 2-D targets: the values transform gives, as float32', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (v) => {
          const enc = new RegressorTargetEncoder().fit(v);
          expect(enc.transformMatrix(v)).toEqual(packed(enc.transform(v)));
          const y2 = v.map((a, i) => [a, i]);
          const enc2 = new RegressorTargetEncoder().fit(y2);
          expect(enc2.transformMatrix(y2)).toEqual(packed(enc2.transform(y2)));
        },
      ),
    );
  });

  it("throws transform's errors", () => {
    const enc = new RegressorTargetEncoder().fit([1, 2]);
    expect(() => enc.transformMatrix([[1, 2]])).toThrow(
      'Detected `y` to have 2 outputs with `y.shape = (1, 2)` but this RegressorTargetEncoder has 1 outputs.',
    );
  });
});
