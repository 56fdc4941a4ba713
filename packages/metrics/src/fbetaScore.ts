// Port of scikit-learn's sklearn/metrics/_classification.py fbeta_score (BSD-3-Clause).
import { precisionRecallFscoreSupport, type PrfOptions } from './precisionRecallFscoreSupport';

/** Options of {@link fbetaScore}. */
export interface FbetaScoreOptions extends PrfOptions {
  /** The weight of recall (required, as in scikit-learn). */
  beta: number;
}

/**
 * F-beta score, the weighted harmonic mean of precision and recall (`beta` > 1 favours recall).
 *
 * @param yTrue - true labels (`Label[]`, typed array) or a label-indicator matrix (multilabel)
 * @param yPred - predicted labels, same form
 * @param options - `labels`, `posLabel`, `average`, `sampleWeight`, `zeroDivision`, `beta`
 * @returns the score, or one score per label with `average: null`
 * @throws ValueError "Target is multiclass but average='binary'. Please choose another average setting, one of [null, 'micro', 'macro', 'weighted'].", "Classification metrics can't handle a mix of ..."
 * @example
 * ```ts
 * fbetaScore([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro', beta: 0.5 }); // 0.23809523809523805
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.fbeta_score.html
 */
export function fbetaScore(
  yTrue: unknown,
  yPred: unknown,
  options: FbetaScoreOptions & { average: null },
): number[];
export function fbetaScore(yTrue: unknown, yPred: unknown, options: FbetaScoreOptions): number;
export function fbetaScore(
  yTrue: unknown,
  yPred: unknown,
  options: FbetaScoreOptions,
): number | number[] {
  const res = precisionRecallFscoreSupport(yTrue, yPred, {
    ...options,
    average: options.average === undefined ? 'binary' : options.average,
    warnFor: ['f-score'],
    beta: options.beta,
  });
  return res[2];
}
