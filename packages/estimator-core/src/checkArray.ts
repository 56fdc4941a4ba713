// Port of scikit-learn's sklearn/utils/validation.py check_array (BSD-3-Clause), for dense input.
import { ValueError } from './errors';
import { isArray2D, isMatrix, isTensorLike, isTypedArray } from './internal/guards';
import { estimatorNameOf } from './registry/estimatorNameOf';
import { pyRepr, pyShape, typeName } from './repr';
import { isRecordArray, recordsToRows } from './records';
import { dimMessage, toArrayND } from './toArrayND';
import type { Array2D, ArrayND } from './types';

/** Options of {@link checkArray}. */
export interface CheckArrayOptions {
  /**
   * Reject NaN and Infinity (`true`), allow NaN only (`'allow-nan'`), or allow both (`false`).
   * @defaultValue true
   */
  forceAllFinite?: boolean | 'allow-nan';
  /** Minimum number of rows. @defaultValue 1 */
  ensureMinSamples?: number;
  /** Minimum number of columns. @defaultValue 1 */
  ensureMinFeatures?: number;
  /** The estimator (or its name) the data is for, named in messages. */
  estimator?: string | object;
  /** The argument's name in messages. @defaultValue 'X' */
  inputName?: string;
  /** Output dtype: keep float32 input as float32 (`'preserve'`) or force one. @defaultValue 'preserve' */
  dtype?: 'preserve' | 'float64' | 'float32';
  /**
   * Accept X of more than 2 dimensions (scikit-learn's `allow_nd`): nested arrays of any depth,
   * `{ data, shape }` with a longer shape, tensors of any rank. Without it such X is refused
   * with "Found array with dim 3. ... expected <= 2.".
   * @defaultValue false
   */
  allowNd?: boolean;
}

/** The estimator's name for messages (scikit-learn's `_check_estimator_name`). */
export function estimatorName(estimator: string | object | undefined): string | undefined {
  if (estimator === undefined) return undefined;
  return typeof estimator === 'string' ? estimator : estimatorNameOf(estimator);
}

function reshapeMessage(kind: '1D' | 'scalar', shown: string, name: string): string {
  return (
    `Expected 2D array, got ${kind} array instead:\narray=${shown}.\n` +
    `Reshape your data either using ${name}.map((v) => [v]) if your data has a single feature ` +
    `or [${name}] if it contains a single sample.`
  );
}

function toNumber(v: unknown, name: string, i: number, j: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    throw new ValueError(
      `could not convert string to float: '${v}' (${name}[${i}][${j}]). dtype='numeric' is not compatible with arrays of bytes/strings. ` +
        'Convert your data to numeric values explicitly instead (e.g. encode categories with OneHotEncoder).',
    );
  }
  throw new ValueError(
    `${name}[${i}][${j}] is ${pyRepr(v)} (${typeof v}), which is not numeric. Convert your data to numeric values explicitly instead.`,
  );
}

function fromRows(rows: readonly unknown[], name: string): Array2D {
  const n = rows.length;
  let d = -1;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const len = Array.isArray(r) || isTypedArray(r) ? r.length : -1;
    if (len < 0) {
      if (d >= 0 || i > 0) {
        throw new ValueError(
          `setting an array element with a sequence. ${name} mixes rows and scalars: ${name}[${i}] is ${pyRepr(r)}. Every sample must be an array of the same length.`,
        );
      }
      // a flat list of scalars: 1-D input
      return reshapeError(rows, name);
    }
    if (d < 0) d = len;
    else if (len !== d) {
      throw new ValueError(
        `setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions: ` +
          `${name}[0] has ${d} values but ${name}[${i}] has ${len}. Every sample must have the same number of features.`,
      );
    }
  }
  if (n === 0) return reshapeError(rows, name);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as ArrayLike<unknown>;
    const off = i * d;
    if (isTypedArray(r)) {
      data.set(r as ArrayLike<number>, off);
      continue;
    }
    for (let j = 0; j < d; j++) {
      const v = r[j];
      if (Array.isArray(v)) {
        throw new ValueError(
          `setting an array element with a sequence. ${name}[${i}][${j}] is an array, but ${name}[0][0] is not: every sample must have the same number of dimensions.`,
        );
      }
      data[off + j] = typeof v === 'number' ? v : toNumber(v, name, i, j);
    }
  }
  return { data, shape: [n, d] };
}

