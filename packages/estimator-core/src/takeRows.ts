import { ValueError } from './errors';
import { isArray2D, isMatrix, isTensorLike, isTypedArray } from './internal/guards';
import { numSamples } from './numSamples';

/**
 * The rows of X (or the entries of y) at `indices`, in the same form as the input: arrays
 * give arrays (rows shared, not copied), typed arrays the same typed array, `{ data, shape }`
 * a new one, a Matrix a Matrix, a tensor a new tensor (the caller disposes it). Only the
 * selected rows are copied.
 *
 * @param X - any accepted X or y form
 * @param indices - row indices, each in `[0, nSamples)`
 * @returns the selected rows in X's form
 * @throws RangeError for an index out of bounds
 * @example
 * ```ts
 * takeRows([[1], [2], [3]], [2, 0]); // [[3], [1]]
 * ```
 */
export function takeRows<T>(X: T, indices: ArrayLike<number>): T {
  const n = numSamples(X);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!Number.isInteger(i) || i < -n || i >= n) {
      throw new RangeError(`index ${i} is out of bounds for axis 0 with size ${n}`);
    }
  }
  const idx = Array.from(indices, (i) => (i < 0 ? i + n : i));
  if (Array.isArray(X)) return idx.map((i) => X[i]) as T;
  if (isTypedArray(X)) {
    const Ctor = X.constructor as new (len: number) => typeof X;
    const out = new Ctor(idx.length);
    const src = X as unknown as ArrayLike<number>;
    for (let k = 0; k < idx.length; k++) (out as unknown as number[])[k] = src[idx[k]!]!;
    return out as T;
  }
  if (isArray2D(X)) {
    const c = X.shape[1];
    const Ctor = X.data.constructor as new (len: number) => Float64Array;
    const data = new Ctor(idx.length * c);
    for (let k = 0; k < idx.length; k++)
      data.set(X.data.subarray(idx[k]! * c, idx[k]! * c + c), k * c);
    return { data, shape: [idx.length, c] } as T;
  }
  if (isMatrix(X)) return X.subMatrixRow(idx) as T;
  if (isTensorLike(X)) return X.gather(Int32Array.from(idx), 0) as T;
  throw new ValueError(`Cannot index rows of ${typeof X}.`);
}
