// Port of scikit-learn's sklearn/metrics/_ranking.py roc_auc_score (BSD-3-Clause), binary, multilabel and multiclass one-vs-rest.
import {
  NotImplementedError,
  ValueError,
  checkConsistentLength,
  warn,
  type Label,
} from '@scikeras/estimator-core';
import { typeOfTarget, uniqueLabels } from '@scikeras/target-utils';
import { encodeLabels, labelKey } from './internal/labels';
import { average as npAverage, toNum2D, toWeights, type Num2D } from './internal/numeric';

/** Options of {@link rocAucScore}. */
export interface RocAucScoreOptions {
  /** Averaging over labels (multilabel / multiclass): `'micro'`, `'macro'`, `'weighted'`, `'samples'` or `null` (one score per label). @defaultValue 'macro' */
  average?: 'micro' | 'macro' | 'weighted' | 'samples' | null;
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
  /** Multiclass strategy: `'ovr'` (one-vs-rest) or `'raise'` (the default: multiclass targets throw). @defaultValue 'raise' */
  multiClass?: 'raise' | 'ovr' | 'ovo';
  /** Multiclass only: the labels indexing yScore's columns (sorted, unique). @defaultValue labels of yTrue */
  labels?: readonly Label[] | null;
  /** Partial AUC up to this false positive rate: not implemented, any value but `null` / `undefined` throws NotImplementedError. @defaultValue null */
  maxFpr?: number | null;
}

/**
 * Area under the ROC curve from prediction scores.
 *
 * @param yTrue - true labels (binary or multiclass) or a label-indicator matrix (multilabel)
 * @param yScore - scores: 1-D for binary (of the greater label), `nSamples x nClasses` probabilities for multiclass
 * @param options - `average`, `sampleWeight`, `multiClass`, `labels`
 * @returns the AUC (or one per label with `average: null`)
 * @throws ValueError "Only one class present in y_true. ROC AUC score is not defined in that case.", "multiClass must be in ('ovo', 'ovr')"
 * @example
 * ```ts
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 * rocAucScore([0, 1, 2], [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8]], { multiClass: 'ovr' }); // 1
 * ```
 * @remarks `maxFpr` (partial AUC) and `multiClass: 'ovo'` are not implemented yet
 * (NotImplementedError).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.roc_auc_score.html
 */
export function rocAucScore(
  yTrue: unknown,
  yScore: unknown,
  options: RocAucScoreOptions & { average: null },
): number[];
export function rocAucScore(yTrue: unknown, yScore: unknown, options?: RocAucScoreOptions): number;
export function rocAucScore(
  yTrue: unknown,
  yScore: unknown,
  options: RocAucScoreOptions = {},
): number | number[] {
  if (options.maxFpr !== undefined && options.maxFpr !== null) {
    throw new NotImplementedError('maxFpr (partial AUC) is not implemented yet.');
  }
  const average = options.average === undefined ? 'macro' : options.average;
  const yType = typeOfTarget(yTrue, { inputName: 'y_true' });
  const score = toNum2D(yScore);
  const w = toWeights(options.sampleWeight);
  if (yType === 'multiclass' || (yType === 'binary' && score.ndim === 2 && score.cols > 2)) {
    const multiClass = options.multiClass ?? 'raise';
    if (multiClass === 'raise') throw new ValueError("multiClass must be in ('ovo', 'ovr')");
    return multiclassRocAuc(yTrue, score, options.labels ?? null, multiClass, average, w);
  }
  if (yType === 'binary') {
    const labels = uniqueLabels(yTrue);
    const t = toLabels(yTrue);
    const codes = encodeLabels(t, labels);
    // label_binarize(...)[:, 0]: 1 for the greater label (the only one when y_true is constant)
    const pos = labels.length === 2 ? 1 : -2;
    const yBin = Float64Array.from(codes, (c) => (c === pos ? 1 : 0));
    if (score.ndim === 2 && score.cols !== 1) {
      throw new ValueError(
        `y should be a 1d array, got an array of shape (${score.rows}, ${score.cols}) instead.`,
      );
    }
    checkConsistentLength(yBin, score.data, w);
    return binaryRocAuc(yBin, score.data, w);
  }
  if (yType !== 'multilabel-indicator') throw new ValueError(`${yType} format is not supported`);
  const t = toNum2D(yTrue);
  return averageBinaryScore(t, score, average, w);
}

