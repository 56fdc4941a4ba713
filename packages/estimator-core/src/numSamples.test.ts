import { Matrix } from 'ml-matrix';
import { numSamples } from './numSamples';

describe('numSamples', () => {
  it.each([
    [
      'number[][]',
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      3,
    ],
    ['labels', ['a', 'b'], 2],
    ['typed array', Float32Array.of(1, 2, 3, 4), 4],
    ['{ data, shape }', { data: new Float64Array(6), shape: [2, 3] }, 2],
    ['Matrix', new Matrix(5, 2), 5],
    [
      'tensor',
      {
        shape: [7, 2],
        rank: 2,
        dtype: 'float32',
        dataSync: () => new Float32Array(14),
        gather: () => null,
      },
      7,
    ],
    ['empty', [], 0],
  ])('counts the rows of %s', (_n, x, n) => {
    expect(numSamples(x)).toBe(n);
  });

  it('rejects scalars and non-arrays with scikit-learn message', () => {
    expect(() => numSamples(3)).toThrow(
      new TypeError('Expected sequence or array-like, got number'),
    );
    expect(() => numSamples(null)).toThrow(
      new TypeError('Expected sequence or array-like, got null'),
    );
    expect(() => numSamples(new Map())).toThrow(
      new TypeError('Expected sequence or array-like, got Map'),
    );
    const scalar = {
      shape: [],
      rank: 0,
      dtype: 'float32',
      dataSync: () => Float32Array.of(1),
      gather: () => null,
      toString: () => 'Tensor(1)',
    };
    expect(() => numSamples(scalar)).toThrow(
      new TypeError('Singleton array Tensor(1) cannot be considered a valid collection.'),
    );
  });
});
