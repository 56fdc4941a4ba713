// OneHotEncoder's path for an Array2D of small integers must give what its general path (rows)
// gives: the same categories, rows, warnings and errors.
import { catchWarnings, ValueError, type Array2D } from '@scikeras/estimator-core';
import fc from 'fast-check';
import { OneHotEncoder, type OneHotEncoderParams } from '../OneHotEncoder';
import { denseCategories, denseInput, denseOneHot } from './denseOneHot';

function array2d(rows: number[][], Ctor: { from(a: number[]): ArrayLike<number> }): Array2D {
  return { data: Ctor.from(rows.flat()) as Float64Array, shape: [rows.length, rows[0]!.length] };
}

function rowsOf(a: Array2D): number[][] {
  const [n, d] = a.shape;
  return Array.from({ length: n }, (_, i) => Array.from(a.data.subarray(i * d, (i + 1) * d)));
}

const typed = fc.constantFrom(Int32Array, Float64Array, Uint8Array, Float32Array);
const matrix = fc.integer({ min: 1, max: 4 }).chain((d) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: d, maxLength: d }), {
    minLength: 1,
    maxLength: 25,
  }),
);
const params = fc.record({
  drop: fc.constantFrom<OneHotEncoderParams['drop']>(null, 'first', 'if_binary'),
  handleUnknown: fc.constantFrom<'error' | 'ignore'>('error', 'ignore'),
});

describe('OneHotEncoder on an Array2D of small integers', () => {
  it('learns the categories and rows of the general path, any typed array and drop', () => {
    fc.assert(
      fc.property(matrix, typed, params, (rows, Ctor, p) => {
        const general = new OneHotEncoder(p).fit(rows);
        const dense = new OneHotEncoder(p).setOutput({ transform: 'array2d' });
        dense.fit(array2d(rows, Ctor));
        const float = Ctor === Float64Array || Ctor === Float32Array;
        const cats = general.categories_!.map((c) =>
          float ? Float64Array.from(c as number[]) : c,
        );
        expect(dense.categories_).toEqual(cats);
        expect(dense.dropIdx_).toEqual(general.dropIdx_);
        expect(rowsOf(dense.transform(array2d(rows, Ctor)))).toEqual(general.transform(rows));
      }),
    );
  });

  it('encodes unknown values as zeros (ignore), warns with drop, throws with error', () => {
    const fit = array2d(
      [
        [1, 5],
        [2, 6],
        [3, 5],
      ],
      Int32Array,
    );
    const X = array2d(
      [
        [4, 5],
        [2, 9],
        [-1, 6],
      ],
      Int32Array,
    );
    const zeros = [
      [0, 0, 0, 1, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 0, 0, 1],
    ];
    const ignore = new OneHotEncoder({ handleUnknown: 'ignore' }).setOutput({
      transform: 'array2d',
    });
    expect(rowsOf(ignore.fit(fit).transform(X))).toEqual(zeros);
    const dropped = new OneHotEncoder({ handleUnknown: 'ignore', drop: 'first' })
      .setOutput({ transform: 'array2d' })
      .fit(fit);
    const { result, warnings } = catchWarnings(() => rowsOf(dropped.transform(X)));
    expect(result).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Found unknown categories in columns [0, 1] during transform. These unknown categories will be encoded as all zeros',
    ]);
    const strict = new OneHotEncoder().setOutput({ transform: 'array2d' }).fit(fit);
    expect(() => strict.transform(X)).toThrow(
      new ValueError('Found unknown categories [-1, 4] in column 0 during transform'),
    );
    expect(() => strict.transform(array2d([[1, 5, 0]], Int32Array))).toThrow(
      'X has 3 features, but OneHotEncoder is expecting 2 features as input.',
    );
  });

  it('leaves NaN, non-integers and wide ranges to the general path (same results)', () => {
    const cases = [
      [[1], [NaN], [1]],
      [[0.5], [2], [0.5]],
      [[0], [1e6], [3]],
      [[-(2 ** 40)], [0], [1]],
    ];
    for (const rows of cases) {
      const X = array2d(rows, Float64Array);
      expect(denseCategories(denseInput(X)!)).toBeNull();
      const enc = new OneHotEncoder().setOutput({ transform: 'array2d' }).fit(X);
      const general = new OneHotEncoder().fit(rows);
      expect(Array.from(enc.categories_![0] as Float64Array)).toEqual(
        Array.from(general.categories_![0] as ArrayLike<number>),
      );
      expect(rowsOf(enc.transform(X))).toEqual(general.transform(rows));
    }
  });

  it('takes only non-empty Array2Ds of numbers of a valid shape', () => {
    expect(denseInput([[1]])).toBeNull();
    expect(denseInput({ data: new Float64Array(3), shape: [2, 2] })).toBeNull();
    expect(denseInput({ data: new Float64Array(0), shape: [0, 2] })).toBeNull();
    expect(denseInput({ data: new BigInt64Array(2), shape: [1, 2] })).toBeNull();
    expect(denseInput({ data: new Int32Array(2), shape: [1, 2] })).toEqual({
      data: new Int32Array(2),
      n: 1,
      d: 2,
      float: false,
    });
  });

  it('gives no rows for categories that are not small integers', () => {
    const X = denseInput({ data: Float64Array.of(1, 2), shape: [2, 1] })!;
    const columnOf = [Int32Array.of(-1, 0, 1)];
    expect(denseOneHot(X, [Float64Array.of(1, NaN)], columnOf, 2, false)).toBeNull();
    expect(denseOneHot(X, [['a', 'b']], columnOf, 2, false)).toBeNull();
    expect(denseOneHot(X, [[1, 2]], columnOf, 2, false)).toEqual(Float64Array.of(1, 0, 0, 1));
  });
});
