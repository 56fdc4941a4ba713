// Port of scikit-learn's sklearn/metrics/_regression.py mean_absolute_error (BSD-3-Clause).
import type { RegressionLossOptions } from './meanSquaredError';
import { regressionLoss } from './internal/outputErrors';

/**
 * Mean absolute error regression loss.
 *
 * @param yTrue - ground-truth targets, 1-D or 2-D (several outputs)
 * @param yPred - predicted targets, same shape
 * @param options - `sampleWeight`, `multioutput`
 * @returns the loss, or one value per output with `multioutput: 'raw_values'`
 * @throws ValueError as {@link meanSquaredError}
 * @example
 * ```ts
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]); // 0.5
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_absolute_error.html
 */
export function meanAbsoluteError(
  yTrue: unknown,
  yPred: unknown,
  options: RegressionLossOptions & { multioutput: 'raw_values' },
): number[];
export function meanAbsoluteError(
  yTrue: unknown,
  yPred: unknown,
  options?: RegressionLossOptions,
): number;
export function meanAbsoluteError(
  yTrue: unknown,
  yPred: unknown,
  options: RegressionLossOptions = {},
): number | number[] {
  return regressionLoss(yTrue, yPred, options.sampleWeight, options.multioutput, 'absolute', false);
}
