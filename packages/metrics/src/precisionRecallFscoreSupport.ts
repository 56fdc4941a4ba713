// Port of scikit-learn's sklearn/metrics/_classification.py precision_recall_fscore_support (BSD-3-Clause).
import { ValueError, checkConsistentLength, type Label } from '@scikeras/estimator-core';
import { checkAverage, checkSetWiseLabels, type Average } from './internal/checkSetWiseLabels';
import { checkTargets } from './internal/checkTargets';
import { labelCounts } from './internal/labelCounts';
import { average as npAverage, toWeights } from './internal/numeric';
import {
  checkZeroDivision,
  prfDivide,
  warnPrf,
  type PrfMetric,
  type ZeroDivision,
} from './internal/zeroDivision';

export type { Average } from './internal/checkSetWiseLabels';
export type { ZeroDivision } from './internal/zeroDivision';

/** Options shared by {@link precisionScore}, {@link recallScore}, {@link f1Score}, {@link fbetaScore}. */
export interface PrfOptions {
  /** The labels to score, and their order with `average: null`. @defaultValue every label present, sorted */
  labels?: readonly Label[] | null;
  /** The positive class when `average` is `'binary'`. @defaultValue 1 */
  posLabel?: Label | null;
  /**
   * `'binary'` (the positive class only), `'micro'` (global counts), `'macro'` (unweighted mean over
   * labels), `'weighted'` (mean weighted by support), `'samples'` (multilabel: mean over samples),
   * or `null` (one score per label). @defaultValue 'binary'
   */
  average?: Average | null;
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
  /** The value of a ratio with a zero denominator: `'warn'` (0 and an UndefinedMetricWarning), 0 or 1. @defaultValue 'warn' */
  zeroDivision?: ZeroDivision;
}

/** Options of {@link precisionRecallFscoreSupport}. */
export interface PrecisionRecallFscoreSupportOptions extends PrfOptions {
  /** The weight of recall in the F-score. @defaultValue 1 */
  beta?: number;
  /** Which ill-defined metrics warn. @defaultValue ['precision', 'recall', 'f-score'] */
  warnFor?: readonly PrfMetric[];
}

/** `[precision, recall, fbeta, support]`: numbers when averaged (support `null`), else one entry per label. */
export type PrfResult = [number, number, number, null] | [number[], number[], number[], number[]];

/**
 * Precision, recall, F-beta score and support for each class, or their average.
 *
 * @param yTrue - true labels (`Label[]`, typed array) or a label-indicator matrix (multilabel)
 * @param yPred - predicted labels, same form
 * @param options - `beta`, `labels`, `posLabel`, `average` (default `null` here), `warnFor`, `sampleWeight`, `zeroDivision`
 * @returns `[precision, recall, fbeta, support]`
 * @throws ValueError "beta should be >=0 in the F-beta score", "Target is multiclass but average='binary'. ...", "posLabel=2 is not a valid label. ..."
 * @example
 * ```ts
 * const [p, r, f, s] = precisionRecallFscoreSupport(['a', 'b', 'a'], ['a', 'a', 'a']);
 * // p = [0.6666666666666666, 0], r = [1, 0], f = [0.8, 0], s = [2, 1] (and an UndefinedMetricWarning)
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.precision_recall_fscore_support.html
 */
export function precisionRecallFscoreSupport(
  yTrue: unknown,
  yPred: unknown,
  options: PrecisionRecallFscoreSupportOptions = {},
): PrfResult {
  const zeroDivision = options.zeroDivision ?? 'warn';
  checkZeroDivision(zeroDivision);
  const beta = options.beta ?? 1;
  if (!(beta >= 0)) throw new ValueError('beta should be >=0 in the F-beta score');
  const average = options.average === undefined ? null : options.average;
  checkAverage(average);
  const warnFor = options.warnFor ?? ['precision', 'recall', 'f-score'];
  const targets = checkTargets(yTrue, yPred);
  const labels = checkSetWiseLabels(
    targets,
    average,
    options.labels,
    options.posLabel === undefined ? 1 : options.posLabel,
  );
  const w = toWeights(options.sampleWeight);
  checkConsistentLength(yTrue, yPred, w);
  const counts = labelCounts(targets, labels, w, average === 'samples');
  let { tp, pred, true: tru } = counts;
  if (average === 'micro') {
    tp = Float64Array.of(sum(tp));
    pred = Float64Array.of(sum(pred));
    tru = Float64Array.of(sum(tru));
  }
  const beta2 = beta * beta;
  const precision = prfDivide(tp, pred, 'precision', 'predicted', average, warnFor, zeroDivision);
  const recall = prfDivide(tp, tru, 'recall', 'true', average, warnFor, zeroDivision);
  if (zeroDivision === 'warn' && warnFor.length === 1 && warnFor[0] === 'f-score') {
    let ill = false;
    for (let i = 0; i < tru.length; i++) if (tru[i] === 0 && pred[i] === 0) ill = true;
    if (ill) warnPrf(average, 'true nor predicted', 'F-score is', tru.length);
  }
  const f = new Float64Array(precision.length);
  for (let i = 0; i < f.length; i++) {
    if (beta === Infinity) f[i] = recall[i]!;
    else {
      let denom = beta2 * precision[i]! + recall[i]!;
      if (denom === 0) denom = 1;
      f[i] = ((1 + beta2) * precision[i]! * recall[i]!) / denom;
    }
  }
  let weights: ArrayLike<number> | undefined;
  if (average === 'weighted') {
    weights = tru;
    if (sum(tru) === 0) {
      const z = zeroDivision === 1 ? 1 : 0;
      return sum(pred) === 0 ? [z, z, z, null] : [0, z, 0, null];
    }
  } else if (average === 'samples') weights = w;
  if (average !== null) {
    return [npAverage(precision, weights), npAverage(recall, weights), npAverage(f, weights), null];
  }
  return [Array.from(precision), Array.from(recall), Array.from(f), Array.from(tru)];
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
