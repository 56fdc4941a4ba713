// Port of scikit-learn's sklearn/datasets/_samples_generator.py make_blobs (BSD-3-Clause).
import {
  checkRandomState,
  type RandomState,
  type RandomStateLike,
  ValueError,
} from '@scikeras/estimator-core';
import type { Flag } from './internal/Flag';
import { shuffleRows } from './internal/shuffleRows';
import { int, real, repr, validateParams } from './internal/validateParams';

/** The parameters of {@link makeBlobs} (scikit-learn's, camelCased). */
export interface MakeBlobsParams {
  /** The total number of samples, shared equally, or the number of each blob. @defaultValue 100 */
  nSamples?: number | number[];
  /** The number of features (taken from `centers` when it is an array). @defaultValue 2 */
  nFeatures?: number;
  /**
   * How many centres to draw in `centerBox`, or the centres themselves (`nCenters x nFeatures`);
   * `null`: 3, or one per entry of an array `nSamples`. @defaultValue null
   */
  centers?: number | number[][] | null;
  /** The standard deviation of the blobs: one for all, or one per blob. @defaultValue 1 */
  clusterStd?: number | number[];
  /** The box `[min, max]` in which random centres are drawn. @defaultValue [-10, 10] */
  centerBox?: [number, number];
  /** Shuffle the samples. @defaultValue true */
  shuffle?: boolean;
  /** A seed, `null` for a fresh one, or a `RandomState`. @defaultValue null */
  randomState?: RandomStateLike;
  /** Also return the centres. @defaultValue false */
  returnCenters?: boolean;
}

/** What {@link makeBlobs} returns: `[X, y]`, or `[X, y, centers]` with `returnCenters`. */
export type MakeBlobsResult<P> = {
  yes: [number[][], number[], number[][]];
  no: [number[][], number[]];
  maybe: [number[][], number[]] | [number[][], number[], number[][]];
}[Flag<P, 'returnCenters'>];

const DEFAULTS: Required<MakeBlobsParams> = {
  nSamples: 100,
  nFeatures: 2,
  centers: null,
  clusterStd: 1,
  centerBox: [-10, 10],
  shuffle: true,
  randomState: null,
  returnCenters: false,
};

const CONSTRAINTS = {
  nSamples: [int(1), 'array-like'],
  nFeatures: [int(1)],
  centers: [int(1), 'array-like', 'null'],
  clusterStd: [real(0), 'array-like'],
  centerBox: ['pair'],
  shuffle: ['boolean'],
  randomState: ['random_state'],
  returnCenters: ['boolean'],
} as const;

/** scikit-learn's `check_array(centers)`: a non-empty rectangular array of finite numbers. */
function checkCenters(centers: unknown): number[][] {
  const rows = Array.from(centers as ArrayLike<unknown>, (r) =>
    Array.isArray(r) || ArrayBuffer.isView(r) ? Array.from(r as ArrayLike<unknown>) : null,
  );
  if (rows.length === 0 || rows.some((r) => r === null || r.length !== rows[0]!.length))
    throw new ValueError(
      `centers must be a 2-D array of shape (nCenters, nFeatures). Got ${repr(centers)} instead.`,
    );
  if (rows.some((r) => r!.some((v) => typeof v !== 'number' || !Number.isFinite(v))))
    throw new ValueError("Input contains NaN, infinity or a value too large for dtype('float64').");
  return rows as number[][];
}

function drawCenters(n: number, d: number, box: [number, number], rng: RandomState): number[][] {
  return Array.from({ length: n }, () =>
    Array.from({ length: d }, () => rng.uniform(box[0], box[1])),
  );
}

/** The centres and the number of samples of each, as scikit-learn resolves them. */
function resolveCenters(p: Required<MakeBlobsParams>, rng: RandomState) {
  if (typeof p.nSamples === 'number') {
    const centers =
      p.centers === null || typeof p.centers === 'number'
        ? drawCenters(p.centers ?? 3, p.nFeatures, p.centerBox, rng)
        : checkCenters(p.centers);
    const k = centers.length;
    const sizes = Array.from(
      { length: k },
      (_, i) => Math.floor((p.nSamples as number) / k) + (i < (p.nSamples as number) % k ? 1 : 0),
    );
    return { centers, sizes };
  }
  const sizes = Array.from(p.nSamples);
  if (sizes.some((n) => !Number.isInteger(n) || n < 0))
    throw new ValueError(
      `nSamples must hold non-negative integers. Got ${repr(p.nSamples)} instead.`,
    );
  const raw = p.centers ?? drawCenters(sizes.length, p.nFeatures, p.centerBox, rng);
  if (typeof raw === 'number')
    throw new ValueError(`Parameter \`centers\` must be array-like. Got ${raw} instead`);
  if (raw.length !== sizes.length)
    throw new ValueError(
      `Length of \`nSamples\` not consistent with number of centers. Got nSamples = ${repr(sizes)} and centers = ${repr(raw)}`,
    );
  return { centers: checkCenters(raw), sizes };
}

/**
 * Generates isotropic Gaussian blobs for clustering and classification: `nSamples` points
 * around `centers` (given or drawn uniformly in `centerBox`), each blob with its standard
 * deviation, labelled by blob, as scikit-learn builds them.
 *
 * @param params - scikit-learn's parameters, camelCased (see {@link MakeBlobsParams})
 * @returns `[X, y]`, or `[X, y, centers]` with `returnCenters`
 * @throws InvalidParameterError when a parameter is of the wrong kind or out of range
 * @throws ValueError when `nSamples`, `centers` and `clusterStd` disagree on the number of blobs
 * @example
 * ```ts
 * const [X, y] = makeBlobs({ nSamples: 10, centers: 3, nFeatures: 2, randomState: 0 });
 * const [X2, y2, centers] = makeBlobs({ nSamples: [3, 3, 4], clusterStd: [0.5, 1, 2],
 *   returnCenters: true, randomState: 0 });
 * centers.length; // 3
 * ```
 * @remarks Seeded by this package's generator, not numpy's: the same `randomState` gives the
 *   same data on every run here, not scikit-learn's numbers; the distributions are its.
 *   scikit-learn's `clusters_std` in one message is spelled `clusterStd`, after the parameter.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.datasets.make_blobs.html
 */
export function makeBlobs<const P extends MakeBlobsParams = Record<never, never>>(
  params?: P,
): MakeBlobsResult<P> {
  const p = validateParams('makeBlobs', DEFAULTS, params, CONSTRAINTS);
  const rng = checkRandomState(p.randomState);
  const { centers, sizes } = resolveCenters(p, rng);
  if (typeof p.clusterStd !== 'number' && p.clusterStd.length !== sizes.length)
    throw new ValueError(
      `Length of \`clusterStd\` not consistent with number of centers. Got centers = ${repr(centers)} and clusterStd = ${repr(p.clusterStd)}`,
    );
  const stds =
    typeof p.clusterStd === 'number'
      ? centers.map(() => p.clusterStd as number)
      : [...p.clusterStd];
  if (stds.some((s) => !(s >= 0))) throw new ValueError('scale < 0');
  let X: number[][] = [];
  let y: number[] = [];
  sizes.forEach((n, i) => {
    for (let r = 0; r < n; r++) {
      X.push(centers[i]!.map((c) => rng.normal(c, stds[i]!)));
      y.push(i);
    }
  });
  if (p.shuffle) [X, y] = shuffleRows(rng, X, y);
  return (p.returnCenters ? [X, y, centers] : [X, y]) as MakeBlobsResult<P>;
}
