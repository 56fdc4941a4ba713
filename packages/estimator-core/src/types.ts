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

/**
 * The canonical N-d form of X (scikit-learn's `allow_nd`): one row-major typed array and its
 * shape `[nSamples, ...]` (images `[n, h, w, c]`, sequences `[n, steps, features]`). An
 * {@link Array2D} is the 2-D case. Float32 and float64 data are read in place, never copied.
 */
export interface ArrayND {
  readonly data: Float64Array | Float32Array;
  readonly shape: readonly [number, number, ...number[]];
}

/**
 * X as a typed array with its shape, as callers give it (`{ data: Float32Array, shape: [n, 8, 8, 1] }`):
 * validation turns it into an {@link ArrayND}, reading float32/float64 data in place.
 */
export interface ShapedArray {
  readonly data: TypedArray;
  readonly shape: readonly number[];
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

/** Nested arrays of numbers of any depth (`number[][][]` for images or sequences). */
export type NestedArray = readonly (number | TypedArray | NestedArray)[];

/** Every accepted form of a feature matrix X (N-d forms where the estimator allows them). */
export type XLike =
  | readonly (readonly number[])[]
  | readonly TypedArray[]
  | Array2D
  | ShapedArray
  | NestedArray
  | Matrix
  | TensorLike;

/** Every accepted form of a target y: 1-D labels, 2-D multi-output labels, typed arrays, a Matrix. */
export type YLike =
  | readonly Label[]
  | readonly (readonly Label[])[]
  | TypedArray
  | readonly TypedArray[]
  | Array2D
  | Matrix
  | TensorLike;
