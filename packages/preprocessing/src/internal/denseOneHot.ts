// OneHotEncoder on a numeric Array2D of small integers (the usual form of 1e6 category codes):
// the categories (scikit-learn's np.unique per column) and the one-hot rows read straight from
// the row-major buffer, with no per-column copy of X and no code arrays. Anything else (NaN,
// non-integers, a wide range, unknown values that need a message) returns null and the encoder
// takes its general path, which gives the same results and scikit-learn's messages.
import { isArray2D, type WindowWriter } from '@scikeras/estimator-core';
import type { Categories } from './categories';

/** A row-major numeric matrix read in place. */
export interface DenseInput {
  data: ArrayLike<number>;
  n: number;
  d: number;
  /** float64/float32 data: categories are a Float64Array, as numpy's float64 column gives. */
  float: boolean;
}

/** The widest range of values per column read through a lookup table. */
const MAX_RANGE = 1 << 16;

/** X as a {@link DenseInput} when it is a non-empty Array2D of numbers of a valid shape, or null. */
export function denseInput(X: unknown): DenseInput | null {
  if (!isArray2D(X)) return null;
  const data: unknown = X.data;
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) return null;
  const [n, d] = X.shape;
  if (n < 1 || d < 1 || X.data.length !== n * d) return null;
  const float = data instanceof Float64Array || data instanceof Float32Array;
  return { data: X.data, n, d, float };
}

/** Per-column min and max of integer values, or null at the first non-integer (or NaN). */
function intRanges(X: DenseInput): { min: Float64Array; max: Float64Array } | null {
  const { data, n, d } = X;
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  for (let i = 0, off = 0; i < n; i++, off += d) {
    for (let j = 0; j < d; j++) {
      const v = data[off + j]!;
      if ((v | 0) !== v) return null;
      if (v < min[j]!) min[j] = v;
      if (v > max[j]!) max[j] = v;
    }
  }
  return { min, max };
}

/**
 * The sorted distinct values of each column (one pass to mark them), or null when a value is
 * not an integer or a column spans more than 65536 values.
 *
 * @param X - the matrix
 * @returns one category list per column: `number[]` for integer data, a `Float64Array` for float data
 */
export function denseCategories(X: DenseInput): Categories[] | null {
  const r = intRanges(X);
  if (!r) return null;
  const { data, n, d } = X;
  const base = new Int32Array(d + 1);
  for (let j = 0; j < d; j++) {
    const range = r.max[j]! - r.min[j]! + 1;
    if (range > MAX_RANGE) return null;
    base[j + 1] = base[j]! + range;
  }
  const seen = new Uint8Array(base[d]!);
  const shift = Int32Array.from(r.min, (m, j) => base[j]! - m);
  for (let i = 0, off = 0; i < n; i++, off += d)
    for (let j = 0; j < d; j++) seen[data[off + j]! + shift[j]!] = 1;
  const out: Categories[] = [];
  for (let j = 0; j < d; j++) {
    const cats: number[] = [];
    for (let k = base[j]!; k < base[j + 1]!; k++) if (seen[k]) cats.push(k - shift[j]!);
    out.push(X.float ? Float64Array.from(cats) : cats);
  }
  return out;
}

/** Lookup of the output column of every value in [min, max] of each feature. */
interface OneHotTable {
  /** `lut[value + shift[j]]`: the output column, -1 for the dropped category, -2 for unknown. */
  lut: Int32Array;
  shift: Int32Array;
  lo: Float64Array;
  hi: Float64Array;
}

function oneHotTable(
  cats: readonly Categories[],
  columnOf: readonly Int32Array[],
): OneHotTable | null {
  const d = cats.length;
  const lo = new Float64Array(d);
  const hi = new Float64Array(d);
  let size = 0;
  for (let j = 0; j < d; j++) {
    const c = cats[j]! as ArrayLike<unknown>;
    if (c.length === 0) return null;
    for (let k = 0; k < c.length; k++) {
      const v = c[k];
      if (typeof v !== 'number' || (v | 0) !== v) return null;
    }
    lo[j] = c[0] as number;
    hi[j] = c[c.length - 1] as number;
    if (hi[j]! - lo[j]! + 1 > MAX_RANGE) return null;
    size += hi[j]! - lo[j]! + 1;
  }
  const lut = new Int32Array(size).fill(-2);
  const shift = new Int32Array(d);
  let base = 0;
  for (let j = 0; j < d; j++) {
    const c = cats[j]! as ArrayLike<number>;
    shift[j] = base - lo[j]!;
    for (let k = 0; k < c.length; k++) lut[c[k]! + shift[j]!] = columnOf[j]![k + 1]!;
    base += hi[j]! - lo[j]! + 1;
  }
  return { lut, shift, lo, hi };
}

