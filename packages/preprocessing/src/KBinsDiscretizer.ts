// Port of scikit-learn's sklearn/preprocessing/_discretization.py KBinsDiscretizer (BSD-3-Clause), dense output.
import {
  checkArray,
  checkFeatureNamesIn,
  checkIsFitted,
  InvalidParameterError,
  NotImplementedError,
  ValueError,
  warn,
  type EstimatorTags,
  registerEstimator,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { recordInput, validateNumeric, type Dense } from './internal/dense';
import { float64Str } from './internal/categories';
import { checkRandomState } from './internal/mt19937';
import { ARRAY, intInterval, NONE, strOptions, validateParams } from './internal/params';
import { linspace, percentileSorted } from './internal/stats';
import { Transformer } from './internal/Transformer';

/** Params of {@link KBinsDiscretizer}. */
export interface KBinsDiscretizerParams {
  /** The number of bins, for all features or one per feature (each at least 2). @defaultValue 5 */
  nBins?: number | readonly number[];
  /** One-hot columns (`'onehot-dense'`) or the bin index (`'ordinal'`). @defaultValue 'onehot-dense' */
  encode?: 'onehot-dense' | 'ordinal' | 'onehot';
  /** Bin widths: equal (`'uniform'`) or equally populated (`'quantile'`). @defaultValue 'quantile' */
  strategy?: 'uniform' | 'quantile' | 'kmeans';
  /** numpy dtype of scikit-learn's output, kept for parity (`number[][]` either way). @defaultValue null */
  dtype?: 'float64' | 'float32' | null;
  /** With 'quantile', the number of rows drawn (without replacement) to compute the bins; null: all. @defaultValue null */
  subsample?: number | null;
  /** Seed of the draw of `subsample` (numpy's RandomState: the same rows as scikit-learn). @defaultValue null */
  randomState?: number | null;
}

export interface KBinsDiscretizer extends Required<KBinsDiscretizerParams> {}

const SPEC = {
  nBins: [intInterval(2), ARRAY],
  encode: [strOptions(['onehot', 'onehot-dense', 'ordinal'])],
  strategy: [strOptions(['uniform', 'quantile', 'kmeans'])],
  dtype: [strOptions(['float32', 'float64']), NONE],
  subsample: [intInterval(1), NONE],
  randomState: [intInterval(0, 4294967295), NONE],
};

/** `np.searchsorted(edges, v, side='right')` over the inner edges: the bin index of v. */
function binOf(edges: readonly number[], v: number): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Bins continuous features into intervals: the bin index (`'ordinal'`) or one-hot columns of
 * the bins (`'onehot-dense'`).
 *
 * @example
 * ```ts
 * const X = [[-2, 1, -4, -1], [-1, 2, -3, -0.5], [0, 3, -2, 0.5], [1, 4, -1, 2]];
 * const est = new KBinsDiscretizer({ nBins: 3, encode: 'ordinal', strategy: 'uniform' }).fit(X);
 * est.transform(X); // [[0, 0, 0, 0], [1, 1, 1, 0], [2, 2, 2, 1], [2, 2, 2, 2]]
 * est.binEdges_[0]; // [-2, -1, 0, 1]
 * ```
 * @remarks Dense output only: `encode: 'onehot'` (scikit-learn's sparse default) is rejected and
 * the default is `'onehot-dense'` (the same values as scikit-learn's `.toarray()`). The default
 * `subsample` is null (scikit-learn 1.2.1's placeholder `'warn'` also subsamples nothing). The
 * `'kmeans'` strategy is not implemented.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.KBinsDiscretizer.html
 */
export class KBinsDiscretizer extends Transformer<KBinsDiscretizerParams> {
  static estimatorName = 'KBinsDiscretizer';
  static override defaults = {
    nBins: 5,
    encode: 'onehot-dense',
    strategy: 'quantile',
    dtype: null,
    subsample: null,
    randomState: null,
  } satisfies Required<KBinsDiscretizerParams>;
  static override tags: Partial<EstimatorTags> = { requiresY: false };

  /** The bin edges of each feature (`[-Infinity, Infinity]` for a constant feature). */
  declare binEdges_?: number[][];
  /** The number of bins of each feature (1 for a constant feature). */
  declare nBins_?: number[];

  #checkParams(): void {
    validateParams(this, SPEC);
    if (this.encode === 'onehot') {
      throw new InvalidParameterError(
        "encode='onehot' (a sparse matrix) is not supported by KBinsDiscretizer: scikeras-ts returns dense number[][] only (sparse matrices are a non-goal). Use encode: 'onehot-dense' (the same values) or 'ordinal'.",
      );
    }
    if (this.strategy === 'kmeans') {
      throw new NotImplementedError(
        "strategy='kmeans' is not implemented by scikeras-ts' KBinsDiscretizer; use 'quantile' or 'uniform'.",
      );
    }
  }

  #nBins(d: number): number[] {
    if (typeof this.nBins === 'number') return new Array<number>(d).fill(this.nBins);
    const bins = Array.from(this.nBins as ArrayLike<number>);
    if (bins.length !== d)
      throw new ValueError('nBins must be a scalar or array of shape (n_features,).');
    const bad = bins.flatMap((b, j) => (Number.isInteger(b) && b >= 2 ? [] : [j]));
    if (bad.length > 0) {
      throw new ValueError(
        `KBinsDiscretizer received an invalid number of bins at indices ${bad.join(', ')}. Number of bins must be at least 2, and must be an int.`,
      );
    }
    return bins;
  }

  /** The rows used to compute the bins (a seeded draw of `subsample` rows for 'quantile'). */
  #sample(X: Dense): Dense {
    if (this.strategy !== 'quantile') {
      if (this.subsample !== null && this.subsample !== undefined)
        throw new ValueError(
          `Invalid parameter for \`strategy\`: ${this.strategy}. \`subsample\` must be used with \`strategy="quantile"\`.`,
        );
      return X;
    }
    if (this.subsample === null || this.subsample === undefined || X.n <= this.subsample) return X;
    const idx = checkRandomState(this.randomState).choiceWithoutReplacement(X.n, this.subsample);
    const data = new Float64Array(idx.length * X.d);
    idx.forEach((r, i) => data.set(X.data.subarray(r * X.d, (r + 1) * X.d), i * X.d));
    return { data, n: idx.length, d: X.d, names: X.names };
  }

  #edges(col: Float64Array, nb: number, j: number): number[] {
    const sorted = col.slice().sort();
    const lo = sorted[0]!;
    const hi = sorted[sorted.length - 1]!;
    let edges =
      this.strategy === 'uniform'
        ? linspace(lo, hi, nb + 1)
        : linspace(0, 100, nb + 1).map((q) => percentileSorted(sorted, q));
    if (this.strategy === 'quantile') {
      edges = edges.filter((e, k) => k === 0 || e - edges[k - 1]! > 1e-8);
      if (edges.length - 1 !== nb)
        warn(
          `Bins whose width are too small (i.e., <= 1e-8) in feature ${j} are removed. Consider decreasing the number of bins.`,
        );
    }
    return edges;
  }

  /**
   * Computes the bin edges of each feature.
   *
   * @param X - the training data (finite numbers)
   * @param _y - ignored (accepted for pipelines)
   * @returns this discretizer
   * @throws InvalidParameterError for invalid params, `encode: 'onehot'`
   * @throws ValueError "KBinsDiscretizer received an invalid number of bins at indices 1. Number of bins must be at least 2, and must be an int."
   * @example
   * ```ts
   * new KBinsDiscretizer({ nBins: 2, strategy: 'uniform' }).fit([[0], [4]]).binEdges_; // [[0, 2, 4]]
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    this.#checkParams();
    const full = validateNumeric(this, X, { reset: true, allowNan: false });
    const Xs = this.#sample(full);
    const nBins = this.#nBins(Xs.d);
    const edges: number[][] = [];
    for (let j = 0; j < Xs.d; j++) {
      const col = new Float64Array(Xs.n);
      for (let i = 0; i < Xs.n; i++) col[i] = Xs.data[i * Xs.d + j]!;
      let min = Infinity;
      let max = -Infinity;
      for (const v of col) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (min === max) {
        warn(`Feature ${j} is constant and will be replaced with 0.`);
        nBins[j] = 1;
        edges.push([-Infinity, Infinity]);
        continue;
      }
      edges.push(this.#edges(col, nBins[j]!, j));
      nBins[j] = edges[j]!.length - 1;
    }
    recordInput(this, full);
    this.binEdges_ = edges;
    this.nBins_ = nBins;
    return this;
  }

  /** The bin index of each value. */
  #codes(X: unknown): Dense {
    const Xd = validateNumeric(this, X, { reset: false, allowNan: false });
    const data = new Float64Array(Xd.data.length);
    for (let i = 0; i < Xd.n; i++)
      for (let j = 0; j < Xd.d; j++)
        data[i * Xd.d + j] = binOf(this.binEdges_![j]!, Xd.data[i * Xd.d + j]!);
    return { data, n: Xd.n, d: Xd.d };
  }

  /**
   * Discretizes X: bin indices, or one-hot columns of the bins.
   *
   * @param X - data with as many features as in `fit`
   * @returns the binned rows
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new KBinsDiscretizer({ nBins: 2, strategy: 'uniform' }).fit([[0], [4]]).transform([[3]]); // [[0, 1]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const { data, n, d } = this.#codes(X);
    const nBins = this.nBins_!;
    const onehot = this.encode !== 'ordinal';
    const width = onehot ? nBins.reduce((s, b) => s + b, 0) : d;
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(width).fill(0);
      let off = 0;
      for (let j = 0; j < d; j++) {
        const c = data[i * d + j]!;
        if (onehot) {
          row[off + c] = 1;
          off += nBins[j]!;
        } else row[j] = c;
      }
      out[i] = row;
    }
    return this.wrapOutput(out);
  }

  /**
   * Maps bins back to the centers of their intervals (NaN for a constant feature's bin).
   *
   * @param X - binned data (bin indices, or one-hot columns)
   * @returns the bin centers
   * @throws NotFittedError before `fit`
   * @throws ValueError "Incorrect number of features. Expecting 2, received 3."
   * @example
   * ```ts
   * new KBinsDiscretizer({ nBins: 2, encode: 'ordinal', strategy: 'uniform' }).fit([[0], [4]]).inverseTransform([[1]]); // [[3]]
   * ```
   */
  inverseTransform(X: unknown): number[][] {
    checkIsFitted(this);
    const nBins = this.nBins_!;
    const a = checkArray(X, { estimator: this });
    const n = a.shape[0];
    let m = a.shape[1];
    let codes: Float64Array = a.data as Float64Array;
    if (this.encode !== 'ordinal') {
      const total = nBins.reduce((s, b) => s + b, 0);
      if (m !== total)
        throw new ValueError(
          `Shape of the passed X data is not correct. Expected ${total} columns, got ${m}.`,
        );
      codes = new Float64Array(n * nBins.length);
      const allZero: number[][] = nBins.map(() => []);
      for (let i = 0; i < n; i++) {
        let off = 0;
        nBins.forEach((b, j) => {
          let best = 0;
          let sum = 0;
          for (let k = 0; k < b; k++) {
            sum += a.data[i * m + off + k]!;
            if (a.data[i * m + off + k]! > a.data[i * m + off + best]!) best = k;
          }
          if (sum === 0) allZero[j]!.push(i);
          codes[i * nBins.length + j] = best;
          off += b;
        });
      }
      const zeros = allZero.find((rows) => rows.length > 0); // the first feature, as the encoder
      if (zeros) {
        throw new ValueError(
          `Samples [${zeros.join(' ')}] can not be inverted when drop=null and handleUnknown='error' because they contain all zeros`,
        );
      }
      m = nBins.length;
    }
    if (m !== nBins.length)
      throw new ValueError(
        `Incorrect number of features. Expecting ${nBins.length}, received ${m}.`,
      );
    const centers = this.binEdges_!.map((e) => e.slice(1).map((v, k) => (v + e[k]!) * 0.5));
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      out[i] = centers.map((c, j) => {
        const k = Math.trunc(codes[i * m + j]!);
        const v = c[k < 0 ? c.length + k : k];
        if (v === undefined)
          throw new ValueError(`index ${k} is out of bounds for axis 0 with size ${c.length}`);
        return v;
      });
    }
    return out;
  }

  /**
   * The output feature names: `<feature>_<bin>.0` per bin for one-hot output (scikit-learn's
   * float categories), the input names for ordinal output.
   *
   * @param inputFeatures - names to use instead of `featureNamesIn_` / `x0, x1, ...`
   * @returns one name per output column
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new KBinsDiscretizer({ nBins: 2, strategy: 'uniform' }).fit([[0], [4]]).getFeatureNamesOut(); // ['x0_0.0', 'x0_1.0']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this);
    const names = checkFeatureNamesIn(this, inputFeatures)!;
    if (this.encode === 'ordinal') return names;
    return this.nBins_!.flatMap((b, j) =>
      Array.from({ length: b }, (_, k) => `${names[j]}_${float64Str(k)}`),
    );
  }
}
registerEstimator(KBinsDiscretizer, { module: MODULE_URL });
