// Port of scikit-learn's sklearn/datasets/_samples_generator.py make_moons (BSD-3-Clause).
import type { RandomStateLike } from '@scikeras/estimator-core';
import { linspace } from './internal/linspace';
import { finishCurves, splitSamples } from './internal/twoClassCurves';
import { int, real, validateParams } from './internal/validateParams';

/** The parameters of {@link makeMoons} (scikit-learn's, camelCased). */
export interface MakeMoonsParams {
  /** The total number of points, or `[outer, inner]`, the points of each moon. @defaultValue 100 */
  nSamples?: number | [number, number];
  /** Shuffle the samples. @defaultValue true */
  shuffle?: boolean;
  /** The standard deviation of the Gaussian noise added to the points; `null`: none. @defaultValue null */
  noise?: number | null;
  /** A seed, `null` for a fresh one, or a `RandomState`. @defaultValue null */
  randomState?: RandomStateLike;
}

const DEFAULTS: Required<MakeMoonsParams> = {
  nSamples: 100,
  shuffle: true,
  noise: null,
  randomState: null,
};

const CONSTRAINTS = {
  nSamples: [int(1), 'pair'],
  shuffle: ['boolean'],
  noise: [real(0), 'null'],
  randomState: ['random_state'],
} as const;

/**
 * Makes two interleaving half circles, a toy data set for clustering and classification: the
 * upper half of the unit circle (class 0, `floor(nSamples / 2)` points) and the lower half of the
 * unit circle centred at (1, 0.5) (class 1), evenly spaced, then shuffled and noised.
 *
 * @param params - scikit-learn's parameters, camelCased (see {@link MakeMoonsParams})
 * @returns `[X, y]`: `nSamples x 2` points and their moon, 0 or 1
 * @throws InvalidParameterError when a parameter is of the wrong kind or out of range
 * @throws ValueError when `nSamples` is an array of other than two non-negative integers
 * @example
 * ```ts
 * const [X, y] = makeMoons({ nSamples: 200, noise: 0.1, randomState: 0 });
 * const [exact] = makeMoons({ nSamples: [3, 3], shuffle: false }); // [[1, 0], [0, 1], [-1, 0], [0, 0.5], ...]
 * ```
 * @remarks Seeded by this package's generator, not numpy's: the same `randomState` gives the
 *   same data on every run here, not scikit-learn's numbers. Without noise and shuffling the
 *   points are scikit-learn's.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.datasets.make_moons.html
 */
export function makeMoons(params?: MakeMoonsParams): [number[][], number[]] {
  const p = validateParams('makeMoons', DEFAULTS, params, CONSTRAINTS);
  const [nOut, nIn] = splitSamples(
    p.nSamples,
    '`nSamples` can be either an int or a two-element array.',
  );
  const tOut = linspace(0, Math.PI, nOut);
  const tIn = linspace(0, Math.PI, nIn);
  return finishCurves(
    [tOut.map(Math.cos), tOut.map(Math.sin)],
    [tIn.map((t) => 1 - Math.cos(t)), tIn.map((t) => 1 - Math.sin(t) - 0.5)],
    p.shuffle,
    p.noise,
    p.randomState,
  );
}
