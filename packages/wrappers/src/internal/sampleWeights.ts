// scikeras's scikeras/wrappers.py _fit sample-weight handling and sklearn's _check_sample_weight (MIT, BSD-3-Clause).
import { ValueError, takeRows, type ArrayND, type CheckedY } from '@scikeras/estimator-core';

/** The message of scikeras's `_validate_sample_weight` when every weight is zero. */
export const ALL_ZERO_WEIGHTS =
  "No training samples had any weight; only zeros were passed in sample_weight. That means there's nothing to train on by definition, so training can not be completed.";

/**
 * Checks per-sample weights (scikit-learn's `_check_sample_weight`): one finite number per
 * row, or one number for every row.
 *
 * @param sampleWeight - the weights, or one number used for every row
 * @param n - the number of rows
 * @returns the weights as numbers
 * @throws ValueError "sample_weight.shape == (2,), expected (20,)!" or "Input sample_weight contains NaN or infinity."
 * @example
 * ```ts
 * checkSampleWeight(new Float32Array([1, 2]), 2); // [1, 2]
 * checkSampleWeight(2, 3); // [2, 2, 2]
 * ```
 */
export function checkSampleWeight(sampleWeight: ArrayLike<number> | number, n: number): number[] {
  const sw =
    typeof sampleWeight === 'number'
      ? new Array<number>(n).fill(sampleWeight)
      : Array.from(sampleWeight, Number);
  if (sw.length !== n) {
    throw new ValueError(`sample_weight.shape == (${sw.length},), expected (${n},)!`);
  }
  if (sw.some((w) => !Number.isFinite(w))) {
    throw new ValueError('Input sample_weight contains NaN or infinity.');
  }
  return sw;
}

/**
 * Drops the rows whose weight is zero (Keras would train on them with no effect but count
 * them in the batches), as scikeras does.
 *
 * @param data - validated X and y
 * @param sampleWeight - one weight per row, or null
 * @returns the data and weights without the zero-weight rows
 * @throws ValueError when every weight is zero
 * @example
 * ```ts
 * dropZeroWeights({ X, y }, [1, 0, 2]).sampleWeight; // [1, 2]
 * ```
 */
export function dropZeroWeights(
  data: { X: ArrayND; y: CheckedY },
  sampleWeight: number[] | null,
): { X: ArrayND; y: CheckedY; sampleWeight: number[] | null } {
  if (!sampleWeight) return { ...data, sampleWeight };
  if (sampleWeight.every((w) => w === 0)) throw new ValueError(ALL_ZERO_WEIGHTS);
  const keep = sampleWeight.flatMap((w, i) => (w !== 0 ? [i] : []));
  if (keep.length === sampleWeight.length) return { ...data, sampleWeight };
  return {
    X: takeRows(data.X, keep),
    y: takeRows(data.y, keep) as CheckedY,
    sampleWeight: keep.map((i) => sampleWeight[i]!),
  };
}
