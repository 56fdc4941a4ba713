// Port of scikit-learn's sklearn/metrics/_classification.py balanced_accuracy_score (BSD-3-Clause).
import { warn } from '@scikeras/estimator-core';
import { confusionMatrix } from './confusionMatrix';

/** Options of {@link balancedAccuracyScore}. */
export interface BalancedAccuracyScoreOptions {
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
  /** Rescale so that random performance scores 0 and perfect performance 1. @defaultValue false */
  adjusted?: boolean;
}

/**
 * Balanced accuracy: the mean of the recall of each class, for imbalanced problems.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - `sampleWeight`, `adjusted`
 * @returns the score (1 is perfect)
 * @throws ValueError as {@link confusionMatrix}
 * @example
 * ```ts
 * balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]); // 0.625
 * ```
 * @remarks Classes predicted but absent from `yTrue` are dropped with scikit-learn's
 * UserWarning "y_pred contains classes not in y_true".
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.balanced_accuracy_score.html
 */
export function balancedAccuracyScore(
  yTrue: unknown,
  yPred: unknown,
  options: BalancedAccuracyScoreOptions = {},
): number {
  const C = confusionMatrix(yTrue, yPred, { sampleWeight: options.sampleWeight });
  let perClass = C.map((row, i) => row[i]! / row.reduce((a, b) => a + b, 0));
  if (perClass.some((v) => Number.isNaN(v))) {
    warn('y_pred contains classes not in y_true', 'UserWarning');
    perClass = perClass.filter((v) => !Number.isNaN(v));
  }
  let score = perClass.reduce((a, b) => a + b, 0) / perClass.length;
  if (options.adjusted) {
    const chance = 1 / perClass.length;
    score -= chance;
    score /= 1 - chance;
  }
  return score;
}