function reshapeError(flat: ArrayLike<unknown>, name: string): never {
  throw new ValueError(reshapeMessage('1D', pyRepr(flat), name));
}

/** Converts any accepted X form to `{ data, shape }` without validating values. */
export function toArray2D(X: unknown, name = 'X'): Array2D {
  if (isArray2D(X)) {
    const [r, c] = X.shape;
    if (X.data.length !== r * c) {
      throw new ValueError(
        `${name}.data has ${X.data.length} values, but shape ${pyShape(X.shape)} needs ${r * c}.`,
      );
    }
    if (X.data instanceof Float64Array || X.data instanceof Float32Array) return X;
    return { data: Float64Array.from(X.data as ArrayLike<number>), shape: [r, c] };
  }
  if (isMatrix(X)) {
    const data = new Float64Array(X.rows * X.columns);
    for (let i = 0; i < X.rows; i++)
      for (let j = 0; j < X.columns; j++) data[i * X.columns + j] = X.get(i, j);
    return { data, shape: [X.rows, X.columns] };
  }
  if (isTensorLike(X)) {
    if (X.rank === 0) throw new ValueError(reshapeMessage('scalar', String(X.dataSync()[0]), name));
    if (X.rank === 1) throw new ValueError(reshapeMessage('1D', pyRepr(X.dataSync()), name));
    if (X.rank > 2) throw new ValueError(dimMessage(X.rank));
    const raw = X.dataSync();
    const data = raw instanceof Float32Array ? raw.slice() : Float64Array.from(raw);
    return { data, shape: [X.shape[0]!, X.shape[1]!] };
  }
  if (isTypedArray(X)) throw new ValueError(reshapeMessage('1D', pyRepr(X), name));
  if (isRecordArray(X)) return fromRows(recordsToRows(X), name);
  if (Array.isArray(X)) return fromRows(X, name);
  if (typeof X === 'number' || typeof X === 'boolean')
    throw new ValueError(reshapeMessage('scalar', String(X), name));
  throw new TypeError(
    `Expected a 2-D array-like for ${name} (number[][], typed-array rows, { data, shape }, Matrix or Tensor2D), got ${typeName(
      X,
    )}.`,
  );
}

/**
 * Validates a feature matrix and returns it in the canonical row-major `{ data, shape }` form.
 *
 * Accepts `number[][]`, arrays of typed arrays, `{ data, shape }`, ml-matrix `Matrix`, tfjs
 * `Tensor2D` and arrays of records (`[{ age: 31, height: 1.8 }]`, one column per key, in
 * order of first appearance; `null` and absent keys are NaN). Rejects 1-D and scalar input,
 * ragged rows, non-numeric values, NaN and Infinity (unless allowed) and empty input, in
 * scikit-learn's words.
 *
 * With `allowNd`, X may have any number of dimensions (2 or more): nested arrays of any depth,
 * `{ data, shape }` with a longer shape (float32/float64 data read in place, not copied) and
 * tensors of any rank; the result is then an {@link ArrayND} (`shape: [nSamples, ...]`).
 *
 * @param X - the feature matrix
 * @param options - finiteness, minimum sizes, the estimator named in messages, `allowNd`
 * @returns `{ data: Float64Array | Float32Array, shape: [nSamples, nFeatures] }` (or `[nSamples, ...]` with `allowNd`)
 * @throws ValueError for each invalid input, e.g. "Input X contains NaN."
 * @example
 * ```ts
 * checkArray([[1, 2], [3, 4]]); // { data: Float64Array [1, 2, 3, 4], shape: [2, 2] }
 * checkArray([1, 2, 3]); // throws: Expected 2D array, got 1D array instead: ...
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.check_array.html
 */