/**
 * Writes the one-hot rows of X into `out` (row `i` at `offset + i * stride`, the window all zeros
 * before), or returns false at a value that is not a category (unless `unknownIsZero`): the
 * caller then takes the general path.
 */
function oneHotInto(
  X: DenseInput,
  t: OneHotTable,
  out: Float64Array,
  offset: number,
  stride: number,
  unknownIsZero: boolean,
): boolean {
  const { data, n, d } = X;
  const { lut, shift, lo, hi } = t;
  for (let i = 0, off = 0, o = offset; i < n; i++, off += d, o += stride) {
    for (let j = 0; j < d; j++) {
      const v = data[off + j]!;
      const k = v >= lo[j]! && v <= hi[j]! && (v | 0) === v ? lut[v + shift[j]!]! : -2;
      if (k >= 0) out[o + k] = 1;
      else if (k === -2 && !unknownIsZero) return false;
    }
  }
  return true;
}

/** Whether X holds a value that is not a category (one read pass, nothing written). */
function hasUnknown(X: DenseInput, t: OneHotTable): boolean {
  const { data, n, d } = X;
  const { lut, shift, lo, hi } = t;
  for (let i = 0, off = 0; i < n; i++, off += d) {
    for (let j = 0; j < d; j++) {
      const v = data[off + j]!;
      if (!(v >= lo[j]! && v <= hi[j]! && (v | 0) === v) || lut[v + shift[j]!] === -2) return true;
    }
  }
  return false;
}

/**
 * A writer of the one-hot rows of X into a window of a larger buffer (the `transformInto` hook),
 * or null when a feature's categories are not small integers, or (with `checkFirst`, unless
 * `unknownIsZero`) X holds a value that is not a category: checked before anything is written,
 * so that the error comes from `transform` when a ColumnTransformer would have called it.
 *
 * @param X - the matrix (as many columns as categories)
 * @param cats - the fitted categories of each feature (ascending)
 * @param columnOf - per feature, the output column of code `c` at `c + 1` (-1: dropped)
 * @param total - the number of output columns
 * @param unknownIsZero - encode unknown values as all zeros (handleUnknown 'ignore', no warning)
 * @param checkFirst - look for unknown values before returning a writer (else `write` returns false at one)
 * @returns the writer, or null (then `transform` takes its general path and its messages)
 */
export function denseOneHotWriter(
  X: DenseInput,
  cats: readonly Categories[],
  columnOf: readonly Int32Array[],
  total: number,
  unknownIsZero: boolean,
  checkFirst = false,
): WindowWriter | null {
  const t = oneHotTable(cats, columnOf);
  if (!t || (checkFirst && !unknownIsZero && hasUnknown(X, t))) return null;
  return {
    width: total,
    write: (out, offset, stride) => oneHotInto(X, t, out, offset, stride, unknownIsZero),
  };
}

/**
 * One-hot rows of X, row-major (`n * total` values), or null when a feature's categories are not
 * small integers or X holds a value that is not a category (unless `unknownIsZero`).
 *
 * @param X - the matrix (as many columns as categories)
 * @param cats - the fitted categories of each feature (ascending)
 * @param columnOf - per feature, the output column of code `c` at `c + 1` (-1: dropped)
 * @param total - the number of output columns
 * @param unknownIsZero - encode unknown values as all zeros (handleUnknown 'ignore', no warning)
 */
export function denseOneHot(
  X: DenseInput,
  cats: readonly Categories[],
  columnOf: readonly Int32Array[],
  total: number,
  unknownIsZero: boolean,
): Float64Array | null {
  const w = denseOneHotWriter(X, cats, columnOf, total, unknownIsZero);
  if (!w) return null;
  const out = new Float64Array(X.n * total);
  return w.write(out, 0, total) ? out : null;
}
