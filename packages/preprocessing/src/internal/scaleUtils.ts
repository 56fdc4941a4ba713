// Port of scikit-learn's sklearn/preprocessing/_data.py _is_constant_feature and
// _handle_zeros_in_scale, and sklearn/utils/validation.py _check_sample_weight (BSD-3-Clause).
import { ValueError, assertAllFinite, isTypedArray } from '@scikeras/estimator-core';

/** float64's machine epsilon (numpy's `np.finfo(np.float64).eps`). */
export const EPS = 2.220446049250313e-16;

/**
 * Whether each feature is indistinguishable from a constant, from its variance and the error
 * bound of the two-pass variance algorithm (Chan, Golub and LeVeque).
 */
export function isConstantFeature(
  variance: ArrayLike<number>,
  mean: ArrayLike<number>,
  nSamples: ArrayLike<number>,
): boolean[] {
  const out = new Array<boolean>(variance.length);
  for (let j = 0; j < variance.length; j++) {
    const n = nSamples[j]!;
    const m = n * mean[j]! * EPS;
    out[j] = variance[j]! <= n * EPS * variance[j]! + m * m;
  }
  return out;
}

/**
 * Scales of (near) constant features set to 1: those in `constantMask`, or (without it) those
 * below `10 * eps`.
 */
export function handleZerosInScale(
  scale: Float64Array,
  constantMask?: readonly boolean[],
): number[] {
  const out = Array.from(scale);
  for (let j = 0; j < out.length; j++) {
    const constant = constantMask ? constantMask[j] : out[j]! < 10 * EPS;
    if (constant) out[j] = 1;
  }
  return out;
}

/**
 * Sample weights as a Float64Array of length n (scikit-learn's `_check_sample_weight`): null
 * gives null, a number fills, an array must have n finite values.
 *
 * @throws ValueError "sample_weight.shape == (3,), expected (4,)!"
 */
export function checkSampleWeight(sampleWeight: unknown, n: number): Float64Array | null {
  if (sampleWeight === null || sampleWeight === undefined) return null;
  if (typeof sampleWeight === 'number') return new Float64Array(n).fill(sampleWeight);
  if (!Array.isArray(sampleWeight) && !isTypedArray(sampleWeight)) {
    throw new ValueError(
      `sample_weight must be a number or a 1-D array of numbers, got ${typeof sampleWeight}.`,
    );
  }
  const w = Float64Array.from(sampleWeight as ArrayLike<number>, Number);
  if (w.length !== n)
    throw new ValueError(`sample_weight.shape == (${w.length},), expected (${n},)!`);
  assertAllFinite(w, { inputName: 'sample_weight' });
  return w;
}
