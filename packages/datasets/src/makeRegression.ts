// Port of scikit-learn's sklearn/datasets/_samples_generator.py make_regression (BSD-3-Clause).
import { checkRandomState, type RandomStateLike } from '@scikeras/estimator-core';
import type { Flag } from './internal/Flag';
import { makeLowRankMatrix } from './internal/makeLowRankMatrix';
import { permuteColumns, shuffleRows } from './internal/shuffleRows';
import { int, real, validateParams } from './internal/validateParams';

/** The parameters of {@link makeRegression} (scikit-learn's, camelCased). */
export interface MakeRegressionParams {
  /** The number of samples. @defaultValue 100 */
  nSamples?: number;
  /** The number of features. @defaultValue 100 */
  nFeatures?: number;
  /** The features with a nonzero coefficient (at most `nFeatures`). @defaultValue 10 */
  nInformative?: number;
  /** The number of targets: `y` is `number[]` for 1, `number[][]` above. @defaultValue 1 */
  nTargets?: number;
  /** The intercept of the linear model. @defaultValue 0 */
  bias?: number;
  /**
   * `null`: X is N(0, 1), well conditioned; a number: X is mostly of this rank, with
   * bell-shaped singular values and a tail (see `tailStrength`). @defaultValue null
   */
  effectiveRank?: number | null;
  /** The weight of the singular values' slowly decaying tail, in [0, 1]. @defaultValue 0.5 */
  tailStrength?: number;
  /** The standard deviation of the Gaussian noise added to y. @defaultValue 0 */
  noise?: number;
  /** Shuffle the samples and the features. @defaultValue true */
  shuffle?: boolean;
  /** Also return the coefficients of the linear model. @defaultValue false */
  coef?: boolean;
  /** A seed, `null` for a fresh one, or a `RandomState`. @defaultValue null */
  randomState?: RandomStateLike;
}

/** `y` (or `coef`) for `nTargets` N: one value per sample (feature) for 1, a row of N above. */
export type RegressionTarget<N> = number extends N
  ? number[] | number[][]
  : N extends 1 | undefined
    ? number[]
    : number[][];

/** What {@link makeRegression} returns for the params `P`: `[X, y]` or, with `coef`, `[X, y, coef]`. */
export type MakeRegressionResult<P> = {
  yes: [number[][], RegressionTarget<NTargets<P>>, RegressionTarget<NTargets<P>>];
  no: [number[][], RegressionTarget<NTargets<P>>];
  maybe:
    | [number[][], RegressionTarget<NTargets<P>>]
    | [number[][], RegressionTarget<NTargets<P>>, RegressionTarget<NTargets<P>>];
}[Flag<P, 'coef'>];

type NTargets<P> = 'nTargets' extends keyof P ? P['nTargets' & keyof P] : 1;

const DEFAULTS: Required<MakeRegressionParams> = {
  nSamples: 100,
  nFeatures: 100,
  nInformative: 10,
  nTargets: 1,
  bias: 0,
  effectiveRank: null,
  tailStrength: 0.5,
  noise: 0,
  shuffle: true,
  coef: false,
  randomState: null,
};

const CONSTRAINTS = {
  nSamples: [int(1)],
  nFeatures: [int(1)],
  nInformative: [int(0)],
  nTargets: [int(1)],
  bias: [real(null, null, 'neither')],
  effectiveRank: [int(1), 'null'],
  tailStrength: [real(0, 1, 'both')],
  noise: [real(0)],
  shuffle: ['boolean'],
  coef: ['boolean'],
  randomState: ['random_state'],
} as const;

/**
 * Generates a random regression problem: `y = X coef + bias + noise`, with `nInformative`
 * nonzero coefficients drawn in [0, 100) and X either N(0, 1) or of low effective rank, as
 * scikit-learn builds it.
 *
 * @param params - scikit-learn's parameters, camelCased (see {@link MakeRegressionParams})
 * @returns `[X, y]`, or `[X, y, coef]` with `coef: true`; `y` and `coef` are flat for one
 *   target, `nSamples x nTargets` and `nFeatures x nTargets` for more
 * @throws InvalidParameterError when a parameter is of the wrong kind or out of range
 * @example
 * ```ts
 * const [X, y, coef] = makeRegression({ nSamples: 50, nFeatures: 4, nInformative: 2, bias: 3,
 *   coef: true, randomState: 0 });
 * // noise 0: y[i] === 3 + sum_j X[i][j] * coef[j] (to rounding); two coef are nonzero
 * ```
 * @remarks Seeded by this package's generator, not numpy's: the same `randomState` gives the
 *   same data on every run here, not scikit-learn's numbers; the distributions are its. numpy's
 *   `squeeze` would also flatten `nSamples = 1` or `nFeatures = 1`; only the target axis is
 *   flattened here, so `y` is always an array. The low-rank X orthonormalises Gaussian draws by
 *   Gram-Schmidt where scipy uses Householder QR: the same distribution.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.datasets.make_regression.html
 */
export function makeRegression<const P extends MakeRegressionParams = Record<never, never>>(
  params?: P,
): MakeRegressionResult<P> {
  const p = validateParams('makeRegression', DEFAULTS, params, CONSTRAINTS);
  const nInformative = Math.min(p.nFeatures, p.nInformative);
  const rng = checkRandomState(p.randomState);
  let X =
    p.effectiveRank === null
      ? Array.from({ length: p.nSamples }, () =>
          Array.from({ length: p.nFeatures }, () => rng.standardNormal()),
        )
      : makeLowRankMatrix(p.nSamples, p.nFeatures, p.effectiveRank, p.tailStrength, rng);
  let groundTruth = Array.from({ length: p.nFeatures }, (_, j) =>
    Array.from({ length: p.nTargets }, () => (j < nInformative ? 100 * rng.uniform() : 0)),
  );
  let y = X.map((row) =>
    groundTruth[0]!.map((_, t) => row.reduce((s, x, j) => s + x * groundTruth[j]![t]!, 0) + p.bias),
  );
  if (p.noise > 0) y = y.map((row) => row.map((v) => v + rng.normal(0, p.noise)));
  if (p.shuffle) {
    [X, y] = shuffleRows(rng, X, y);
    const order = rng.permutation(p.nFeatures);
    permuteColumns(X, order);
    groundTruth = order.map((j) => groundTruth[j]!);
  }
  const squeeze = (M: number[][]) => (p.nTargets === 1 ? M.map((r) => r[0]!) : M);
  return (
    p.coef ? [X, squeeze(y), squeeze(groundTruth)] : [X, squeeze(y)]
  ) as MakeRegressionResult<P>;
}
