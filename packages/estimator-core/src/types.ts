import type { Matrix } from 'ml-matrix';

/** One class label or target value: scikit-learn accepts numbers, strings and booleans. */
export type Label = number | string | boolean;

/** Any typed array of numbers. */
export type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | Uint8ClampedArray;

/**
 * The canonical 2-D form every validated X takes: one row-major typed array with its shape
 * (float32 input stays float32, everything else becomes float64).
 */
export interface Array2D {
  readonly data: Float64Array | Float32Array;
  readonly shape: readonly [number, number];
}

/** A duck-typed tensor (tfjs `Tensor`): what the core needs to know of one without importing tfjs. */
export interface TensorLike {
  readonly shape: readonly number[];
  readonly rank: number;
  readonly dtype: string;
  /** The tensor's values, flat, in row-major order (synchronous read). */
  dataSync(): ArrayLike<number>;
  /** The slices at `indices` along `axis` (rows by default), as a new tensor. */
  gather(indices: number[] | Int32Array, axis?: number): TensorLike;
}

/** Every accepted form of a feature matrix X. */
export type XLike =
  readonly (readonly number[])[] | readonly TypedArray[] | Array2D | Matrix | TensorLike;

/** Every accepted form of a target y: 1-D labels, 2-D multi-output labels, typed arrays, a Matrix. */
export type YLike =
  | readonly Label[]
  | readonly (readonly Label[])[]
  | TypedArray
  | readonly TypedArray[]
  | Array2D
  | Matrix
  | TensorLike;
