// Port of scikit-learn's sklearn/utils/multiclass.py type_of_target (BSD-3-Clause)
import { ValueError } from '@scikeras/estimator-core';
import { isArrayLike, toLabelArray } from './internal/labelArray';
import { pyRepr } from '@scikeras/estimator-core';
import { typeOfLabelArray, type TargetType } from './internal/targetType';

export type { TargetType } from './internal/targetType';

/** Options of {@link typeOfTarget}. */
export interface TypeOfTargetOptions {
  /** The data's name in error messages ("Input y contains NaN."). @defaultValue '' */
  inputName?: string;
}

/**
 * Determines the type of data indicated by the target, exactly as scikit-learn's
 * `type_of_target` does on the equivalent numpy array.
 *
 * - `'continuous'`: numbers that are not all integers, 1-D or a column vector.
 * - `'continuous-multioutput'`: a 2-D array of numbers not all integers, with more than one column.
 * - `'binary'`: at most 2 distinct values, 1-D or a column vector (also the empty array).
 * - `'multiclass'`: more than 2 distinct discrete values, 1-D or a column vector.
 * - `'multiclass-multioutput'`: a 2-D array of discrete values with more than one column that is not a label indicator matrix.
 * - `'multilabel-indicator'`: a 2-D array with at least two columns and at most 2 distinct integral values.
 * - `'unknown'`: array-like but none of the above (3-D, `[[]]`, ragged typed arrays, objects).
 *
 * @param y - the target: `number[]`, `string[]`, `boolean[]`, nested arrays, typed arrays,
 *   arrays of typed arrays, `{ data, shape }`, an ml-matrix `Matrix` or a tfjs tensor
 * @param options - `inputName` for error messages
 * @returns the most specific target type
 * @throws ValueError "Expected array-like (array or non-string sequence), got 'abc'" for non-array-like input
 * @throws ValueError "You appear to be using a legacy multi-label data representation. ..." for ragged nested arrays (sequences of sequences)
 * @throws ValueError "Input y contains NaN." for non-integral targets holding NaN or infinity
 * @example
 * ```ts
 * typeOfTarget([0.1, 0.6]); // 'continuous'
 * typeOfTarget([1, -1, -1, 1]); // 'binary'
 * typeOfTarget(['a', 'b', 'c']); // 'multiclass'
 * typeOfTarget([[1, 2], [3, 1]]); // 'multiclass-multioutput'
 * typeOfTarget([[0, 1], [1, 1]]); // 'multilabel-indicator'
 * ```
 * @remarks JavaScript has one number type, so an integral float (`1.0`) is the integer `1`;
 * scikit-learn gives the same answers for both except where noted here. A plain array mixing
 * strings with numbers is read as numpy does (numbers printed as strings), so
 * `typeOfTarget(['1', 1])` is `'binary'`. Sparse matrices are not supported.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.multiclass.type_of_target.html
 */
export function typeOfTarget(y: unknown, options: TypeOfTargetOptions = {}): TargetType {
  if (!isArrayLike(y)) {
    throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
  }
  return typeOfLabelArray(toLabelArray(y), options.inputName ?? '');
}