function toLabels(y: unknown): ArrayLike<Label> {
  if (Array.isArray(y) && y.length > 0 && Array.isArray(y[0]))
    return (y as Label[][]).map((r) => r[0]!);
  if (Array.isArray(y) || ArrayBuffer.isView(y)) return y as ArrayLike<Label>;
  return toNum2D(y).data;
}

/** scikit-learn's `_binary_roc_auc_score` on 0/1 targets: roc_curve + trapezoidal AUC. */
export function binaryRocAuc(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  sampleWeight: ArrayLike<number> | undefined,
): number {
  let n = yTrue.length;
  let t = yTrue;
  let s = yScore;
  let w = sampleWeight;
  let seen0 = false;
  let seen1 = false;
  for (let i = 0; i < n; i++) {
    if (t[i] === 1) seen1 = true;
    else seen0 = true;
  }
  if (!(seen0 && seen1)) {
    throw new ValueError(
      'Only one class present in y_true. ROC AUC score is not defined in that case.',
    );
  }
  for (let i = 0; i < n; i++) {
    const v = s[i]!;
    if (!(v - v === 0)) {
      throw new ValueError(
        Number.isNaN(v)
          ? 'Input contains NaN.'
          : "Input contains infinity or a value too large for dtype('float64').",
      );
    }
  }
  if (w) {
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (w[i] !== 0) keep.push(i);
    if (keep.length !== n) {
      t = keep.map((i) => t[i]!);
      s = keep.map((i) => s[i]!);
      const ww = w;
      w = keep.map((i) => ww[i]!);
      n = keep.length;
    }
  }
  // indices sorted by decreasing score (numpy: stable ascending argsort, reversed)
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const sv = s;
  idx.sort((a, b) => sv[b]! - sv[a]! || b - a);
  // walk the distinct thresholds accumulating tps / fps, integrating with the trapezoidal rule
  let tps = 0;
  let fps = 0;
  let prevT = 0;
  let prevF = 0;
  let area2 = 0; // twice the area in (fps, tps) units
  for (let k = 0; k < n; k++) {
    const i = idx[k]!;
    const wi = w ? w[i]! : 1;
    if (t[i] === 1) tps += wi;
    else fps += wi;
    const last = k === n - 1 || s[idx[k + 1]!]! !== s[i]!;
    if (last) {
      area2 += (fps - prevF) * (tps + prevT);
      prevF = fps;
      prevT = tps;
    }
  }
  if (fps <= 0) {
    warn(
      'No negative samples in y_true, false positive value should be meaningless',
      'UndefinedMetricWarning',
    );
    return NaN;
  }
  if (tps <= 0) {
    warn(
      'No positive samples in y_true, true positive value should be meaningless',
      'UndefinedMetricWarning',
    );
    return NaN;
  }
  return area2 / 2 / (fps * tps);
}

