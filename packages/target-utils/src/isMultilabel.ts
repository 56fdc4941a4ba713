// Port of scikit-learn's sklearn/utils/multiclass.py is_multilabel (BSD-3-Clause)
import { isArrayLike, toLabelArray } from './internal/labelArray';
import { isMultilabelArray } from './internal/targetType';

/**
 * Whether `y` is in multilabel (label indicator matrix) format: 2-D, at least two columns, and at
 * most two distinct integral values.
 *
 * @param y - target values (anything; non-array-like input is not multilabel)
 * @returns true for a label indicator matrix
 * @example
 * ```ts
 * isMultilabel([0, 1, 0, 1]); // false
 * isMultilabel([[1, 0], [0, 0]]); // true
 * isMultilabel([[1], [0], [0]]); // false
 * isMultilabel([[1, 0, 0]]); // true
 * ```
 * @remarks Ragged nested arrays are simply not multilabel (numpy object arrays), as in scikit-learn.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.multiclass.is_multilabel.html
 */
export function isMultilabel(y: unknown): boolean {
  if (!isArrayLike(y)) return false;
  return isMultilabelArray(toLabelArray(y));
}
