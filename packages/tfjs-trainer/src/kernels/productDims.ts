// The m, k, n of a (batched) matrix product, shared by the fast matMul kernels.
import type { TensorInfo } from '@tensorflow/tfjs';

/**
 * The sizes of `op(A)·op(B)` (m×k by k×n) from the operands' last two dimensions, or null when
 * the fast kernels leave the product to the stock kernel: an operand that is not a float32
 * matrix (rank < 2), or inner dimensions that do not match (the stock kernel throws its own
 * error then).
 *
 * @param a - left operand
 * @param b - right operand
 * @param transposeA - whether A is transposed
 * @param transposeB - whether B is transposed
 * @returns `{ m, k, n }`, or null
 * @example
 * ```ts
 * productDims({ shape: [64, 20], dtype: 'float32', dataId: {} }, { shape: [64, 8], dtype: 'float32', dataId: {} }, true, false);
 * // { m: 20, k: 64, n: 8 }
 * ```
 */
export function productDims(
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): { m: number; k: number; n: number } | null {
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) {
    return null;
  }
  const aRows = a.shape[a.shape.length - 2]!;
  const aCols = a.shape[a.shape.length - 1]!;
  const bRows = b.shape[b.shape.length - 2]!;
  const bCols = b.shape[b.shape.length - 1]!;
  const k = transposeA ? aRows : aCols;
  if (k !== (transposeB ? bCols : bRows)) return null;
  return { m: transposeA ? aCols : aRows, k, n: transposeB ? bRows : bCols };
}
