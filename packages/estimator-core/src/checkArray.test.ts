import { Matrix } from 'ml-matrix';
import { assertAllFinite, checkArray, estimatorName, toArray2D } from './checkArray';
import { ValueError } from './errors';
import golden from './__fixtures__/sklearn_messages.json';

const sk = golden.cases;

class Ridge {}

/** A minimal tfjs-like tensor. */
function tensor(values: number[], shape: number[], dtype = 'float32') {
  return {
    shape,
    rank: shape.length,
    dtype,
    dataSync: () => Float32Array.from(values),
    gather: () => {
      throw new Error('unused');
    },
  };
}

describe('checkArray', () => {
  describe('accepted forms', () => {
    const expected = { data: Float64Array.from([1, 2, 3, 4, 5, 6]), shape: [3, 2] };
    it.each([
      [
        'number[][]',
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      ],
      ['Float64Array rows', [Float64Array.of(1, 2), Float64Array.of(3, 4), Float64Array.of(5, 6)]],
      ['Int32Array rows', [Int32Array.of(1, 2), Int32Array.of(3, 4), Int32Array.of(5, 6)]],
      ['{ data, shape }', { data: Float64Array.of(1, 2, 3, 4, 5, 6), shape: [3, 2] }],
      ['{ data: Int8Array, shape }', { data: Int8Array.of(1, 2, 3, 4, 5, 6), shape: [3, 2] }],
      [
        'ml-matrix Matrix',
        new Matrix([
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
      ],
      [
        'booleans',
        [
          [true, 2],
          [3, 4],
          [5, 6],
        ].map((r) => r.map((v) => (v === true ? 1 : v))),
      ],
    ])('%s gives the canonical row-major float64 form', (_name, X) => {
      expect(checkArray(X)).toEqual(expected);
    });

    it('keeps float32 input as float32 unless a dtype is forced', () => {
      const X = [Float32Array.of(1, 2), Float32Array.of(3, 4)];
      const out = checkArray({ data: Float32Array.of(1, 2, 3, 4), shape: [2, 2] });
      expect(out.data).toBeInstanceOf(Float32Array);
      expect(checkArray(X).data).toBeInstanceOf(Float64Array);
      expect(checkArray(out, { dtype: 'float64' }).data).toEqual(Float64Array.of(1, 2, 3, 4));
      expect(checkArray([[1, 2]], { dtype: 'float32' }).data).toEqual(Float32Array.of(1, 2));
    });

    it('reads a 2-D tensor', () => {
      const out = checkArray(tensor([1, 2, 3, 4], [2, 2]));
      expect(out).toEqual({ data: Float32Array.of(1, 2, 3, 4), shape: [2, 2] });
    });

    it('converts booleans to 0/1 and null/undefined to NaN (then rejected)', () => {
      expect(checkArray([[true, false]] as unknown as number[][]).data).toEqual(
        Float64Array.of(1, 0),
      );
      expect(() => checkArray([[1, null]] as unknown as number[][])).toThrow(
        'Input X contains NaN.',
      );
    });
  });

  describe('rejections', () => {
    it('rejects NaN and Infinity with scikit-learn messages', () => {
      expect(() => checkArray([[1, NaN]])).toThrow(new ValueError('Input X contains NaN.'));
      expect(() => checkArray([[1, Infinity]])).toThrow(
        new ValueError("Input X contains infinity or a value too large for dtype('float64')."),
      );
      expect(() => checkArray({ data: Float32Array.of(1, -Infinity), shape: [1, 2] })).toThrow(
        "Input X contains infinity or a value too large for dtype('float32').",
      );
      // scikit-learn names the input only when it knows it (estimators always pass X)
      expect(sk.nan_X.message).toBe('Input contains NaN.');
      expect(sk.inf_X.message).toBe(
        "Input contains infinity or a value too large for dtype('float64').",
      );
    });

    it('names the estimator when NaN reaches it', () => {
      expect(() => checkArray([[NaN]], { estimator: new Ridge() })).toThrow(
        'Input X contains NaN.\nRidge does not accept missing values encoded as NaN natively. Preprocess the data, for instance by imputing or dropping samples with missing values.',
      );
    });

    it('allows NaN with allow-nan and both with forceAllFinite false', () => {
      expect(checkArray([[NaN, 1]], { forceAllFinite: 'allow-nan' }).data[0]).toBeNaN();
      expect(() => checkArray([[NaN, Infinity]], { forceAllFinite: 'allow-nan' })).toThrow(
        "Input X contains infinity or a value too large for dtype('float64').",
      );
      expect(Array.from(checkArray([[NaN, Infinity]], { forceAllFinite: false }).data)).toEqual([
        NaN,
        Infinity,
      ]);
    });

    it('rejects empty input with scikit-learn messages', () => {
      expect(() =>
        checkArray({ data: new Float64Array(0), shape: [0, 3] }, { estimator: 'Ridge' }),
      ).toThrow(new ValueError(sk.zero_samples.message));
      expect(() => checkArray([[], [], []])).toThrow(new ValueError(sk.zero_features.message));
      expect(() =>
        checkArray(
          [
            [1, 1, 1],
            [1, 1, 1],
          ],
          { ensureMinSamples: 3 },
        ),
      ).toThrow(new ValueError(sk.min_samples.message));
      expect(checkArray([[], []], { ensureMinFeatures: 0 }).shape).toEqual([2, 0]);
    });

    it('rejects 1-D and scalar input, saying how to reshape', () => {
      expect(sk.one_d_X.message.split('\n')[0]).toBe('Expected 2D array, got 1D array instead:');
      expect(() => checkArray([1, 2, 3])).toThrow(
        new ValueError(
          'Expected 2D array, got 1D array instead:\narray=[1, 2, 3].\nReshape your data either using X.map((v) => [v]) if your data has a single feature or [X] if it contains a single sample.',
        ),
      );
      expect(() => checkArray(Float64Array.of(1, 2))).toThrow(
        /^Expected 2D array, got 1D array instead:\narray=\[1, 2\]\./,
      );
      expect(() => checkArray(5)).toThrow(
        /^Expected 2D array, got scalar array instead:\narray=5\./,
      );
      expect(() => checkArray(tensor([1, 2], [2]))).toThrow(
        /^Expected 2D array, got 1D array instead/,
      );
      expect(() => checkArray([])).toThrow(
        /^Expected 2D array, got 1D array instead:\narray=\[\]\./,
      );
    });

    it('rejects ragged rows and rows mixed with scalars', () => {
      expect(sk.ragged_X.message).toMatch(
        /^setting an array element with a sequence\. The requested array has an inhomogeneous shape after 1 dimensions/,
      );
      expect(() => checkArray([[1, 2], [3]])).toThrow(
        new ValueError(
          'setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions: X[0] has 2 values but X[1] has 1. Every sample must have the same number of features.',
        ),
      );
      expect(() => checkArray([[1, 2], 3] as unknown as number[][])).toThrow(
        'setting an array element with a sequence. X mixes rows and scalars: X[1] is 3. Every sample must be an array of the same length.',
      );
    });

    it('rejects 3-D input', () => {
      expect(() => checkArray([[[1]]] as unknown as number[][])).toThrow(
        'Found array with dim 3. Expected <= 2.',
      );
      expect(() => checkArray([[[[1]]]], { estimator: 'SVC' })).toThrow(
        'Found array with dim 4. SVC expected <= 2.',
      );
      expect(() => checkArray({ data: new Float32Array(8), shape: [2, 2, 2] })).toThrow(
        'Found array with dim 3. Expected <= 2.',
      );
      expect(() => checkArray([[1, [2]]] as unknown as number[][])).toThrow(
        'setting an array element with a sequence. X[0][1] is an array, but X[0][0] is not: every sample must have the same number of dimensions.',
      );
      expect(() => checkArray(tensor([1, 2], [1, 1, 2]))).toThrow(
        'Found array with dim 3. Expected <= 2.',
      );
    });

    it('rejects strings and other non-numeric values', () => {
      expect(sk.string_X.message).toContain(
        "dtype='numeric' is not compatible with arrays of bytes/strings.",
      );
      expect(() => checkArray([['a', 'b']] as unknown as number[][])).toThrow(
        "could not convert string to float: 'a' (X[0][0]). dtype='numeric' is not compatible with arrays of bytes/strings. Convert your data to numeric values explicitly instead (e.g. encode categories with OneHotEncoder).",
      );
      expect(() => checkArray([[1, {}]] as unknown as number[][])).toThrow(
        'X[0][1] is {} (object), which is not numeric. Convert your data to numeric values explicitly instead.',
      );
    });

    it('rejects a { data, shape } whose length does not match', () => {
      expect(() => checkArray({ data: Float64Array.of(1, 2, 3), shape: [2, 2] })).toThrow(
        'X.data has 3 values, but shape (2, 2) needs 4.',
      );
    });

    it('rejects what is not array-like with a TypeError', () => {
      expect(() => checkArray('abc')).toThrow(
        new TypeError(
          'Expected a 2-D array-like for X (number[][], typed-array rows, { data, shape }, Matrix or Tensor2D), got string.',
        ),
      );
      expect(() => checkArray(null)).toThrow(/got null\.$/);
    });

    it('uses inputName in messages', () => {
      expect(() => checkArray([[NaN]], { inputName: 'Xval' })).toThrow('Input Xval contains NaN.');
    });
  });
});

describe('toArray2D', () => {
  it('converts without validating values', () => {
    expect(Array.from(toArray2D([[NaN, 1]]).data)).toEqual([NaN, 1]);
  });
});

describe('assertAllFinite', () => {
  it('checks any array of numbers', () => {
    expect(() => assertAllFinite([1, 2, 3])).not.toThrow();
    expect(() => assertAllFinite([1, NaN], { inputName: 'y' })).toThrow(
      new ValueError(sk.nan_y.message),
    );
    expect(() => assertAllFinite([1, Infinity], { inputName: 'y' })).toThrow(
      new ValueError(sk.inf_y.message),
    );
    expect(() => assertAllFinite([NaN], { allowNan: true })).not.toThrow();
  });
  it('finds a NaN or an infinity at any position (blocks of eight and the tail), in any array type', () => {
    for (const make of [
      (n: number) => new Float32Array(n).fill(1.5),
      (n: number) => new Float64Array(n).fill(-2),
      (n: number) => new Array<number>(n).fill(3),
    ]) {
      for (const n of [1, 7, 8, 9, 16, 21]) {
        const ok = make(n);
        ok[0] = -0;
        ok[n - 1] = 3.4e38;
        expect(() => assertAllFinite(ok)).not.toThrow();
        for (let at = 0; at < n; at++) {
          for (const [bad, message] of [
            [NaN, 'Input X contains NaN.'],
            [Infinity, "contains infinity or a value too large for dtype('"],
            [-Infinity, "contains infinity or a value too large for dtype('"],
          ] as const) {
            const data = make(n);
            data[at] = bad;
            expect(() => assertAllFinite(data)).toThrow(message);
            if (Number.isNaN(bad))
              expect(() => assertAllFinite(data, { allowNan: true })).not.toThrow();
          }
        }
      }
    }
    // NaN allowed, an infinity after it still found
    expect(() =>
      assertAllFinite([NaN, 1, 2, 3, 4, 5, 6, 7, 8, Infinity], { allowNan: true }),
    ).toThrow('Input X contains infinity');
  });
  it('adds the estimator hint for X only, like scikit-learn', () => {
    expect(() => assertAllFinite([NaN], { inputName: 'y', estimator: 'Ridge' })).toThrow(
      new ValueError('Input y contains NaN.'),
    );
  });
});

describe('estimatorName', () => {
  it('names a string, an instance or nothing', () => {
    expect(estimatorName('Ridge')).toBe('Ridge');
    expect(estimatorName(new Ridge())).toBe('Ridge');
    expect(estimatorName(undefined)).toBeUndefined();
  });
});
