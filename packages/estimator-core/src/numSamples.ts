// Port of scikit-learn's sklearn/utils/validation.py _num_samples (BSD-3-Clause).
import { typeName } from './repr';
import { isArrayND, isMatrix, isTensorLike, isTypedArray } from './internal/guards';

/**
 * The number of samples (rows) in any accepted X or y form.
 *
 * @param x - an array, typed array, `{ data, shape }` (any number of dimensions), Matrix or tensor
 * @returns the number of samples
 * @throws TypeError "Expected sequence or array-like, got ..." for anything else
 * @example
 * ```ts
 * numSamples([[1, 2], [3, 4]]); // 2
 * ```
 */
export function numSamples(x: unknown): number {
  if (Array.isArray(x) || isTypedArray(x)) return x.length;
  if (isArrayND(x)) return x.shape[0]!;
  if (isMatrix(x)) return x.rows;
  if (isTensorLike(x)) {
    if (x.rank === 0)
      throw new TypeError(`Singleton array ${String(x)} cannot be considered a valid collection.`);
    return x.shape[0]!;
  }
  throw new TypeError(`Expected sequence or array-like, got ${typeName(x)}`);
}
