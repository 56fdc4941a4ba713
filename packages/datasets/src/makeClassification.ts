// Port of scikit-learn's sklearn/datasets/_samples_generator.py make_classification (BSD-3-Clause).
import {
  checkRandomState,
  type RandomState,
  type RandomStateLike,
  ValueError,
} from '@scikeras/estimator-core';
import { generateHypercube } from './internal/generateHypercube';
import { addPerFeature } from './internal/perFeature';
import { permuteColumns, shuffleRows } from './internal/shuffleRows';
import { int, real, validateParams } from './internal/validateParams';

/** The parameters of {@link makeClassification} (scikit-learn's, camelCased). */
export interface MakeClassificationParams {
  /** The number of samples. @defaultValue 100 */
  nSamples?: number;
  /** The number of features: informative, redundant, repeated and useless ones. @defaultValue 20 */
  nFeatures?: number;
  /** Informative features: Gaussian clusters about hypercube vertices, mixed. @defaultValue 2 */
  nInformative?: number;
  /** Random linear combinations of the informative features. @defaultValue 2 */
  nRedundant?: number;
  /** Copies of informative or redundant features, drawn with replacement. @defaultValue 0 */
  nRepeated?: number;
  /** The number of classes. @defaultValue 2 */
  nClasses?: number;
  /** The number of Gaussian clusters of each class. @defaultValue 2 */
  nClustersPerClass?: number;
  /**
   * The fraction of samples of each class (`nClasses` values, or `nClasses - 1` and the last is
   * `1 - sum`); `null` for balanced classes. @defaultValue null
   */
  weights?: number[] | null;
  /** The fraction of samples whose class is then drawn at random. @defaultValue 0.01 */
  flipY?: number;
  /** Half the side of the hypercube: larger values separate the classes more. @defaultValue 1 */
  classSep?: number;
  /** Clusters on hypercube vertices (`false`: on a random polytope's). @defaultValue true */
  hypercube?: boolean;
  /** Added to the features (one value or one per feature); `null`: random in [-classSep, classSep]. @defaultValue 0 */
  shift?: number | number[] | null;
  /** Multiplies the features after the shift; `null`: random in [1, 101). @defaultValue 1 */
  scale?: number | number[] | null;
  /** Shuffle the samples and the features. @defaultValue true */
  shuffle?: boolean;
  /** A seed, `null` for a fresh one, or a `RandomState`. @defaultValue null */
  randomState?: RandomStateLike;
}

const DEFAULTS: Required<MakeClassificationParams> = {
  nSamples: 100,
  nFeatures: 20,
  nInformative: 2,
  nRedundant: 2,
  nRepeated: 0,
  nClasses: 2,
  nClustersPerClass: 2,
  weights: null,
  flipY: 0.01,
  classSep: 1,
  hypercube: true,
  shift: 0,
  scale: 1,
  shuffle: true,
  randomState: null,
};

const CONSTRAINTS = {
  nSamples: [int(1)],
  nFeatures: [int(1)],
  nInformative: [int(1)],
  nRedundant: [int(0)],
  nRepeated: [int(0)],
  nClasses: [int(1)],
  nClustersPerClass: [int(1)],
  weights: ['array-like', 'null'],
  flipY: [real(0, 1, 'both')],
  classSep: [real(0, null, 'neither')],
  hypercube: ['boolean'],
  shift: [real(null, null, 'neither'), 'array-like', 'null'],
  scale: [real(0, null, 'neither'), 'array-like', 'null'],
  shuffle: ['boolean'],
  randomState: ['random_state'],
} as const;

function checkCounts(p: Required<MakeClassificationParams>): number[] {
  if (p.nInformative + p.nRedundant + p.nRepeated > p.nFeatures)
    throw new ValueError(
      'Number of informative, redundant and repeated features must sum to less than the number of total features',
    );
  if (p.nInformative < Math.log2(p.nClasses * p.nClustersPerClass))
    throw new ValueError(
      `nClasses(${p.nClasses}) * nClustersPerClass(${p.nClustersPerClass}) must be smaller or equal 2**nInformative(${p.nInformative})=${2 ** p.nInformative}`,
    );
  if (p.weights === null) return Array.from({ length: p.nClasses }, () => 1 / p.nClasses);
  const w = Array.from(p.weights);
  if (w.length !== p.nClasses && w.length !== p.nClasses - 1)
    throw new ValueError('Weights specified but incompatible with number of classes.');
  if (w.length === p.nClasses - 1) w.push(1 - w.reduce((a, b) => a + b, 0));
  return w;
}

/** Samples per cluster: `trunc(n * w[k % nClasses] / nClustersPerClass)`, remainder round-robin. */
function clusterSizes(p: Required<MakeClassificationParams>, weights: number[]): number[] {
  const nClusters = p.nClasses * p.nClustersPerClass;
  const sizes = Array.from({ length: nClusters }, (_, k) =>
    Math.trunc((p.nSamples * weights[k % p.nClasses]!) / p.nClustersPerClass),
  );
  const missing = p.nSamples - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < missing; i++) sizes[i % nClusters]! += 1;
  return sizes;
}

