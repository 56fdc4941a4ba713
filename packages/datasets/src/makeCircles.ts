// Port of scikit-learn's sklearn/datasets/_samples_generator.py make_circles (BSD-3-Clause).
import type { RandomStateLike } from '@scikeras/estimator-core';
import { linspace } from './internal/linspace';
import { finishCurves, splitSamples } from './internal/twoClassCurves';
import { int, real, validateParams } from './internal/validateParams';

/** The parameters of {@link makeCircles} (scikit-learn's, camelCased). */
export interface MakeCirclesParams {
  /**
   * The total number of points (the inner circle gets the odd one), or `[outer, inner]`.
   * @defaultValue 100
   */
  nSamples?: number | [number, number];
  /** Shuffle the samples. @defaultValue true */
  shuffle?: boolean;
  /** The standard deviation of the Gaussian noise added to the points; `null`: none. @defaultValue null */
  noise?: number | null;
  /** A seed, `null` for a fresh one, or a `RandomState`. @defaultValue null */
  randomState?: RandomStateLike;
  /** The inner circle's radius over the outer one's, in [0, 1). @defaultValue 0.8 */
  factor?: number;
}

const DEFAULTS: Required<MakeCirclesParams> = {
  nSamples: 100,
  shuffle: true,
  noise: null,
  randomState: null,
  factor: 0.8,
};

const CONSTRAINTS = {
  nSamples: [int(0), 'pair'],
  shuffle: ['boolean'],
  noise: [real(0), 'null'],
  randomState: ['random_state'],
  factor: [real(0, 1, 'left')],
} as const;

/**
 * Makes a large circle containing a smaller one in 2-D, a toy data set for clustering and
 * classification: the unit circle (class 0, `floor(nSamples / 2)` points) and a circle of radius
 * `factor` (class 1), evenly spaced from angle 0, then shuffled and noised.
 *
 * @param params - scikit-learn's parameters, camelCased (see {@link MakeCirclesParams})
 * @returns `[X, y]`: `nSamples x 2` points and their circle, 0 (outer) or 1 (inner)
 * @throws InvalidParameterError when a parameter is of the wrong kind or out of range
 * @throws ValueError when `nSamples` is an array of other than two non-negative integers
 * @example
 * ```ts
 * const [X, y] = makeCircles({ nSamples: 200, noise: 0.05, factor: 0.5, randomState: 0 });
 * const [exact] = makeCircles({ nSamples: 4, shuffle: false, factor: 0.5 }); // [[1, 0], [-1, ~0], [0.5, 0], [-0.5, ~0]]
 * ```
 * @remarks Seeded by this package's generator, not numpy's: the same `randomState` gives the
 *   same data on every run here, not scikit-learn's numbers. Without noise and shuffling the
 *   points are scikit-learn's. scikit-learn 1.3+'s message for a bad `factor` is the
 *   parameter-validation one (1.2 said "'factor' has to be between 0 and 1.").
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.datasets.make_circles.html
 */
export function makeCircles(params?: MakeCirclesParams): [number[][], number[]] {
  const p = validateParams('makeCircles', DEFAULTS, params, CONSTRAINTS);
  const [nOut, nIn] = splitSamples(
    p.nSamples,
    'When an array, nSamples must have exactly two non-negative integer elements.',
  );
  // endpoint false, so that the first point is not also the last
  const tOut = linspace(0, 2 * Math.PI, nOut, false);
  const tIn = linspace(0, 2 * Math.PI, nIn, false);
  return finishCurves(
    [tOut.map(Math.cos), tOut.map(Math.sin)],
    [tIn.map((t) => Math.cos(t) * p.factor), tIn.map((t) => Math.sin(t) * p.factor)],
    p.shuffle,
    p.noise,
    p.randomState,
  );
}
