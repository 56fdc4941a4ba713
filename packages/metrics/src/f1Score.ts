// Port of scikit-learn's sklearn/metrics/_classification.py f1_score (BSD-3-Clause).
import { precisionRecallFscoreSupport, type PrfOptions } from './precisionRecallFscoreSupport';

/**
 * F1 score, the harmonic mean of precision and recall: `2 * (precision * recall) / (precision + recall)`.
 *
 * @param yTrue - true labels (`Label[]`, typed array) or a label-indicator matrix (multilabel)
 * @param yPred - predicted labels, same form
 * @param options - `labels`, `posLabel`, `average`, `sampleWeight`, `zeroDivision`
 * @returns the score, or one score per label with `average: null`
 * @throws ValueError "Target is multiclass but average='binary'. Please choose another average setting, one of [null, 'micro', 'macro', 'weighted'].", "Classification metrics can't handle a mix of ..."
 * @example
 * ```ts
 * f1Score([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }); // 0.26666666666666666
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.f1_score.html
 */
export function f1Score(
  yTrue: unknown,
  yPred: unknown,
  options: PrfOptions & { average: null },
): number[];
export function f1Score(yTrue: unknown, yPred: unknown, options?: PrfOptions): number;
export function f1Score(
  yTrue: unknown,
  yPred: unknown,
  options: PrfOptions = {},
): number | number[] {
  const res = precisionRecallFscoreSupport(yTrue, yPred, {
    ...options,
    average: options.average === undefined ? 'binary' : options.average,
    warnFor: ['f-score'],
  });
  return res[2];
}