/** Cluster centres on the vertices of a hypercube of side 2 classSep (or of a random polytope). */
function centroids(p: Required<MakeClassificationParams>, rng: RandomState): number[][] {
  const nClusters = p.nClasses * p.nClustersPerClass;
  const c = generateHypercube(nClusters, p.nInformative, rng).map((row) =>
    row.map((b) => b * 2 * p.classSep - p.classSep),
  );
  if (!p.hypercube) {
    const perRow = c.map(() => rng.uniform());
    const perCol = Array.from({ length: p.nInformative }, () => rng.uniform());
    c.forEach((row, k) => row.forEach((_, j) => (row[j] = row[j]! * perRow[k]! * perCol[j]!)));
  }
  return c;
}

const randomMatrix = (rows: number, cols: number, rng: RandomState) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => 2 * rng.uniform() - 1));

/** `row[0:n] @ M` for an `n x m` matrix M. */
function times(row: number[], M: number[][], n: number): number[] {
  const out = new Array<number>(M[0]!.length).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < out.length; j++) out[j]! += row[i]! * M[i]![j]!;
  return out;
}

/** Draws the informative features cluster by cluster (N(0, I) @ A + centroid) and the labels. */
function informative(p: Required<MakeClassificationParams>, sizes: number[], rng: RandomState) {
  const d = p.nInformative;
  const X = Array.from({ length: p.nSamples }, () => {
    const row = new Array<number>(p.nFeatures).fill(0);
    for (let j = 0; j < d; j++) row[j] = rng.standardNormal();
    return row;
  });
  const y = new Array<number>(p.nSamples).fill(0);
  let stop = 0;
  centroids(p, rng).forEach((centroid, k) => {
    const start = stop;
    stop += sizes[k]!;
    const A = randomMatrix(d, d, rng); // random covariance
    for (let i = start; i < Math.min(stop, p.nSamples); i++) {
      y[i] = k % p.nClasses;
      const mixed = times(X[i]!, A, d);
      for (let j = 0; j < d; j++) X[i]![j] = mixed[j]! + centroid[j]!;
    }
  });
  return { X, y };
}

/** Redundant (linear combinations), repeated (copies) and useless (N(0, 1)) features. */
function otherFeatures(p: Required<MakeClassificationParams>, X: number[][], rng: RandomState) {
  const { nInformative: ni, nRedundant: nr, nRepeated: nrep } = p;
  if (nr > 0) {
    const B = randomMatrix(ni, nr, rng);
    for (const row of X) times(row, B, ni).forEach((v, j) => (row[ni + j] = v));
  }
  if (nrep > 0) {
    const n = ni + nr;
    const idx = Array.from({ length: nrep }, () => Math.trunc((n - 1) * rng.uniform() + 0.5));
    for (const row of X) idx.forEach((src, r) => (row[n + r] = row[src]!));
  }
  const first = ni + nr + nrep;
  for (const row of X) for (let j = first; j < p.nFeatures; j++) row[j] = rng.standardNormal();
}

/**
 * Generates a random n-class classification problem: Gaussian clusters (std 1) about the
 * vertices of an `nInformative`-dimensional hypercube of side `2 * classSep`, an equal number of
 * clusters per class, each with a random covariance, then redundant, repeated and useless
 * features, flipped labels, a shift, a scale and a shuffle, exactly as scikit-learn builds it.
 *
 * Without shuffling, `X` holds the informative features, then the redundant, the repeated and
 * the useless ones, in that order.
 *
 * @param params - scikit-learn's parameters, camelCased (see {@link MakeClassificationParams})
 * @returns `[X, y]`: `nSamples x nFeatures` values and the integer class of each sample
 * @throws InvalidParameterError when a parameter is of the wrong kind or out of range
 * @throws ValueError when the feature counts exceed `nFeatures`, when
 *   `nClasses * nClustersPerClass > 2 ** nInformative`, or for a `weights` of the wrong length
 * @example
 * ```ts
 * const [X, y] = makeClassification({ nSamples: 200, nFeatures: 5, nInformative: 3, nRedundant: 1,
 *   nClasses: 3, classSep: 2, randomState: 0 });
 * [X.length, X[0].length]; // [200, 5]
 * new Set(y); // Set { 0, 1, 2 }
 * ```
 * @remarks Seeded by this package's generator (seedrandom, normal deviates by numpy's polar
 *   method), not numpy's Mersenne Twister: the same `randomState` gives the same data on every
 *   run here, but not scikit-learn's numbers; the distributions are scikit-learn's. The
 *   parameter checks are those of scikit-learn 1.3+'s `validate_params`.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.datasets.make_classification.html
 */
export function makeClassification(params?: MakeClassificationParams): [number[][], number[]] {
  const p = validateParams('makeClassification', DEFAULTS, params, CONSTRAINTS);
  const weights = checkCounts(p);
  const rng = checkRandomState(p.randomState);
  let { X, y } = informative(p, clusterSizes(p, weights), rng);
  otherFeatures(p, X, rng);
  const flip = X.map(() => rng.uniform() < p.flipY);
  flip.forEach((f, i) => f && (y[i] = rng.randint(p.nClasses)));
  const shift = p.shift ?? X[0]!.map(() => (2 * rng.uniform() - 1) * p.classSep);
  addPerFeature(X, shift, (x, s) => x + s);
  const scale = p.scale ?? X[0]!.map(() => 1 + 100 * rng.uniform());
  addPerFeature(X, scale, (x, s) => x * s);
  if (p.shuffle) {
    [X, y] = shuffleRows(rng, X, y);
    permuteColumns(X, rng.permutation(p.nFeatures));
  }
  return [X, y];
}
