// Port of scikit-learn's sklearn/metrics/_regression.py mean_squared_error (BSD-3-Clause).
import type { Multioutput } from './internal/checkRegTargets';
import { regressionLoss } from './internal/outputErrors';

/** Options of the regression losses ({@link meanSquaredError}, {@link meanAbsoluteError}, ...). */
export interface RegressionLossOptions {
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
  /**
   * How outputs are combined: `'uniform_average'` (mean over outputs), `'raw_values'` (one value per
   * output) or an array of weights, one per output. @defaultValue 'uniform_average'
   */
  multioutput?: Multioutput;
}

/** Options of {@link meanSquaredError}. */
export interface MeanSquaredErrorOptions extends RegressionLossOptions {
  /** `false` returns the root mean squared error (scikit-learn 1.2's `squared=False`). @defaultValue true */
  squared?: boolean;
}

/**
 * Mean squared error regression loss.
 *
 * @param yTrue - ground-truth targets, 1-D (`number[]`, typed array) or 2-D (`number[][]`, `{ data, shape }`, Matrix) for several outputs
 * @param yPred - predicted targets, same shape
 * @param options - `sampleWeight`, `multioutput`, `squared`
 * @returns the loss (a non-negative number), or one value per output with `multioutput: 'raw_values'`
 * @throws ValueError "Found input variables with inconsistent numbers of samples: [3, 2]", "Input contains NaN.", "y_true and y_pred have different number of output (1!=2)"
 * @example
 * ```ts
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]); // 0.375
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_squared_error.html
 */
export function meanSquaredError(
  yTrue: unknown,
  yPred: unknown,
  options: MeanSquaredErrorOptions & { multioutput: 'raw_values' },
): number[];
export function meanSquaredError(
  yTrue: unknown,
  yPred: unknown,
  options?: MeanSquaredErrorOptions,
): number;
export function meanSquaredError(
  yTrue: unknown,
  yPred: unknown,
  options: MeanSquaredErrorOptions = {},
): number | number[] {
  return regressionLoss(
    yTrue,
    yPred,
    options.sampleWeight,
    options.multioutput,
    'squared',
    options.squared === false,
  );
}
