import { Matrix } from 'ml-matrix';
import { checkConsistentLength, checkXY } from './checkXY';
import { ValueError } from './errors';
import { catchWarnings } from './warnings';
import golden from './__fixtures__/sklearn_messages.json';

const sk = golden.cases;
class Ridge {}

describe('checkXY', () => {
  it('returns X in canonical form and y as labels', () => {
    const { X, y } = checkXY([[0], [1], [2]], ['a', 'b', 'a']);
    expect(X).toEqual({ data: Float64Array.of(0, 1, 2), shape: [3, 1] });
    expect(y).toEqual(['a', 'b', 'a']);
  });

  it('keeps a typed-array y typed', () => {
    const y = Int32Array.of(0, 1);
    expect(checkXY([[0], [1]], y).y).toBe(y);
  });

  it('rejects a missing y with scikit-learn message', () => {
    expect(sk.y_none.message).toBe('Ridge requires y to be passed, but the target y is None');
    expect(() => checkXY([[1]], undefined, { estimator: new Ridge() })).toThrow(
      new ValueError(sk.y_none.message),
    );
    expect(() => checkXY([[1]], null)).toThrow(
      new ValueError('estimator requires y to be passed, but the target y is None'),
    );
  });

  it('rejects a length mismatch', () => {
    expect(() => checkXY([[1], [2], [3]], [1, 2, 3, 4])).toThrow(
      new ValueError(sk.inconsistent.message),
    );
  });

  it('rejects NaN and Infinity in y, like scikit-learn _check_y', () => {
    expect(() => checkXY([[1], [2]], [0, NaN])).toThrow(new ValueError(sk.nan_y.message));
    expect(() => checkXY([[1], [2]], Float64Array.of(0, Infinity))).toThrow(
      new ValueError(sk.inf_y.message),
    );
    expect(() =>
      checkXY(
        [[1], [2]],
        [
          [0, 1],
          [NaN, 1],
        ],
        { multiOutput: true },
      ),
    ).toThrow(new ValueError(sk.nan_y_multi.message));
    expect(() => checkXY([[1], [2]], [0, NaN], { forceAllFinite: false })).toThrow(
      'Input y contains NaN.',
    );
  });

  it('accepts string and boolean labels', () => {
    expect(checkXY([[1], [2]], [true, false]).y).toEqual([true, false]);
  });

  it('flattens a column y with a DataConversionWarning', () => {
    const { result, warnings } = catchWarnings(() => checkXY([[1], [2]], [[5], [6]]));
    expect(result.y).toEqual([5, 6]);
    expect(warnings).toEqual([
      {
        category: 'DataConversionWarning',
        message:
          'A column-vector y was passed when a 1d array was expected. Please change the shape of y to (nSamples,), for example using y.flat().',
      },
    ]);
  });

  it('rejects a 2-D y unless multiOutput', () => {
    expect(() =>
      checkXY(
        [[1], [2], [3]],
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      ),
    ).toThrow(new ValueError(sk.y_2d.message));
    expect(
      checkXY(
        [[1], [2], [3]],
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        { multiOutput: true },
      ).y,
    ).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('reads a 2-D y from { data, shape } and Matrix with multiOutput', () => {
    const want = [
      [1, 2],
      [3, 4],
    ];
    expect(
      checkXY(
        [[1], [2]],
        { data: Float64Array.of(1, 2, 3, 4), shape: [2, 2] },
        { multiOutput: true },
      ).y,
    ).toEqual(want);
    expect(checkXY([[1], [2]], new Matrix(want), { multiOutput: true }).y).toEqual(want);
  });

  it('rejects ragged multi-output y', () => {
    expect(() => checkXY([[1], [2]], [[1, 2], [3]], { multiOutput: true })).toThrow(
      'setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions: y[0] has 2 values but y[1] has 1.',
    );
  });

  it('requires numeric y with yNumeric', () => {
    expect(checkXY([[1], [2]], [true, 2], { yNumeric: true }).y).toEqual([1, 2]);
    expect(() => checkXY([[1], [2]], ['a', 2], { yNumeric: true })).toThrow(
      "could not convert string to float: 'a' (y[0]). A regressor needs a numeric target.",
    );
    expect(() =>
      checkXY(
        [[1], [2]],
        [
          [1, 'b'],
          [2, 3],
        ],
        { yNumeric: true, multiOutput: true },
      ),
    ).toThrow(
      "could not convert string to float: 'b' (y[0][1]). A regressor needs a numeric target.",
    );
  });

  it('validates X like checkArray', () => {
    expect(() => checkXY([[NaN]], [1])).toThrow('Input X contains NaN.');
    expect(() => checkXY([1, 2], [1, 2])).toThrow(/^Expected 2D array, got 1D array instead/);
  });
});

describe('checkConsistentLength', () => {
  it('ignores undefined and null entries', () => {
    expect(() => checkConsistentLength([[1], [2]], undefined, [0, 1], null)).not.toThrow();
    expect(() => checkConsistentLength([1], [1, 2], Float32Array.of(1, 2, 3))).toThrow(
      'Found input variables with inconsistent numbers of samples: [1, 2, 3]',
    );
  });
});
