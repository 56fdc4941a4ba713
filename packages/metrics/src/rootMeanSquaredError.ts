// Port of scikit-learn's sklearn/metrics/_regression.py mean_squared_error(squared=False) (BSD-3-Clause).
import type { RegressionLossOptions } from './meanSquaredError';
import { regressionLoss } from './internal/outputErrors';

/**
 * Root mean squared error regression loss: the square root of the MSE of each output, then
 * averaged over outputs.
 *
 * @param yTrue - ground-truth targets, 1-D or 2-D (several outputs)
 * @param yPred - predicted targets, same shape
 * @param options - `sampleWeight`, `multioutput`
 * @returns the loss, or one value per output with `multioutput: 'raw_values'`
 * @throws ValueError as {@link meanSquaredError}
 * @example
 * ```ts
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]); // 0.6123724356957945
 * ```
 * @remarks scikit-learn 1.2 spells this `mean_squared_error(..., squared=False)`
 * (`root_mean_squared_error` arrived in 1.4); the results are the same.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_squared_error.html
 */
export function rootMeanSquaredError(
  yTrue: unknown,
  yPred: unknown,
  options: RegressionLossOptions & { multioutput: 'raw_values' },
): number[];
export function rootMeanSquaredError(
  yTrue: unknown,
  yPred: unknown,
  options?: RegressionLossOptions,
): number;
export function rootMeanSquaredError(
  yTrue: unknown,
  yPred: unknown,
  options: RegressionLossOptions = {},
): number | number[] {
  return regressionLoss(yTrue, yPred, options.sampleWeight, options.multioutput, 'squared', true);
}
