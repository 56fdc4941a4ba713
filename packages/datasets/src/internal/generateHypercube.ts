// Port of scikit-learn's sklearn/datasets/_samples_generator.py _generate_hypercube and sklearn/utils/_random.pyx sample_without_replacement (BSD-3-Clause).
import type { RandomState } from '@scikeras/estimator-core';

/**
 * `nSamples` distinct integers of `[0, nPopulation)` (scikit-learn's `sample_without_replacement`
 * with method 'auto'): for a sampled fraction in (0.01, 0.99) a random permutation's head; below,
 * tracking selection (random order); from 0.99 up, reservoir sampling, whose output keeps the
 * population's order where it can (all of it: `0, 1, ..., n-1`). That order decides which
 * hypercube vertex gets which class in makeClassification, so it is kept.
 */
export function sampleWithoutReplacement(
  nPopulation: number,
  nSamples: number,
  rng: RandomState,
): number[] {
  const ratio = nPopulation !== 0 ? nSamples / nPopulation : 1;
  if (ratio > 0.01 && ratio < 0.99) return rng.permutation(nPopulation).slice(0, nSamples);
  if (ratio < 0.2) {
    const selected = new Set<number>();
    const out: number[] = [];
    for (let i = 0; i < nSamples; i++) {
      let j = rng.randint(nPopulation);
      while (selected.has(j)) j = rng.randint(nPopulation);
      selected.add(j);
      out.push(j);
    }
    return out;
  }
  const out = Array.from({ length: nSamples }, (_, i) => i);
  for (let i = nSamples; i < nPopulation; i++) {
    const j = rng.randint(0, i + 1);
    if (j < nSamples) out[j] = i;
  }
  return out;
}

/**
 * `nSamples` distinct vertices of the `dimensions`-dimensional unit hypercube, as rows of 0/1
 * (the bits of distinct integers, most significant first). Above 30 dimensions, the extra leading
 * coordinates are random bits and the last 30 are distinct, as in scikit-learn.
 *
 * @param nSamples - how many vertices (at most 2^dimensions)
 * @param dimensions - the dimension of the hypercube
 * @param rng - the generator
 * @returns `nSamples x dimensions` zeros and ones
 */
export function generateHypercube(
  nSamples: number,
  dimensions: number,
  rng: RandomState,
): number[][] {
  if (dimensions > 30) {
    const extra = Array.from({ length: nSamples }, () =>
      Array.from({ length: dimensions - 30 }, () => rng.randint(2)),
    );
    const rest = generateHypercube(nSamples, 30, rng);
    return extra.map((row, i) => [...row, ...rest[i]!]);
  }
  return sampleWithoutReplacement(2 ** dimensions, nSamples, rng).map((v) =>
    Array.from({ length: dimensions }, (_, j) => Math.floor(v / 2 ** (dimensions - 1 - j)) % 2),
  );
}
