// Numeric input handling shared by the metrics: scikit-learn's check_array(ensure_2d=False) for targets.
import { ValueError, pyShape } from '@scikeras/estimator-core';
import { isArray2D, isMatrix, isTensorLike, isTypedArray } from '@scikeras/estimator-core';

/** A validated numeric array: row-major values with their shape (1-D input has `ndim` 1 and one column). */
export interface Num2D {
  readonly data: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
  readonly ndim: 1 | 2;
}

function shapeRepr(rows: number, cols: number, ndim: 1 | 2): string {
  return pyShape(ndim === 1 ? [rows] : [rows, cols]);
}

/** Throws scikit-learn's message when `data` holds NaN or infinity. */
export function assertFinite(data: ArrayLike<number>, inputName = ''): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v - v === 0) continue;
    const pad = inputName ? `${inputName} ` : '';
    if (Number.isNaN(v)) throw new ValueError(`Input ${pad}contains NaN.`);
    const dtype = data instanceof Float32Array ? 'float32' : 'float64';
    throw new ValueError(
      `Input ${pad}contains infinity or a value too large for dtype('${dtype}').`,
    );
  }
}

function numericValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    throw new ValueError(
      "dtype='numeric' is not compatible with arrays of bytes/strings.Convert your data to numeric values explicitly instead.",
    );
  }
  if (v === null || v === undefined) return NaN;
  throw new ValueError(`Expected numeric values, got ${typeof v}.`);
}

function isRow(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || isTypedArray(v);
}

/**
 * Converts 1-D or 2-D numeric input (arrays, typed arrays, `{ data, shape }`, Matrix, tensors)
 * to a {@link Num2D}, rejecting strings, ragged rows, NaN and infinity, and empty input.
 * Typed arrays and plain number arrays are used as they are (no copy).
 */
export function toNum2D(
  y: unknown,
  options: { inputName?: string; allowEmpty?: boolean; checkFinite?: boolean } = {},
): Num2D {
  let out: Num2D;
  if (isTypedArray(y)) {
    out = { data: y, rows: y.length, cols: 1, ndim: 1 };
  } else if (isArray2D(y)) {
    out = { data: y.data, rows: y.shape[0], cols: y.shape[1], ndim: 2 };
  } else if (isMatrix(y)) {
    const data = new Float64Array(y.rows * y.columns);
    for (let i = 0; i < y.rows; i++)
      for (let j = 0; j < y.columns; j++) data[i * y.columns + j] = y.get(i, j);
    out = { data, rows: y.rows, cols: y.columns, ndim: 2 };
  } else if (isTensorLike(y)) {
    if (y.rank > 2) throw new ValueError(`Found array with dim ${y.rank}. None expected <= 2.`);
    const d = y.dataSync();
    out =
      y.rank <= 1
        ? { data: d, rows: d.length, cols: 1, ndim: 1 }
        : { data: d, rows: y.shape[0]!, cols: y.shape[1]!, ndim: 2 };
  } else if (Array.isArray(y)) {
    if (y.length > 0 && isRow(y[0])) {
      const rows = y.length;
      const cols = (y[0] as ArrayLike<unknown>).length;
      const data = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) {
        const r: unknown = y[i];
        if (!isRow(r) || r.length !== cols) {
          throw new ValueError(
            `setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (${rows},) + inhomogeneous part.`,
          );
        }
        for (let j = 0; j < cols; j++) {
          const v = r[j];
          data[i * cols + j] = typeof v === 'number' ? v : numericValue(v);
        }
      }
      out = { data, rows, cols, ndim: 2 };
    } else {
      let plain = true;
      for (let i = 0; i < y.length; i++) {
        if (typeof y[i] !== 'number') {
          plain = false;
          break;
        }
      }
      const data = plain ? (y as number[]) : Float64Array.from(y as unknown[], numericValue);
      out = { data, rows: y.length, cols: 1, ndim: 1 };
    }
  } else {
    throw new TypeError(
      `Expected array-like (array or non-string sequence), got ${y === null ? 'null' : typeof y}`,
    );
  }
  if (!options.allowEmpty && out.rows < 1) {
    throw new ValueError(
      `Found array with 0 sample(s) (shape=${shapeRepr(out.rows, out.cols, out.ndim)}) while a minimum of 1 is required.`,
    );
  }
  if (out.ndim === 2 && out.cols < 1) {
    throw new ValueError(
      `Found array with 0 feature(s) (shape=${shapeRepr(out.rows, out.cols, 2)}) while a minimum of 1 is required.`,
    );
  }
  if (options.checkFinite !== false) assertFinite(out.data, options.inputName);
  return out;
}

/** Validates sample weights: numeric, 1-D, finite. */
export function toWeights(w: ArrayLike<number> | undefined | null): ArrayLike<number> | undefined {
  if (w === undefined || w === null) return undefined;
  const n = toNum2D(w, { allowEmpty: true });
  if (n.ndim !== 1) {
    throw new ValueError(
      `Sample weights must be 1D array or scalar, got ${n.ndim}D array of shape (${n.rows}, ${n.cols}).`,
    );
  }
  return n.data;
}

/** Σ w_i, throwing numpy's error when it is zero (np.average with weights). */
export function weightSum(w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]!;
  if (s === 0) throw new ValueError("Weights sum to zero, can't be normalized");
  return s;
}

/** np.average(values, weights). */
export function average(values: ArrayLike<number>, weights?: ArrayLike<number> | null): number {
  let s = 0;
  if (!weights) {
    for (let i = 0; i < values.length; i++) s += values[i]!;
    return s / values.length;
  }
  const ws = weightSum(weights);
  for (let i = 0; i < values.length; i++) s += values[i]! * weights[i]!;
  return s / ws;
}
