// Port of scikit-learn's sklearn/metrics/_classification.py log_loss (BSD-3-Clause).
import {
  ValueError,
  checkConsistentLength,
  npArrayStr,
  type Label,
} from '@scikeras/estimator-core';
import { typeOfTarget, uniqueLabels } from '@scikeras/target-utils';
import { weightedSum } from './accuracyScore';
import { encodeLabels } from './internal/labels';
import { toNum2D, toWeights, weightSum, type Num2D } from './internal/numeric';

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /**
   * Probabilities are clipped to `[eps, 1 - eps]`; `'auto'` is the machine epsilon of yPred's dtype
   * (2.220446049250313e-16 for float64, 1.1920928955078125e-7 for a Float32Array). @defaultValue 'auto'
   */
  eps?: number | 'auto';
  /** Return the mean loss per sample (`true`) or the sum (`false`). @defaultValue true */
  normalize?: boolean;
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
  /** The classes, when yTrue does not hold them all; yPred's columns follow their sorted order. @defaultValue labels of yTrue */
  labels?: readonly Label[] | null;
}

const EPS64 = 2.220446049250313e-16;
const EPS32 = 1.1920928955078125e-7;

/** The fitted LabelBinarizer's view of y: its classes, and each sample's class column (-1: none). */
interface Binarized {
  classes: Label[];
  multilabel: Num2D | null;
}

function fitBinarizer(y: unknown, yType: string): Binarized {
  if (yType.includes('multioutput')) {
    throw new ValueError('Multioutput target data is not supported with label binarization');
  }
  if (yType === 'multilabel-indicator') {
    const m = toNum2D(y);
    return { classes: Array.from({ length: m.cols }, (_, j) => j), multilabel: m };
  }
  return { classes: uniqueLabels(y), multilabel: null };
}

/**
 * Log loss (logistic loss, cross-entropy) of predicted probabilities.
 *
 * @param yTrue - true labels (`Label[]`, typed array, or a label-indicator matrix)
 * @param yPred - probabilities: one column per class (sorted labels), or 1-D / one column for the positive class of a binary problem
 * @param options - `eps`, `normalize`, `sampleWeight`, `labels`
 * @returns the (mean) negative log-likelihood
 * @throws ValueError "y_true contains only one label (1). Please provide the true labels explicitly through the labels argument.", "y_true and y_pred contain different number of classes 3, 2. ..."
 * @example
 * ```ts
 * logLoss(['spam', 'ham', 'ham', 'spam'], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]); // 0.21616187468057912
 * ```
 * @remarks Rows of yPred are renormalized to sum to 1, as scikit-learn 1.2 does (without its
 * later deprecation warning).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.log_loss.html
 */
export function logLoss(yTrue: unknown, yPred: unknown, options: LogLossOptions = {}): number {
  const p = toNum2D(yPred);
  const eps =
    options.eps === undefined || options.eps === 'auto'
      ? p.data instanceof Float32Array
        ? EPS32
        : EPS64
      : options.eps;
  const w = toWeights(options.sampleWeight);
  checkConsistentLength(yPred, yTrue, w);
  const trueType = typeOfTarget(yTrue, { inputName: 'y' });
  const lb =
    options.labels === undefined || options.labels === null
      ? fitBinarizer(yTrue, trueType)
      : fitBinarizer(options.labels, typeOfTarget(options.labels, { inputName: 'y' }));
  const k = lb.classes.length;
  if (k === 1) {
    if (options.labels === undefined || options.labels === null) {
      throw new ValueError(
        `y_true contains only one label (${String(lb.classes[0])}). Please provide the true labels explicitly through the labels argument.`,
      );
    }
    throw new ValueError(
      `The labels array needs to contain at least two labels for log_loss, got ${npArrayStr(lb.classes)}.`,
    );
  }
  const pCols = p.cols === 1 ? 2 : p.cols;
  if (k !== pCols) {
    if (options.labels === undefined || options.labels === null) {
      throw new ValueError(
        `y_true and y_pred contain different number of classes ${k}, ${pCols}. Please provide the true labels explicitly through the labels argument. Classes found in y_true: ${npArrayStr(lb.classes)}`,
      );
    }
    throw new ValueError(
      `The number of classes in labels is different from that in y_pred. Classes found in labels: ${npArrayStr(lb.classes)}`,
    );
  }
  const n = p.rows;
  const lo = eps;
  const hi = 1 - eps;
  const clip = (v: number) => (v < lo ? lo : v > hi ? hi : v);
  const pd = p.data;
  if (trueType.includes('multioutput')) {
    throw new ValueError('Multioutput target data is not supported with label binarization');
  }
  if (trueType === 'multilabel-indicator') {
    const T = lb.multilabel ?? toNum2D(yTrue);
    if (T.cols !== k) {
      throw new ValueError(
        `classes ${npArrayStr(lb.classes)} mismatch with the labels ${npArrayStr(Array.from({ length: T.cols }, (_, j) => j))} found in the data`,
      );
    }
    const loss = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += clip(pd[i * k + j]!);
      let l = 0;
      for (let j = 0; j < k; j++)
        if (T.data[i * k + j] !== 0) l -= T.data[i * k + j]! * Math.log(clip(pd[i * k + j]!) / s);
      loss[i] = l;
    }
    return weightedSum(loss, w, options.normalize ?? true);
  }
  const codes = encodeLabels(toLabelArray(yTrue), lb.classes);
  if (k === 2 && trueType === 'binary') {
    // label_binarize keeps only the column of classes[1]: any other label counts as classes[0]
    const total =
      p.cols === 1 ? binaryOneColumn(codes, pd, lo, hi, w) : binaryTwoColumns(codes, pd, lo, hi, w);
    const normalize = options.normalize ?? true;
    if (!normalize) return total;
    return total / (w ? weightSum(w) : n);
  }
  const total =
    p.cols === 1 ? oneColumnWithUnknown(codes, pd, lo, hi, w) : multiclass(codes, pd, k, lo, hi, w);
  if (!(options.normalize ?? true)) return total;
  return total / (w ? weightSum(w) : n);
}

