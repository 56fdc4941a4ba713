// Port of scikit-learn's sklearn/utils/tests/test_validation.py check_array allow_nd cases (BSD-3-Clause).
import fc from 'fast-check';
import { checkArray } from './checkArray';
import { checkXY } from './checkXY';
import { numSamples } from './numSamples';
import { takeRows } from './takeRows';
import { toArrayND } from './toArrayND';

/** A minimal tfjs-like tensor of any rank. */
function tensor(values: number[], shape: number[]) {
  return {
    shape,
    rank: shape.length,
    dtype: 'float32',
    dataSync: () => Float32Array.from(values),
    gather: () => {
      throw new Error('unused');
    },
  };
}

const cube = [
  [
    [1, 2],
    [3, 4],
  ],
  [
    [5, 6],
    [7, 8],
  ],
];

describe('checkArray with allowNd (test_validation.py::test_check_array allow_nd)', () => {
  it('accepts nested arrays of any depth, shaped typed arrays and tensors of any rank', () => {
    const expected = { data: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]), shape: [2, 2, 2] };
    expect(checkArray(cube, { allowNd: true })).toEqual(expected);
    const rowsOfTyped = cube.map((m) => m.map((r) => Float64Array.from(r)));
    expect(checkArray(rowsOfTyped, { allowNd: true })).toEqual(expected);
    const t = checkArray(tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]), { allowNd: true });
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(t.shape).toEqual([2, 2, 2]);
    const img = checkArray([[[[1], [2]]]], { allowNd: true });
    expect(img.shape).toEqual([1, 1, 2, 1]);
  });

  it('reads a float32 { data, shape } in place (no copy)', () => {
    const data = new Float32Array(2 * 3 * 4).map((_, i) => i);
    const X = { data, shape: [2, 3, 4] };
    const out = checkArray(X, { allowNd: true });
    expect(out.data).toBe(data);
    expect(out.shape).toEqual([2, 3, 4]);
    const flat = checkArray({ data, shape: [6, 4] }, { allowNd: true });
    expect(flat.data).toBe(data);
  });

  it('still refuses 1-D and empty input, and checks data against shape', () => {
    expect(() => checkArray([1, 2], { allowNd: true })).toThrow(
      'Expected 2D array, got 1D array instead',
    );
    expect(() =>
      checkArray({ data: new Float32Array(7), shape: [2, 2, 2] }, { allowNd: true }),
    ).toThrow('X.data has 7 values, but shape (2, 2, 2) needs 8.');
    expect(() =>
      checkArray({ data: new Float32Array(0), shape: [0, 3, 4] }, { allowNd: true }),
    ).toThrow('Found array with 0 sample(s) (shape=(0, 3, 4)) while a minimum of 1 is required.');
    // as scikit-learn, the minimum of features is a 2-D check only
    expect(
      checkArray({ data: new Float32Array(0), shape: [2, 0, 4] }, { allowNd: true }).shape,
    ).toEqual([2, 0, 4]);
  });

  it("refuses ragged nesting with numpy's message", () => {
    expect(() =>
      checkArray(
        [
          [[1, 2], [3]],
          [
            [1, 2],
            [3, 4],
          ],
        ],
        { allowNd: true },
      ),
    ).toThrow(
      'setting an array element with a sequence. The requested array has an inhomogeneous shape after 2 dimensions. The detected shape was (2, 2) + inhomogeneous part.',
    );
    expect(() => checkArray([[[1, 2]], [[1, 'a']]], { allowNd: true })).toThrow(
      "could not convert string to float: 'a' (X[1][0][1])",
    );
  });

  it('checks finiteness of N-d values', () => {
    expect(() => checkArray([[[1, NaN]]], { allowNd: true })).toThrow('Input X contains NaN.');
  });

  it('checkXY passes allowNd to X', () => {
    const { X, y } = checkXY(cube, [0, 1], { allowNd: true });
    expect(X.shape).toEqual([2, 2, 2]);
    expect(y).toEqual([0, 1]);
    expect(() => checkXY(cube, [0, 1])).toThrow('Found array with dim 3. Expected <= 2.');
    expect(() => checkXY(cube, [0, 1, 2], { allowNd: true })).toThrow(
      'Found input variables with inconsistent numbers of samples: [2, 3]',
    );
  });

  it('toArrayND leaves 2-D input to the 2-D conversion', () => {
    expect(toArrayND([[1, 2]])).toBeUndefined();
    expect(toArrayND({ data: new Float32Array(2), shape: [1, 2] })).toBeUndefined();
  });
});

describe('takeRows and numSamples on N-d { data, shape }', () => {
  it('index samples along the first axis, copying only the selected rows', () => {
    const data = new Float32Array(4 * 2 * 3).map((_, i) => i);
    const X = { data, shape: [4, 2, 3] };
    expect(numSamples(X)).toBe(4);
    const out = takeRows(X, [3, 1]);
    expect(out.shape).toEqual([2, 2, 3]);
    expect(out.data).toBeInstanceOf(Float32Array);
    expect(out.data.length).toBe(12);
    expect(Array.from(out.data)).toEqual([18, 19, 20, 21, 22, 23, 6, 7, 8, 9, 10, 11]);
  });

  it('equals selecting the nested rows (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (n, inner, picks) => {
          const size = inner.reduce((a, b) => a * b, 1);
          const data = Float64Array.from({ length: n * size }, (_, i) => i);
          const X = { data, shape: [n, ...inner] };
          const idx = picks.map((p) => p % n);
          const out = takeRows(X, idx);
          const want = idx.flatMap((i) => Array.from(data.subarray(i * size, (i + 1) * size)));
          expect(Array.from(out.data)).toEqual(want);
          expect(out.shape).toEqual([idx.length, ...inner]);
        },
      ),
    );
  });
});
