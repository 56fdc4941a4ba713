// Port of scikit-learn's sklearn/utils/multiclass.py unique_labels (BSD-3-Clause)
import { ValueError, type Label } from '@scikeras/estimator-core';
import { isArrayLike, toLabelArray, type LabelArray } from './internal/labelArray';
import { pyRepr } from '@scikeras/estimator-core';
import { typeOfLabelArray } from './internal/targetType';
import { sortStrings, uniqueBooleans, uniqueNumbers, uniqueStrings } from './internal/unique';

const MIX_MESSAGE = 'Mix of label input types (string and number)';

/**
 * Extracts an ordered array of unique labels from one or more targets, sorted like numpy
 * (numbers ascending, strings by code point, `false` before `true`).
 *
 * Not allowed: a mix of multilabel and multiclass (single label) targets, label indicator
 * matrices of different widths, a mix of string and number labels, and 'multiclass-multioutput',
 * 'continuous' or 'unknown' targets.
 *
 * @param ys - one or more targets
 * @returns the sorted unique labels (`0..k-1` for label indicator matrices)
 * @throws ValueError "No argument has been passed." / "Mix type of y not allowed, got types {...}" /
 *   "Multi-label binary indicator input with different numbers of labels" / "Unknown label type: ..." /
 *   "Mix of label input types (string and number)"
 * @example
 * ```ts
 * uniqueLabels([3, 5, 5, 5, 7, 7]); // [3, 5, 7]
 * uniqueLabels([1, 2, 3, 4], [2, 2, 3, 4]); // [1, 2, 3, 4]
 * uniqueLabels([1, 2, 10], [5, 11]); // [1, 2, 5, 10, 11]
 * uniqueLabels(['b', 'a']); // ['a', 'b']
 * ```
 * @remarks A nested plain array is read like a numpy array, so a column vector `[[1], [2]]`
 * gives `[1, 2]` (scikit-learn raises "unhashable type: 'list'" for a Python list of lists).
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.multiclass.unique_labels.html
 */
export function uniqueLabels(...ys: unknown[]): Label[] {
  if (ys.length === 0) throw new ValueError('No argument has been passed.');
  const arrays: LabelArray[] = ys.map((y) => {
    if (!isArrayLike(y)) {
      throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
    }
    return toLabelArray(y);
  });
  const types = new Set<string>(arrays.map((a) => typeOfLabelArray(a)));
  if (types.size === 2 && types.has('binary') && types.has('multiclass')) {
    types.clear();
    types.add('multiclass');
  }
  if (types.size > 1) {
    const shown = [...types]
      .sort()
      .map((t) => `'${t}'`)
      .join(', ');
    throw new ValueError(`Mix type of y not allowed, got types {${shown}}`);
  }
  const labelType = [...types][0]!;
  if (labelType === 'multilabel-indicator') {
    const widths = new Set(arrays.map((a) => a.shape[1]!));
    if (widths.size > 1) {
      throw new ValueError('Multi-label binary indicator input with different numbers of labels');
    }
    return Array.from({ length: [...widths][0]! }, (_, i) => i);
  }
  if (labelType !== 'binary' && labelType !== 'multiclass') {
    const tuple = ys.length === 1 ? `(${pyRepr(ys[0])},)` : `(${ys.map(pyRepr).join(', ')})`;
    throw new ValueError(`Unknown label type: ${tuple}`);
  }
  return mergeLabels(arrays);
}

function mergeLabels(arrays: LabelArray[]): Label[] {
  const strs: string[] = [];
  const nums: number[] = [];
  let bools: boolean[] = [];
  for (const a of arrays) {
    if (a.mixed) throw new ValueError(MIX_MESSAGE);
    if (a.data.length === 0) continue;
    // loops, not push(...list): ~150k distinct labels would overflow the call stack
    if (a.kind === 'str') for (const v of uniqueStrings(a.data as ArrayLike<string>)) strs.push(v);
    else if (a.kind === 'bool') for (const v of uniqueBooleans(a.data)) bools.push(v);
    else for (const v of uniqueNumbers(a.data as ArrayLike<number>)) nums.push(v);
  }
  if (strs.length > 0 && nums.length + bools.length > 0) throw new ValueError(MIX_MESSAGE);
  if (strs.length > 0) return sortStrings([...new Set(strs)]);
  if (nums.length > 0) return uniqueNumbers([...nums, ...bools.map(Number)]);
  bools = uniqueBooleans(bools);
  return bools;
}
