// How numpy's np.asarray sees a target: the shape, the dtype kind and the flat values, without
// copying 1-D arrays and typed arrays. Port of the array discovery scikit-learn relies on in
// sklearn/utils/multiclass.py (BSD-3-Clause).
import { isArray2D, isMatrix, isTensorLike, isTypedArray } from '@scikeras/estimator-core';
import { numpyNumStr } from './numpyStr';

/**
 * numpy's dtype kind, as far as labels care: `float` ('f'), `int` ('i'/'u', typed integer
 * arrays and int32 tensors), `bool` ('b'), `str` ('U') and `obj` ('O', anything else).
 */
export type LabelKind = 'float' | 'int' | 'bool' | 'str' | 'obj';

/** A target as numpy would hold it. */
export interface LabelArray {
  /** Number of dimensions (0, 1, 2, or 3 standing for 3 and more). */
  ndim: number;
  shape: number[];
  kind: LabelKind;
  /**
   * Flat row-major values: numbers for `float`/`int`, booleans for `bool`, strings for `str`,
   * the raw items for `obj`.
   */
  data: ArrayLike<unknown>;
  /** `float32` storage (numpy's dtype('float32')) for messages. */
  float32: boolean;
  /** numpy would make a 1-D object array whose first item is a plain list (legacy sequence of sequences). */
  legacy: boolean;
  /** Strings mixed with numbers or booleans in a plain array (numpy turned them all into strings). */
  mixed: boolean;
}

/** Whether `y` is array-like for scikit-learn: an array, typed array, `{ data, shape }`, Matrix or tensor. */
export function isArrayLike(y: unknown): boolean {
  return Array.isArray(y) || isTypedArray(y) || isArray2D(y) || isMatrix(y) || isTensorLike(y);
}

function isSeq(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || isTypedArray(v);
}

function typedKind(t: ArrayLike<number>): LabelKind {
  return t instanceof Float64Array || t instanceof Float32Array ? 'float' : 'int';
}

function make(
  ndim: number,
  shape: number[],
  kind: LabelKind,
  data: ArrayLike<unknown>,
  extra: Partial<LabelArray> = {},
): LabelArray {
  return {
    ndim,
    shape,
    kind,
    data,
    float32: data instanceof Float32Array,
    legacy: false,
    mixed: false,
    ...extra,
  };
}

/** numpy's `str()` of a Python scalar, used when numbers and strings share an array. */
function toNumpyString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return numpyNumStr(v as number);
}

/**
 * Classifies flat scalar values like numpy's dtype discovery: all numbers -> float, all
 * booleans -> bool, all strings -> str, numbers with booleans -> float (True is 1), strings
 * with numbers/booleans -> str (numbers printed), anything else -> obj.
 */
function classifyScalars(values: readonly unknown[]): {
  kind: LabelKind;
  data: readonly unknown[];
  mixed: boolean;
} {
  const n = values.length;
  const t0 = typeof values[0];
  if (t0 === 'number' || t0 === 'string' || t0 === 'boolean') {
    let i = 1;
    while (i < n && typeof values[i] === t0) i++;
    if (i === n) {
      const kind: LabelKind = t0 === 'number' ? 'float' : t0 === 'string' ? 'str' : 'bool';
      return { kind, data: values, mixed: false };
    }
  }
  let nNum = 0;
  let nStr = 0;
  let nBool = 0;
  for (let i = 0; i < n; i++) {
    const t = typeof values[i];
    if (t === 'number') nNum++;
    else if (t === 'string') nStr++;
    else if (t === 'boolean') nBool++;
    else return { kind: 'obj', data: values, mixed: false };
  }
  if (nStr > 0) return { kind: 'str', data: values.map(toNumpyString), mixed: nNum + nBool > 0 };
  return { kind: 'float', data: values.map(Number), mixed: false };
}

function fromPlainArray(y: readonly unknown[]): LabelArray {
  const n = y.length;
  if (n === 0) return make(1, [0], 'float', y);
  // fast path: every item a number / a string / a boolean (no per-item sequence test)
  const t0 = typeof y[0];
  if (t0 === 'number' || t0 === 'string' || t0 === 'boolean') {
    let i = 1;
    while (i < n && typeof y[i] === t0) i++;
    if (i === n)
      return make(1, [n], t0 === 'number' ? 'float' : t0 === 'string' ? 'str' : 'bool', y);
  }
  let nSeq = 0;
  for (let i = 0; i < n; i++) if (isSeq(y[i])) nSeq++;
  if (nSeq === 0) {
    const { kind, data, mixed } = classifyScalars(y);
    return make(1, [n], kind, data, { mixed });
  }
  if (nSeq === n) {
    const cols = (y[0] as ArrayLike<unknown>).length;
    let same = true;
    for (let i = 1; i < n && same; i++) same = (y[i] as ArrayLike<unknown>).length === cols;
    if (same) return fromRows(y as readonly ArrayLike<unknown>[], n, cols);
  }
  // ragged or mixed rows and scalars: numpy falls back to a 1-D object array
  return make(1, [n], 'obj', y, { legacy: Array.isArray(y[0]) });
}

