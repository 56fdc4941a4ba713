// Port of scikit-learn's sklearn/model_selection/_split.py LeaveOneOut (BSD-3-Clause).
import { ValueError, numSamples, registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import { BaseCrossValidator } from './BaseCrossValidator';

/**
 * Leave-one-out: each sample is the test set once (`n` splits).
 *
 * @example
 * ```ts
 * [...new LeaveOneOut().split([[1], [2]])]; // [[[1], [0]], [[0], [1]]]
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.LeaveOneOut.html
 */
export class LeaveOneOut extends BaseCrossValidator<Record<string, never>> {
  static estimatorName = 'LeaveOneOut';

  static override defaults = {};

  protected override *iterTestIndices(X?: unknown): Generator<number[]> {
    const n = numSamples(X);
    if (n <= 1) throw new ValueError(`Cannot perform LeaveOneOut with nSamples=${n}.`);
    for (let i = 0; i < n; i++) yield [i];
  }

  /**
   * The number of samples.
   *
   * @param X - the samples
   * @returns the number of splits
   * @throws ValueError "The 'X' parameter should not be None." without X
   * @example
   * ```ts
   * new LeaveOneOut().getNSplits([[1], [2], [3]]); // 3
   * ```
   */
  override getNSplits(X?: unknown): number {
    if (X === undefined || X === null)
      throw new ValueError("The 'X' parameter should not be None.");
    return numSamples(X);
  }
}
registerEstimator(LeaveOneOut, { module: MODULE_URL });
