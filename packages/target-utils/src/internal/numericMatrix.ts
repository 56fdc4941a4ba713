// Reads model outputs (probabilities, predictions) given as 1-D or 2-D numbers in any accepted form.
import { isTensorLike, isTypedArray, toArray2D, ValueError } from '@scikeras/estimator-core';

/** Numbers in row-major order with their shape; `ndim` 1 means one value per sample. */
export interface NumericMatrix {
  data: ArrayLike<number>;
  rows: number;
  cols: number;
  ndim: 1 | 2;
}

/**
 * Reads a 1-D or 2-D numeric array: `number[]`, typed arrays, `number[][]`, typed-array rows,
 * `{ data, shape }`, Matrix or a tfjs tensor of rank 1 or 2.
 *
 * @throws ValueError for other ranks or non-numeric values
 */
export function toNumericMatrix(x: unknown, name = 'y'): NumericMatrix {
  if (isTypedArray(x)) return { data: x, rows: x.length, cols: 1, ndim: 1 };
  if (isTensorLike(x) && x.rank === 1) {
    const d = x.dataSync();
    return { data: d, rows: d.length, cols: 1, ndim: 1 };
  }
  if (Array.isArray(x) && (x.length === 0 || !(Array.isArray(x[0]) || isTypedArray(x[0])))) {
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (typeof v !== 'number' && typeof v !== 'boolean') {
        throw new ValueError(
          `${name} must hold numbers, but ${name}[${i}] is ${typeof v === 'string' ? `'${v}'` : String(v)}.`,
        );
      }
    }
    return { data: (x as unknown[]).map(Number), rows: x.length, cols: 1, ndim: 1 };
  }
  const a = toArray2D(x, name);
  return { data: a.data, rows: a.shape[0], cols: a.shape[1], ndim: 2 };
}

/** Rows of a numeric matrix as `number[][]`. */
export function toRows(m: NumericMatrix): number[][] {
  const out: number[][] = new Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    const r = new Array<number>(m.cols);
    for (let j = 0; j < m.cols; j++) r[j] = m.data[i * m.cols + j]!;
    out[i] = r;
  }
  return out;
}

/** Index of the first maximum of each row (numpy's argmax; NaN wins like numpy). */
export function argmaxRows(m: NumericMatrix): Int32Array {
  const out = new Int32Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    const off = i * m.cols;
    let best = 0;
    let bv = m.data[off]!;
    if (bv === bv) {
      for (let j = 1; j < m.cols; j++) {
        const v = m.data[off + j]!;
        if (v !== v) {
          best = j;
          break;
        }
        if (v > bv) {
          bv = v;
          best = j;
        }
      }
    }
    out[i] = best;
  }
  return out;
}

/** numpy's `np.around` (round half to even). */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** One sigmoid column p as the two columns [1 - p, p]. */
export function sigmoidToTwoColumns(m: NumericMatrix): NumericMatrix {
  const n = m.rows;
  const data = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const p = m.data[i * m.cols]!;
    data[2 * i] = 1 - p;
    data[2 * i + 1] = p;
  }
  return { data, rows: n, cols: 2, ndim: 2 };
}