function fromRows(rows: readonly ArrayLike<unknown>[], n: number, cols: number): LabelArray {
  if (cols === 0) return make(2, [n, 0], 'float', []);
  let allTyped = true;
  let allIntTyped = true;
  for (const r of rows) {
    if (!isTypedArray(r)) {
      allTyped = false;
      allIntTyped = false;
      break;
    }
    if (typedKind(r) === 'float') allIntTyped = false;
  }
  if (allTyped) {
    const allF32 = rows.every((r) => r instanceof Float32Array);
    const data = allF32 ? new Float32Array(n * cols) : new Float64Array(n * cols);
    for (let i = 0; i < n; i++) data.set(rows[i] as ArrayLike<number>, i * cols);
    return make(2, [n, cols], allIntTyped ? 'int' : 'float', data);
  }
  // fast path: plain rows of numbers straight into a Float64Array
  const nums = new Float64Array(n * cols);
  let allNumbers = true;
  outer: for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const off = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = r[j];
      if (typeof v !== 'number') {
        allNumbers = false;
        break outer;
      }
      nums[off + j] = v;
    }
  }
  if (allNumbers) return make(2, [n, cols], 'float', nums);
  const flat: unknown[] = [];
  let nInnerSeq = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const off = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = r[j];
      if (isSeq(v)) nInnerSeq++;
      flat[off + j] = v;
    }
  }
  // deeper nesting: a 3-D array, or a 2-D object array of sequences; both are 'unknown' targets
  if (nInnerSeq > 0) return make(3, [n, cols, 0], 'obj', flat);
  const { kind, data, mixed } = classifyScalars(flat);
  return make(2, [n, cols], kind, data, { mixed });
}

function fromTensor(y: {
  shape: readonly number[];
  rank: number;
  dtype: string;
  dataSync(): ArrayLike<unknown>;
}): LabelArray {
  const shape = [...y.shape];
  const ndim = Math.min(y.rank, 3);
  const raw = y.dataSync();
  let kind: LabelKind;
  let data: ArrayLike<unknown> = raw;
  switch (y.dtype) {
    case 'float32':
      kind = 'float';
      break;
    case 'int32':
      kind = 'int';
      break;
    case 'bool':
      kind = 'bool';
      data = Array.from(raw as ArrayLike<number>, (v) => v !== 0);
      break;
    case 'string': {
      kind = 'str';
      const dec = new TextDecoder();
      data = Array.from(raw as ArrayLike<unknown>, (v) =>
        typeof v === 'string' ? v : dec.decode(v as Uint8Array),
      );
      break;
    }
    default:
      kind = 'obj';
  }
  return make(ndim, shape, kind, data);
}

/**
 * How numpy's `np.asarray(y)` sees `y`.
 *
 * @param y - any array-like target (caller checks {@link isArrayLike} first)
 * @returns shape, kind and flat values; 1-D arrays and typed arrays are not copied
 */
export function toLabelArray(y: unknown): LabelArray {
  if (isTypedArray(y)) return make(1, [y.length], typedKind(y), y);
  if (Array.isArray(y)) return fromPlainArray(y);
  if (isArray2D(y)) {
    return make(2, [y.shape[0], y.shape[1]], typedKind(y.data), y.data);
  }
  if (isMatrix(y)) {
    const r = y.rows;
    const c = y.columns;
    const data = new Float64Array(r * c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[i * c + j] = y.get(i, j);
    return make(2, [r, c], 'float', data);
  }
  if (isTensorLike(y)) return fromTensor(y);
  throw new TypeError(`toLabelArray: not array-like: ${typeof y}`);
}

/** The first row of a 2-D label array (or the array itself when 1-D), as a new plain array. */
export function rowOf(a: LabelArray, i: number): unknown[] {
  const cols = a.shape[1]!;
  return Array.from({ length: cols }, (_, j) => a.data[i * cols + j]);
}
