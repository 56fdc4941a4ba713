// ml-matrix is only a type here: importing it costs 100-200 ms per thread (every worker of a
// search pays it), and ml-matrix's own isMatrix is a check of `klass`.
import type { Matrix } from 'ml-matrix';
import type { Array2D, TensorLike, TypedArray } from '../types';

/** A typed array of numbers (not a DataView). */
export function isTypedArray(v: unknown): v is TypedArray {
  return (
    ArrayBuffer.isView(v) &&
    !(v instanceof DataView) &&
    !(v instanceof BigInt64Array) &&
    !(v instanceof BigUint64Array)
  );
}

/** The `{ data, shape }` form of a 2-D array. */
export function isArray2D(v: unknown): v is Array2D {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { data?: unknown; shape?: unknown; rank?: unknown };
  return (
    o.rank === undefined &&
    isTypedArray(o.data) &&
    Array.isArray(o.shape) &&
    o.shape.length === 2 &&
    typeof o.shape[0] === 'number' &&
    typeof o.shape[1] === 'number'
  );
}

/** An ml-matrix Matrix (or any AbstractMatrix): ml-matrix's own `Matrix.isMatrix` test. */
export function isMatrix(v: unknown): v is Matrix {
  return typeof v === 'object' && v !== null && (v as { klass?: unknown }).klass === 'Matrix';
}

/** A tfjs tensor, duck-typed. */
export function isTensorLike(v: unknown): v is TensorLike {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<TensorLike>;
  return Array.isArray(o.shape) && typeof o.rank === 'number' && typeof o.dataSync === 'function';
}
