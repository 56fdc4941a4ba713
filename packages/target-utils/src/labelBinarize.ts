// Port of scikit-learn's sklearn/preprocessing/_label.py label_binarize (BSD-3-Clause)
import { ValueError, type Label } from '@scikeras/estimator-core';
import { isArrayLike, toLabelArray } from './internal/labelArray';
import { coerceLabels, kindOfClasses } from './internal/labels1d';
import { npArrayStr, pyRepr } from '@scikeras/estimator-core';
import { typeOfLabelArray } from './internal/targetType';
import { encodeLabels, sortNumbers, sortStrings } from './internal/unique';
import { uniqueLabels } from './uniqueLabels';

/** Options of {@link labelBinarize}. */
export interface LabelBinarizeOptions {
  /** The label of each output column, in that order. */
  classes: readonly Label[];
  /** Value for negative labels. @defaultValue 0 */
  negLabel?: number;
  /** Value for positive labels. @defaultValue 1 */
  posLabel?: number;
}

/** Sorts classes like np.sort (numbers ascending, strings by code point, false < true). */
export function sortClasses(classes: readonly Label[]): Label[] {
  const c = [...classes];
  if (c.every((v) => typeof v === 'string')) return sortStrings(c as string[]);
  if (c.every((v) => typeof v === 'boolean')) return c.sort((a, b) => Number(a) - Number(b));
  return sortNumbers(c.map(Number));
}

/**
 * Binarizes labels in a one-vs-all fashion with fixed classes: one column per class (a single
 * column for two classes), `posLabel` where the sample has the class, `negLabel` elsewhere.
 *
 * @param y - labels (1-D) or a label indicator matrix
 * @param options - `classes` (column order is kept), `negLabel`, `posLabel`
 * @returns n rows of `classes.length` values (1 value for binary problems)
 * @throws ValueError "y has 0 samples: []" / "neg_label=1 must be strictly less than pos_label=1." /
 *   "Multioutput target data is not supported with label binarization" / "The type of target data is not known" /
 *   "continuous target data is not supported with label binarization"
 * @example
 * ```ts
 * labelBinarize([1, 6], { classes: [1, 2, 4, 6] }); // [[1, 0, 0, 0], [0, 0, 0, 1]]
 * labelBinarize([1, 6], { classes: [1, 6, 4, 2] }); // [[1, 0, 0, 0], [0, 1, 0, 0]]
 * labelBinarize(['yes', 'no', 'no', 'yes'], { classes: ['no', 'yes'] }); // [[1], [0], [0], [1]]
 * ```
 * @remarks Dense output only (no `sparseOutput`: scikeras-ts has no sparse matrices).
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.label_binarize.html
 */
export function labelBinarize(y: unknown, options: LabelBinarizeOptions): number[][] {
  const negLabel = options.negLabel ?? 0;
  let posLabel = options.posLabel ?? 1;
  const classes = [...options.classes];
  if (!isArrayLike(y)) {
    throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
  }
  const a = toLabelArray(y);
  const n = a.shape[0] ?? 0;
  if (n === 0) throw new ValueError(`y has 0 samples: ${pyRepr(y)}`);
  if (negLabel >= posLabel) {
    throw new ValueError(`neg_label=${negLabel} must be strictly less than pos_label=${posLabel}.`);
  }
  const posSwitch = posLabel === 0;
  if (posSwitch) posLabel = -negLabel;
  let yType: string = typeOfLabelArray(a);
  if (yType.includes('multioutput')) {
    throw new ValueError('Multioutput target data is not supported with label binarization');
  }
  if (yType === 'unknown') throw new ValueError('The type of target data is not known');
  const k = classes.length;
  if (yType === 'binary') {
    if (k === 1) return Array.from({ length: n }, () => [negLabel]);
    if (k >= 3) yType = 'multiclass';
  }
  const sorted = sortClasses(classes);
  let Y: number[][];
  if (yType === 'multilabel-indicator') {
    const cols = a.shape[1]!;
    if (k !== cols) {
      throw new ValueError(
        `classes ${npArrayStr(classes)} mismatch with the labels ${npArrayStr(uniqueLabels(y))} found in the data`,
      );
    }
    Y = new Array(n);
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(cols);
      for (let j = 0; j < cols; j++) {
        const v = Number(a.data[i * cols + j]);
        row[j] = v === 0 ? 0 : Math.trunc(posLabel !== 1 ? posLabel : v);
      }
      Y[i] = row;
    }
  } else if (yType === 'binary' || yType === 'multiclass') {
    const flat = { ...a, ndim: 1, shape: [n] };
    const { codes } = encodeLabels(k ? coerceLabels(flat, kindOfClasses(sorted)) : flat, sorted);
    Y = new Array(n);
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(k).fill(0);
      const c = codes[i]!;
      if (c >= 0) row[c] = posLabel;
      Y[i] = row;
    }
  } else {
    throw new ValueError(`${yType} target data is not supported with label binarization`);
  }
  if (negLabel !== 0 || posSwitch) {
    for (const row of Y) {
      for (let j = 0; j < row.length; j++) {
        if (negLabel !== 0 && row[j] === 0) row[j] = negLabel;
        else if (posSwitch && row[j] === posLabel) row[j] = 0;
      }
    }
  }
  // preserve the order of the given classes
  if (classes.some((c, i) => c !== sorted[i])) {
    const { codes } = encodeLabels(toLabelArray(classes), sorted);
    Y = Y.map((row) => Array.from(codes, (c) => row[c]!));
  }
  if (yType === 'binary') Y = Y.map((row) => [row[row.length - 1]!]);
  return Y;
}
