// Port of scikit-learn's sklearn/datasets/_samples_generator.py make_low_rank_matrix (BSD-3-Clause).
import type { RandomState } from '@scikeras/estimator-core';

/**
 * The `Q` of the thin QR decomposition of an `n x k` matrix (`n >= k`) of standard normal draws:
 * `k` orthonormal columns, by modified Gram-Schmidt run twice for orthogonality to rounding.
 *
 * @remarks scipy's `linalg.qr` (Householder) may flip the sign of a column; for Gaussian input
 *   both give columns uniformly distributed on the Stiefel manifold, which is all that matters.
 */
export function randomOrthonormalColumns(n: number, k: number, rng: RandomState): number[][] {
  const Q = Array.from({ length: n }, () => Array.from({ length: k }, () => rng.standardNormal()));
  for (let j = 0; j < k; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < j; p++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += Q[i]![p]! * Q[i]![j]!;
        for (let i = 0; i < n; i++) Q[i]![j]! -= dot * Q[i]![p]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += Q[i]![j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) Q[i]![j]! /= norm;
  }
  return Q;
}

/**
 * A mostly low-rank matrix with bell-shaped singular values: `U diag(s) V^T` with random
 * orthonormal `U`, `V` and `s_i = (1 - tailStrength) exp(-(i / effectiveRank)^2) +
 * tailStrength exp(-0.1 i / effectiveRank)`, as scikit-learn's `make_low_rank_matrix`.
 *
 * @param nSamples - rows
 * @param nFeatures - columns
 * @param effectiveRank - about how many singular vectors explain most of the data
 * @param tailStrength - the weight of the slowly decaying tail of the singular values
 * @param rng - the generator
 * @returns the `nSamples x nFeatures` matrix
 */
export function makeLowRankMatrix(
  nSamples: number,
  nFeatures: number,
  effectiveRank: number,
  tailStrength: number,
  rng: RandomState,
): number[][] {
  const n = Math.min(nSamples, nFeatures);
  const u = randomOrthonormalColumns(nSamples, n, rng);
  const v = randomOrthonormalColumns(nFeatures, n, rng);
  const s = Array.from(
    { length: n },
    (_, i) =>
      (1 - tailStrength) * Math.exp(-1 * (i / effectiveRank) ** 2) +
      tailStrength * Math.exp((-0.1 * i) / effectiveRank),
  );
  return u.map((ui) =>
    v.map((vj) => {
      let x = 0;
      for (let k = 0; k < n; k++) x += ui[k]! * s[k]! * vj[k]!;
      return x;
    }),
  );
}
