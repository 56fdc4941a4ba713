// Port of scikit-learn's sklearn/metrics/_classification.py precision_score (BSD-3-Clause).
import { precisionRecallFscoreSupport, type PrfOptions } from './precisionRecallFscoreSupport';

/**
 * Precision `tp / (tp + fp)`: the ability not to label a negative sample as positive.
 *
 * @param yTrue - true labels (`Label[]`, typed array) or a label-indicator matrix (multilabel)
 * @param yPred - predicted labels, same form
 * @param options - `labels`, `posLabel`, `average`, `sampleWeight`, `zeroDivision`
 * @returns the score, or one score per label with `average: null`
 * @throws ValueError "Target is multiclass but average='binary'. Please choose another average setting, one of [null, 'micro', 'macro', 'weighted'].", "Classification metrics can't handle a mix of ..."
 * @example
 * ```ts
 * precisionScore([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }); // 0.2222222222222222
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.precision_score.html
 */
export function precisionScore(
  yTrue: unknown,
  yPred: unknown,
  options: PrfOptions & { average: null },
): number[];
export function precisionScore(yTrue: unknown, yPred: unknown, options?: PrfOptions): number;
export function precisionScore(
  yTrue: unknown,
  yPred: unknown,
  options: PrfOptions = {},
): number | number[] {
  const res = precisionRecallFscoreSupport(yTrue, yPred, {
    ...options,
    average: options.average === undefined ? 'binary' : options.average,
    warnFor: ['precision'],
  });
  return res[0];
}
