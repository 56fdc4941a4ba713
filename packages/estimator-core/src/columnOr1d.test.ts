import { Matrix } from 'ml-matrix';
import { columnOr1d } from './columnOr1d';
import { ValueError } from './errors';
import { catchWarnings } from './warnings';
import golden from './__fixtures__/sklearn_messages.json';

function tensor(values: number[], shape: number[]) {
  return {
    shape,
    rank: shape.length,
    dtype: 'float32',
    dataSync: () => Float32Array.from(values),
    gather: () => null as never,
  };
}

describe('columnOr1d', () => {
  it('returns 1-D labels as they are (typed arrays without a copy)', () => {
    const y = ['a', 'b'];
    expect(columnOr1d(y)).toBe(y);
    const t = Float32Array.of(1, 2);
    expect(columnOr1d(t)).toBe(t);
    expect(columnOr1d([])).toEqual([]);
  });

  it.each([
    ['number[][]', [[1], [2], [3]]],
    ['typed rows', [Float64Array.of(1), Float64Array.of(2), Float64Array.of(3)]],
    ['{ data, shape }', { data: Float64Array.of(1, 2, 3), shape: [3, 1] }],
    ['Matrix', new Matrix([[1], [2], [3]])],
    ['tensor', tensor([1, 2, 3], [3, 1])],
  ])('flattens a column vector given as %s', (_n, y) => {
    expect(columnOr1d(y)).toEqual([1, 2, 3]);
  });

  it('reads a 1-D tensor', () => {
    expect(columnOr1d(tensor([4, 5], [2]))).toEqual([4, 5]);
  });

  it('warns only when asked', () => {
    expect(catchWarnings(() => columnOr1d([[1]])).warnings).toEqual([]);
    const { result, warnings } = catchWarnings(() => columnOr1d([[1]], { warn: true }));
    expect(result).toEqual([1]);
    expect(warnings).toEqual([
      {
        message:
          'A column-vector y was passed when a 1d array was expected. Please change the shape of y to (nSamples,), for example using y.flat().',
        category: 'DataConversionWarning',
      },
    ]);
  });

  it.each([
    [
      'number[][]',
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    ],
    ['{ data, shape }', { data: Float64Array.of(1, 2, 3, 4, 5, 6), shape: [3, 2] }],
    [
      'Matrix',
      new Matrix([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ],
    ['tensor', tensor([1, 2, 3, 4, 5, 6], [3, 2])],
  ])('rejects a wide %s with scikit-learn message', (_n, y) => {
    expect(() => columnOr1d(y)).toThrow(new ValueError(golden.cases.y_2d.message));
  });

  it('rejects ragged rows, 3-D tensors and non-arrays', () => {
    expect(() => columnOr1d([[1], [2, 3]])).toThrow(
      'y has rows of different lengths; it should be a 1d array.',
    );
    expect(() => columnOr1d(tensor([1, 2], [1, 1, 2]))).toThrow(
      'y should be a 1d array, got an array of shape (1, 1, 2) instead.',
    );
    expect(() => columnOr1d(null, { inputName: 'yTrue' })).toThrow(
      'yTrue should be a 1d array, got null instead.',
    );
    expect(() => columnOr1d(3)).toThrow('y should be a 1d array, got number instead.');
  });
});