export function checkArray(X: unknown, options: CheckArrayOptions & { allowNd: true }): ArrayND;
export function checkArray(X: unknown, options?: CheckArrayOptions): Array2D;
export function checkArray(X: unknown, options: CheckArrayOptions = {}): Array2D | ArrayND {
  const name = options.inputName ?? 'X';
  const nd = toArrayND(X, {
    inputName: name,
    allowNd: options.allowNd ?? false,
    estimatorName: estimatorName(options.estimator),
  });
  let arr: ArrayND = nd ?? toArray2D(X, name);
  if (options.dtype === 'float64' && !(arr.data instanceof Float64Array)) {
    arr = { data: Float64Array.from(arr.data), shape: arr.shape };
  } else if (options.dtype === 'float32' && !(arr.data instanceof Float32Array)) {
    arr = { data: Float32Array.from(arr.data), shape: arr.shape };
  }
  const finite = options.forceAllFinite ?? true;
  if (finite !== false)
    assertAllFinite(arr.data, {
      allowNan: finite === 'allow-nan',
      inputName: name,
      estimator: options.estimator,
    });
  const est = estimatorName(options.estimator);
  const context = est ? ` by ${est}` : '';
  const minSamples = options.ensureMinSamples ?? 1;
  if (minSamples > 0 && arr.shape[0]! < minSamples) {
    throw new ValueError(
      `Found array with ${arr.shape[0]} sample(s) (shape=${pyShape(arr.shape)}) while a minimum of ${minSamples} is required${context}.`,
    );
  }
  const minFeatures = options.ensureMinFeatures ?? 1;
  // as scikit-learn: the minimum of features is checked on 2-D X only
  if (minFeatures > 0 && arr.shape.length === 2 && arr.shape[1]! < minFeatures) {
    throw new ValueError(
      `Found array with ${arr.shape[1]} feature(s) (shape=${pyShape(arr.shape)}) while a minimum of ${minFeatures} is required${context}.`,
    );
  }
  return arr;
}

/**
 * Whether every value is finite, eight at a time: `v * 0` is 0 (or -0) for a finite v and NaN
 * for NaN or an infinity, so a block's sum of them is 0 exactly when the block is finite (about
 * twice as fast as testing each value on 100M float32 values).
 */
function allFinite(data: ArrayLike<number>): boolean {
  const n = data.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const s =
      data[i]! * 0 +
      data[i + 1]! * 0 +
      data[i + 2]! * 0 +
      data[i + 3]! * 0 +
      data[i + 4]! * 0 +
      data[i + 5]! * 0 +
      data[i + 6]! * 0 +
      data[i + 7]! * 0;
    if (s !== 0) return false;
  }
  for (; i < n; i++) if (data[i]! * 0 !== 0) return false;
  return true;
}

/** Options of {@link assertAllFinite}. */
export interface AssertAllFiniteOptions {
  allowNan?: boolean;
  inputName?: string;
  estimator?: string | object;
}

/**
 * Throws when numeric data holds NaN (unless allowed) or Infinity.
 *
 * @param data - the values
 * @param options - allow NaN, the input's and the estimator's name for the message
 * @throws ValueError "Input X contains NaN." / "Input X contains infinity or a value too large for dtype('float64')."
 * @example
 * ```ts
 * assertAllFinite([1, NaN]); // throws: Input X contains NaN.
 * ```
 */
export function assertAllFinite(
  data: ArrayLike<number>,
  options: AssertAllFiniteOptions = {},
): void {
  try {
    if (allFinite(data)) return;
  } catch {
    // a value that cannot be multiplied (a BigInt): the loop below names the problem
  }
  const name = options.inputName ?? 'X';
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v - v === 0) continue; // finite
    if (Number.isNaN(v)) {
      if (options.allowNan) continue;
      const est = estimatorName(options.estimator);
      throw new ValueError(
        `Input ${name} contains NaN.` +
          (est && name === 'X'
            ? `\n${est} does not accept missing values encoded as NaN natively. Preprocess the data, for instance by imputing or dropping samples with missing values.`
            : ''),
      );
    }
    const dtype = data instanceof Float32Array ? 'float32' : 'float64';
    throw new ValueError(
      `Input ${name} contains infinity or a value too large for dtype('${dtype}').`,
    );
  }
}