function toLabelArray(y: unknown): ArrayLike<Label> {
  if (Array.isArray(y) || ArrayBuffer.isView(y)) {
    const a = y as ArrayLike<unknown>;
    if (a.length > 0 && (Array.isArray(a[0]) || ArrayBuffer.isView(a[0]))) {
      return Array.from(a as ArrayLike<ArrayLike<Label>>, (r) => r[0]!);
    }
    return a as ArrayLike<Label>;
  }
  const m = toNum2D(y);
  return m.data;
}

/** Σ w_i * -log(p_i of the true class) for one probability column (that of classes[1]). */
function binaryOneColumn(
  codes: Int32Array,
  pd: ArrayLike<number>,
  lo: number,
  hi: number,
  w: ArrayLike<number> | undefined,
): number {
  const n = codes.length;
  if (w) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let q = pd[i]!;
      q = q < lo ? lo : q > hi ? hi : q;
      const r = 1 - q;
      total -= w[i]! * Math.log((codes[i] === 1 ? q : r) / (r + q));
    }
    return total;
  }
  const block = logBlock(lo / (1 + lo));
  let sum = 0;
  let prod = 1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    let q = pd[i]!;
    q = q < lo ? lo : q > hi ? hi : q;
    const r = 1 - q;
    prod *= (codes[i] === 1 ? q : r) / (r + q);
    if (++count === block) {
      sum += Math.log(prod);
      prod = 1;
      count = 0;
    }
  }
  return -(sum + Math.log(prod));
}

/** Σ w_i * -log(p_i of the true class) for two probability columns, renormalized per row. */
function binaryTwoColumns(
  codes: Int32Array,
  pd: ArrayLike<number>,
  lo: number,
  hi: number,
  w: ArrayLike<number> | undefined,
): number {
  const n = codes.length;
  const block = w ? 1 : logBlock(lo / (1 + lo));
  let total = 0;
  let prod = 1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    let a = pd[2 * i]!;
    let b = pd[2 * i + 1]!;
    a = a < lo ? lo : a > hi ? hi : a;
    b = b < lo ? lo : b > hi ? hi : b;
    const ratio = (codes[i] === 1 ? b : a) / (a + b);
    if (w) total -= w[i]! * Math.log(ratio);
    else {
      prod *= ratio;
      if (++count === block) {
        total -= Math.log(prod);
        prod = 1;
        count = 0;
      }
    }
  }
  return total - Math.log(prod);
}

/**
 * How many ratios in [lo, 1] the unweighted loops multiply before taking one logarithm: Σ log(x_i)
 * is computed as Σ log(x_i * ... * x_{i+block-1}), 16 times fewer `Math.log` calls with the
 * default clipping eps ~2.2e-16 (16 factors stay above 1e-300, so nothing underflows); the result
 * differs from summing the logarithms by rounding only (~1e-15 relative).
 */
function logBlock(lo: number): number {
  return Math.min(16, Math.max(1, Math.floor(300 / -Math.log10(lo))));
}

/** A one-column yPred with a non-binary yTrue: labels outside classes[0..1] add nothing. */
function oneColumnWithUnknown(
  codes: Int32Array,
  pd: ArrayLike<number>,
  lo: number,
  hi: number,
  w: ArrayLike<number> | undefined,
): number {
  let total = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c !== 0 && c !== 1) continue;
    let q = pd[i]!;
    q = q < lo ? lo : q > hi ? hi : q;
    const r = 1 - q;
    total -= (w ? w[i]! : 1) * Math.log((c === 1 ? q : r) / (r + q));
  }
  return total;
}

/** Σ w_i * -log(p_i of the true class) over k columns, each row clipped and renormalized. */
function multiclass(
  codes: Int32Array,
  pd: ArrayLike<number>,
  k: number,
  lo: number,
  hi: number,
  w: ArrayLike<number> | undefined,
): number {
  let total = 0;
  const block = w ? 1 : logBlock(lo / k);
  let prod = 1;
  let count = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) continue; // a label outside `labels`: an all-zero row of the binarized yTrue
    let s = 0;
    const base = i * k;
    for (let j = 0; j < k; j++) {
      const v = pd[base + j]!;
      s += v < lo ? lo : v > hi ? hi : v;
    }
    const v = pd[base + c]!;
    const ratio = (v < lo ? lo : v > hi ? hi : v) / s;
    if (w) total -= w[i]! * Math.log(ratio);
    else {
      prod *= ratio;
      if (++count === block) {
        total -= Math.log(prod);
        prod = 1;
        count = 0;
      }
    }
  }
  return total - Math.log(prod);
}
