// Helpers shared by the label transformers: 1-D label validation (column_or_1d + np.asarray) and
// conversion between label kinds (numpy's astype to the fitted classes' dtype).
import { columnOr1d, ValueError, type Label } from '@scikeras/estimator-core';
import { toLabelArray, type LabelArray } from './labelArray';
import { numpyNumStr } from './numpyStr';

/**
 * scikit-learn's `column_or_1d(y, warn=True)` followed by numpy's view of the values.
 *
 * @throws ValueError "y should be a 1d array, got an array of shape (3, 2) instead."
 */
export function labels1d(y: unknown, warn = true): LabelArray {
  if (y === null || y === undefined || typeof y !== 'object') {
    throw new ValueError(`y should be a 1d array, got an array of shape () instead.`);
  }
  const flat = columnOr1d(y, { warn });
  const a = toLabelArray(flat);
  if (a.ndim !== 1) {
    throw new ValueError(
      `y should be a 1d array, got an array of shape (${a.shape.join(', ')}) instead.`,
    );
  }
  return a;
}

/** The label kind of fitted classes (what numpy's dtype of `classes_` is). */
export function kindOfClasses(classes: readonly Label[]): 'float' | 'str' | 'bool' {
  const c = classes[0];
  return typeof c === 'string' ? 'str' : typeof c === 'boolean' ? 'bool' : 'float';
}

/** numpy's `np.asarray(values, dtype=classes_.dtype)` for the conversions that succeed. */
export function coerceLabels(a: LabelArray, to: 'float' | 'str' | 'bool'): LabelArray {
  const from = a.kind === 'int' ? 'float' : a.kind;
  if (from === to || from === 'obj' || a.data.length === 0) return a;
  let data: unknown[];
  if (to === 'str') {
    data = Array.from(a.data, (v) =>
      typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'number' ? numpyNumStr(v) : v,
    );
  } else if (to === 'bool') {
    if (from === 'str') return a;
    data = Array.from(a.data, (v) => Boolean(v));
  } else {
    if (from === 'str') return a;
    data = Array.from(a.data, (v) => Number(v));
  }
  return { ...a, kind: to, data, float32: false };
}