/** scikit-learn's `_average_binary_score` for label-indicator targets. */
function averageBinaryScore(
  yTrue: Num2D,
  yScore: Num2D,
  average: RocAucScoreOptions['average'],
  w: ArrayLike<number> | undefined,
): number | number[] {
  if (![null, 'micro', 'macro', 'weighted', 'samples'].includes(average as string | null)) {
    throw new ValueError(
      "average has to be one of (null, 'micro', 'macro', 'weighted', 'samples')",
    );
  }
  const { rows, cols } = yTrue;
  const lengths = w ? [rows, yScore.rows, w.length] : [rows, yScore.rows];
  if (new Set(lengths).size > 1) {
    throw new ValueError(
      `Found input variables with inconsistent numbers of samples: [${lengths.join(', ')}]`,
    );
  }
  if (yScore.cols !== cols) {
    throw new ValueError(
      `yTrue has ${cols} labels but yScore has ${yScore.cols} columns; they must match.`,
    );
  }
  if (average === 'micro') {
    const ww = w
      ? Float64Array.from({ length: rows * cols }, (_, k) => w[Math.floor(k / cols)]!)
      : undefined;
    return binaryRocAuc(Float64Array.from(yTrue.data), Float64Array.from(yScore.data), ww);
  }
  const bySample = average === 'samples';
  const m = bySample ? rows : cols;
  const len = bySample ? cols : rows;
  const scores: number[] = [];
  for (let c = 0; c < m; c++) {
    const yt = new Float64Array(len);
    const ys = new Float64Array(len);
    for (let k = 0; k < len; k++) {
      const at = bySample ? c * cols + k : k * cols + c;
      yt[k] = yTrue.data[at]!;
      ys[k] = yScore.data[at]!;
    }
    scores.push(binaryRocAuc(yt, ys, bySample ? undefined : w));
  }
  if (average === null) return scores;
  let avgWeight: ArrayLike<number> | undefined;
  if (average === 'weighted') {
    const aw = new Float64Array(cols);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) aw[j]! += yTrue.data[i * cols + j]! * (w ? w[i]! : 1);
    const tot = aw.reduce((a, b) => a + b, 0);
    if (Math.abs(tot) <= 1e-8) return 0;
    avgWeight = aw;
  } else if (bySample) avgWeight = w;
  if (avgWeight) for (let c = 0; c < m; c++) if (avgWeight[c] === 0) scores[c] = 0;
  return npAverage(scores, avgWeight);
}

function multiclassRocAuc(
  yTrue: unknown,
  score: Num2D,
  labels: readonly Label[] | null,
  multiClass: 'ovr' | 'ovo',
  average: RocAucScoreOptions['average'],
  w: ArrayLike<number> | undefined,
): number | number[] {
  const { rows, cols } = score;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += score.data[i * cols + j]!;
    if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) {
      throw new ValueError(
        'Target scores need to be probabilities for multiclass roc_auc, i.e. they should sum up to 1.0 over classes',
      );
    }
  }
  const options =
    multiClass === 'ovr' ? ['micro', 'macro', 'weighted', null] : ['macro', 'weighted', null];
  if (!options.includes(average as string | null)) {
    throw new ValueError(
      `average must be one of ${multiClass === 'ovr' ? "('micro', 'macro', 'weighted', null)" : "('macro', 'weighted', null)"} for multiclass problems`,
    );
  }
  if (multiClass !== 'ovr' && multiClass !== 'ovo') {
    throw new ValueError(
      `multiClass='${String(multiClass)}' is not supported for multiclass ROC AUC, multiClass must be in ('ovo', 'ovr')`,
    );
  }
  if (multiClass === 'ovo') {
    throw new NotImplementedError("multiClass='ovo' is not implemented yet; use multiClass='ovr'.");
  }
  const t = toLabels(yTrue);
  let classes: Label[];
  if (labels !== null) {
    classes = uniqueLabels(labels);
    if (classes.length !== labels.length) throw new ValueError("Parameter 'labels' must be unique");
    if (classes.some((c, i) => labelKey(c) !== labelKey(labels[i]!)))
      throw new ValueError("Parameter 'labels' must be ordered");
    if (classes.length !== cols) {
      throw new ValueError(
        `Number of given labels, ${classes.length}, not equal to the number of columns in 'y_score', ${cols}`,
      );
    }
    const codes = encodeLabels(t, classes);
    if (codes.some((c) => c < 0))
      throw new ValueError("'y_true' contains labels not in parameter 'labels'");
  } else {
    classes = uniqueLabels(t);
    if (classes.length !== cols) {
      throw new ValueError(
        "Number of classes in y_true not equal to the number of columns in 'y_score'",
      );
    }
  }
  const codes = encodeLabels(t, classes);
  const onehot = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) if (codes[i]! >= 0) onehot[i * cols + codes[i]!] = 1;
  return averageBinaryScore({ data: onehot, rows, cols, ndim: 2 }, score, average, w);
}
