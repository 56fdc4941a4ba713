// Port of scikit-learn's sklearn/metrics/_classification.py recall_score (BSD-3-Clause).
import { precisionRecallFscoreSupport, type PrfOptions } from './precisionRecallFscoreSupport';

/**
 * Recall `tp / (tp + fn)`: the ability to find all the positive samples.
 *
 * @param yTrue - true labels (`Label[]`, typed array) or a label-indicator matrix (multilabel)
 * @param yPred - predicted labels, same form
 * @param options - `labels`, `posLabel`, `average`, `sampleWeight`, `zeroDivision`
 * @returns the score, or one score per label with `average: null`
 * @throws ValueError "Target is multiclass but average='binary'. Please choose another average setting, one of [null, 'micro', 'macro', 'weighted'].", "Classification metrics can't handle a mix of ..."
 * @example
 * ```ts
 * recallScore([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }); // 0.3333333333333333
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.recall_score.html
 */
export function recallScore(
  yTrue: unknown,
  yPred: unknown,
  options: PrfOptions & { average: null },
): number[];
export function recallScore(yTrue: unknown, yPred: unknown, options?: PrfOptions): number;
export function recallScore(
  yTrue: unknown,
  yPred: unknown,
  options: PrfOptions = {},
): number | number[] {
  const res = precisionRecallFscoreSupport(yTrue, yPred, {
    ...options,
    average: options.average === undefined ? 'binary' : options.average,
    warnFor: ['recall'],
  });
  return res[1];
}
