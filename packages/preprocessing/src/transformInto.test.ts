// estimator-core's transformInto hook on StandardScaler and OneHotEncoder: the writer puts exactly
// what `transform` gives (setOutput 'array2d') into a window of a larger buffer, checks X as
// `transform` does, and hands other X back to `transform`.
import { NotFittedError, transformInto, type Array2D } from '@scikeras/estimator-core';
import fc from 'fast-check';
import { OneHotEncoder } from './OneHotEncoder';
import { StandardScaler } from './StandardScaler';

/** Writes with the hook into columns `start..` of rows of width `stride` (NaN around it: untouched cells stay NaN). */
function writeWindow(
  t: StandardScaler | OneHotEncoder,
  X: Array2D,
  start: number,
  stride: number,
): { out: Float64Array; ok: boolean; width: number } {
  const w = t[transformInto](X)!;
  const n = X.shape[0];
  const out = new Float64Array(n * stride).fill(NaN);
  for (let i = 0; i < n; i++) out.fill(0, i * stride + start, i * stride + start + w.width);
  const ok = w.write(out, start, stride);
  return { out, ok, width: w.width };
}

/** The window's columns as rows, and whether every cell outside it is still NaN. */
function windowOf(out: Float64Array, n: number, start: number, width: number, stride: number) {
  const rows: number[][] = [];
  let outsideUntouched = true;
  for (let i = 0; i < n; i++) {
    rows.push(Array.from(out.subarray(i * stride + start, i * stride + start + width)));
    for (let k = 0; k < stride; k++)
      if ((k < start || k >= start + width) && !Number.isNaN(out[i * stride + k]!))
        outsideUntouched = false;
  }
  return { rows, outsideUntouched };
}

function rowsOf(a: Array2D): number[][] {
  const [n, d] = a.shape;
  return Array.from({ length: n }, (_, i) => Array.from(a.data.subarray(i * d, (i + 1) * d)));
}

const X: Array2D = { data: Float64Array.of(1, 10, NaN, 2, 20, 5, 4, 30, 7), shape: [3, 3] };

describe('StandardScaler[transformInto]', () => {
  it.each([
    [true, true],
    [false, true],
    [true, false],
    [false, false],
  ])('writes what transform gives (withMean %s, withStd %s), NaN kept', (withMean, withStd) => {
    const s = new StandardScaler({ withMean, withStd }).setOutput({ transform: 'array2d' }).fit(X);
    const { out, ok, width } = writeWindow(s, X, 2, 7);
    expect(ok).toBe(true);
    expect(width).toBe(3);
    const got = windowOf(out, 3, 2, 3, 7);
    expect(got.outsideUntouched).toBe(true);
    expect(got.rows).toEqual(rowsOf(s.transform(X)));
  });

  it('agrees with transform bit for bit on random data (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 60 }),
        fc.integer({ min: 0, max: 3 }),
        (d, values, start) => {
          const n = Math.floor(values.length / d);
          const A: Array2D = { data: Float64Array.from(values.slice(0, n * d)), shape: [n, d] };
          const s = new StandardScaler().setOutput({ transform: 'array2d' }).fit(A);
          const { out } = writeWindow(s, A, start, start + d + 1);
          expect(windowOf(out, n, start, d, start + d + 1).rows).toEqual(rowsOf(s.transform(A)));
        },
      ),
    );
  });

  it('checks X as transform does, and leaves rows to transform (null)', () => {
    const s = new StandardScaler().fit(X);
    expect(() => s[transformInto]({ data: Float64Array.of(1, 2), shape: [1, 2] })).toThrow(
      'X has 2 features, but StandardScaler is expecting 3 features as input.',
    );
    expect(() =>
      s[transformInto]({ data: Float64Array.of(1, Infinity, 2), shape: [1, 3] }),
    ).toThrow("Input X contains infinity or a value too large for dtype('float64').");
    expect(s[transformInto]([[1, 2, 3]])).toBeNull();
    expect(() => new StandardScaler()[transformInto](X)).toThrow(NotFittedError);
  });
});

/** Category codes as an Array2D of ints (the encoder reads any typed array; the type names floats). */
function codes(data: ArrayLike<number>, n: number, d: number): Array2D {
  return { data, shape: [n, d] } as unknown as Array2D;
}

describe('OneHotEncoder[transformInto]', () => {
  const C = codes(Int32Array.of(0, 3, 1, 3, 2, 5, 0, 4), 4, 2);

  it('writes what transform gives (drop first, int and float codes)', () => {
    for (const data of [C.data, Float64Array.from(C.data)]) {
      const A = codes(data, 4, 2);
      for (const drop of [null, 'first'] as const) {
        const e = new OneHotEncoder({ drop }).setOutput({ transform: 'array2d' }).fit(A);
        const { out, ok, width } = writeWindow(e, A, 1, 9);
        expect(ok).toBe(true);
        const got = windowOf(out, 4, 1, width, 9);
        expect(got.outsideUntouched).toBe(true);
        expect(got.rows).toEqual(rowsOf(e.transform(A)));
      }
    }
  });

  it("leaves an unknown category with handleUnknown 'error' to transform (null: it raises), writes zeros with 'ignore'", () => {
    const unknown = codes(Int32Array.of(0, 3, 9, 3), 2, 2);
    const strict = new OneHotEncoder().setOutput({ transform: 'array2d' }).fit(C);
    expect(strict[transformInto](unknown)).toBeNull();
    expect(() => strict.transform(unknown)).toThrow(
      'Found unknown categories [9] in column 0 during transform',
    );
    const lax = new OneHotEncoder({ handleUnknown: 'ignore' })
      .setOutput({ transform: 'array2d' })
      .fit(C);
    const { out, ok, width } = writeWindow(lax, unknown, 0, 6);
    expect(ok).toBe(true);
    expect(windowOf(out, 2, 0, width, 6).rows).toEqual(rowsOf(lax.transform(unknown)));
  });

  it('checks X as transform does, and leaves rows and text categories to transform (null)', () => {
    const e = new OneHotEncoder().fit(C);
    expect(() => e[transformInto]({ data: Int32Array.of(0), shape: [1, 1] })).toThrow(
      'X has 1 features, but OneHotEncoder is expecting 2 features as input.',
    );
    expect(e[transformInto]([[0, 3]])).toBeNull();
    const text = new OneHotEncoder().fit([['a'], ['b']]);
    expect(text[transformInto]({ data: Int32Array.of(0), shape: [1, 1] })).toBeNull();
    expect(() => new OneHotEncoder()[transformInto](C)).toThrow(NotFittedError);
  });
});
