// numpy's np.unique(y, return_index=True, return_inverse=True) for labels (BSD-3-Clause), in
// target-utils' label order: the order scikit-learn's splitters and encoders see.
import { ValueError, type Label } from '@scikeras/estimator-core';
import { isArrayLike, toLabelArray } from './internal/labelArray';
import { pyRepr } from '@scikeras/estimator-core';
import { encodeLabels, uniqueOf } from './internal/unique';

/** The result of {@link uniqueInverse}. */
export interface UniqueInverse {
  /** The sorted distinct labels, as {@link uniqueLabels} and `LabelEncoder.classes_` order them. */
  uniques: Label[];
  /** `firstIndex[k]`: the index of the first occurrence of `uniques[k]` in `y`. */
  firstIndex: number[];
  /** `inverse[i]`: the index in `uniques` of `y[i]`, so `uniques[inverse[i]]` is `y[i]`. */
  inverse: Int32Array;
}

/**
 * The sorted distinct labels of `y` with the index of each one's first occurrence and, for
 * every item, the index of its label: numpy's `np.unique(y, return_index=True,
 * return_inverse=True)` on `np.asarray(y)`, flattened.
 *
 * Labels are ordered like numpy: numbers ascending with NaN last and once (`-0` is `0`),
 * strings by code point, `false` before `true`. A plain array mixing strings and numbers is
 * read as numpy reads it (numbers become strings).
 *
 * @param y - labels: an array, typed array, `{ data, shape }`, ml-matrix `Matrix` or tfjs tensor
 *   (2-D input is flattened row by row, as `np.unique` does)
 * @returns `{ uniques, firstIndex, inverse }`
 * @throws ValueError "Expected array-like (array or non-string sequence), got 3"
 * @throws TypeError "Encoders require their input to be uniformly strings or numbers. Got ['NoneType', 'str']"
 *   for items that are neither numbers, strings nor booleans
 * @example
 * ```ts
 * uniqueInverse(['b', 'a', 'b', 'c']);
 * // { uniques: ['a', 'b', 'c'], firstIndex: [1, 0, 3], inverse: Int32Array [1, 0, 1, 2] }
 * uniqueInverse([NaN, 1, NaN, 0]).uniques; // [0, 1, NaN]
 * ```
 * @remarks A zero label is `0` in `uniques` even where numpy keeps a `-0.0` it met first (the
 * same as `uniqueLabels` and `LabelEncoder.classes_`). scikit-learn's splitters call `np.unique` on the target or the groups; this is the
 * one implementation every scikeras-ts package uses for that.
 * @see https://numpy.org/doc/stable/reference/generated/numpy.unique.html
 */
export function uniqueInverse(y: unknown): UniqueInverse {
  if (!isArrayLike(y)) {
    throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
  }
  const a = toLabelArray(y);
  const uniques = uniqueOf(a);
  const { codes } = encodeLabels(a, uniques);
  const n = codes.length;
  const inverse = new Int32Array(n);
  const firstIndex = new Array<number>(uniques.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = codes[i]!;
    inverse[i] = k;
    if (firstIndex[k] === -1) firstIndex[k] = i;
  }
  return { uniques, firstIndex, inverse };
}
