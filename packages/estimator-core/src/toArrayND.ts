// Port of scikit-learn's sklearn/utils/validation.py check_array allow_nd (BSD-3-Clause), and
// numpy's conversion of nested lists (inhomogeneous-shape message).
import { ValueError } from './errors';
import { isArray2D, isArrayND, isTensorLike, isTypedArray } from './internal/guards';
import { pyRepr, pyShape } from './repr';
import type { ArrayND, ShapedArray } from './types';

/** Options of {@link toArrayND}. */
export interface ToArrayNDOptions {
  /** The argument's name in messages. @defaultValue 'X' */
  inputName?: string;
  /** The estimator's name in the "Found array with dim 3" message, if any. */
  estimatorName?: string;
  /** Accept more than 2 dimensions (scikit-learn's `allow_nd`). @defaultValue true */
  allowNd?: boolean;
}

/**
 * scikit-learn's message for an array of more than 2 dimensions where at most 2 are allowed.
 *
 * @param ndim - the array's number of dimensions
 * @param estimatorName - the estimator's name, if any
 * @returns "Found array with dim 3. SVC expected <= 2."
 * @remarks Without an estimator scikit-learn writes "None expected <= 2."; we write "Expected <= 2.".
 * @example
 * ```ts
 * dimMessage(3, 'KerasClassifier'); // 'Found array with dim 3. KerasClassifier expected <= 2.'
 * ```
 */
export function dimMessage(ndim: number, estimatorName?: string): string {
  return `Found array with dim ${ndim}. ${estimatorName ? `${estimatorName} expected` : 'Expected'} <= 2.`;
}

function isRow(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || isTypedArray(v);
}

/** The shape of nested arrays, read along the first element of each level. */
function nestedShape(X: readonly unknown[]): number[] {
  const shape: number[] = [];
  let v: unknown = X;
  while (isRow(v)) {
    shape.push(v.length);
    if (v.length === 0 || isTypedArray(v)) break;
    v = (v as readonly unknown[])[0];
  }
  return shape;
}

/** Nested arrays of depth 3 or more (`[[[...]]]` or rows of typed arrays rows). */
function isNestedND(X: unknown): X is readonly unknown[] {
  if (!Array.isArray(X) || X.length === 0) return false;
  const r = X[0] as unknown;
  return Array.isArray(r) && r.length > 0 && isRow(r[0]);
}

function leafValue(v: unknown, name: string, path: number[]): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'bigint') return Number(v);
  const at = `${name}${path.map((i) => `[${i}]`).join('')}`;
  if (typeof v === 'string') {
    throw new ValueError(
      `could not convert string to float: '${v}' (${at}). dtype='numeric' is not compatible with arrays of bytes/strings. ` +
        'Convert your data to numeric values explicitly instead (e.g. encode categories with OneHotEncoder).',
    );
  }
  throw new ValueError(
    `${at} is ${pyRepr(v)} (${typeof v}), which is not numeric. Convert your data to numeric values explicitly instead.`,
  );
}

function inhomogeneous(shape: readonly number[], depth: number): ValueError {
  return new ValueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. ` +
      `The detected shape was ${pyShape(shape.slice(0, depth))} + inhomogeneous part.`,
  );
}

/** Copies nested arrays of a known shape into `out`, checking every level's length. */
function fillNested(X: readonly unknown[], shape: readonly number[], name: string): Float64Array {
  const out = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let k = 0;
  const path: number[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (isRow(v)) throw inhomogeneous(shape, depth);
      out[k++] = leafValue(v, name, path);
      return;
    }
    if (!isRow(v) || v.length !== shape[depth]) throw inhomogeneous(shape, depth);
    if (isTypedArray(v) && depth === shape.length - 1) {
      out.set(v as ArrayLike<number>, k);
      k += v.length;
      return;
    }
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      walk((v as readonly unknown[])[i], depth + 1);
      path.pop();
    }
  };
  walk(X, 0);
  return out;
}

function checkShapedLength(X: ShapedArray, name: string): void {
  const size = X.shape.reduce((a, b) => a * b, 1);
  if (X.shape.some((d) => !Number.isInteger(d) || d < 0) || X.data.length !== size) {
    throw new ValueError(
      `${name}.data has ${X.data.length} values, but shape ${pyShape(X.shape)} needs ${size}.`,
    );
  }
}

/**
 * Converts an X of 3 or more dimensions to the canonical `{ data, shape }` form: nested arrays
 * of any depth (copied to float64), `{ data, shape }` with a shape of any length (float32 and
 * float64 data kept in place, not copied) and tensors of any rank (their values copied once).
 * Returns `undefined` for anything of at most 2 dimensions (left to the 2-D conversion).
 *
 * @param X - the input
 * @param options - the names in messages and whether more than 2 dimensions are allowed
 * @returns the N-d array, or undefined when X has at most 2 dimensions
 * @throws ValueError "Found array with dim 3. Expected <= 2." when `allowNd` is false; the
 *   inhomogeneous-shape message for ragged nesting; a data/shape length mismatch
 * @example
 * ```ts
 * toArrayND([[[1], [2]], [[3], [4]]]); // { data: Float64Array [1, 2, 3, 4], shape: [2, 2, 1] }
 * toArrayND({ data: new Float32Array(8), shape: [2, 2, 2] }); // the same object
 * ```
 */
export function toArrayND(X: unknown, options: ToArrayNDOptions = {}): ArrayND | undefined {
  const name = options.inputName ?? 'X';
  const allowNd = options.allowNd ?? true;
  let ndim = 0;
  if (isArrayND(X) && !isArray2D(X) && X.shape.length > 2) ndim = X.shape.length;
  else if (isTensorLike(X) && X.rank > 2) ndim = X.rank;
  else if (isNestedND(X)) ndim = nestedShape(X).length;
  if (ndim === 0) return undefined;
  if (!allowNd) throw new ValueError(dimMessage(ndim, options.estimatorName));
  if (isTensorLike(X)) {
    const raw = X.dataSync();
    const data = raw instanceof Float32Array ? raw.slice() : Float64Array.from(raw);
    return { data, shape: [...X.shape] as unknown as ArrayND['shape'] };
  }
  if (isArrayND(X)) {
    checkShapedLength(X, name);
    const shape = [...X.shape] as unknown as ArrayND['shape'];
    if (X.data instanceof Float64Array || X.data instanceof Float32Array)
      return { data: X.data, shape };
    return { data: Float64Array.from(X.data as ArrayLike<number>), shape };
  }
  const rows = X as readonly unknown[];
  const shape = nestedShape(rows);
  return { data: fillNested(rows, shape, name), shape: shape as unknown as ArrayND['shape'] };
}
