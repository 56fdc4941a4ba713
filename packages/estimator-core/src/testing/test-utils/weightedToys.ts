// Toy estimators for the sample-weight, multilabel, save/load and partialFit checks.
import { BaseEstimator, type Params } from '../../BaseEstimator';
import { checkArray } from '../../checkArray';
import { checkIsFitted } from '../../checkIsFitted';
import { checkNFeatures } from '../../checkNFeatures';
import { ValueError } from '../../errors';
import type { Label } from '../../types';
import { checkXY } from '../../checkXY';
import { NearestCentroid, checkClassificationTargets, sortedUnique } from './toys';

function rows(X: unknown): number[][] {
  const { data, shape } = checkArray(X);
  const [n, d] = shape;
  return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
}

function weightsOf(sampleWeight: unknown, n: number): number[] {
  if (sampleWeight === undefined || sampleWeight === null) return new Array<number>(n).fill(1);
  const w = Array.from(sampleWeight as ArrayLike<unknown>, Number);
  if (w.length !== n || w.some((v) => !Number.isFinite(v)))
    throw new ValueError(`sample_weight.shape == (${w.length},), expected (${n},)!`);
  return w;
}

/**
 * A nearest-centroid classifier with weighted centroids: `fit(X, y, { sampleWeight })`,
 * `partialFit` (running weighted sums), and fitted state that is plain data (a JSON round trip
 * restores it).
 */
export class WeightedCentroid extends NearestCentroid {
  static override tags = { sampleWeight: true };
  declare sums_?: number[][];
  declare totals_?: number[];

  override async fit(
    X: unknown,
    y: unknown,
    options: { sampleWeight?: unknown } = {},
  ): Promise<this> {
    delete this.classes_;
    delete this.nFeaturesIn_;
    return this.partialFit(X, y, options);
  }

  async partialFit(
    X: unknown,
    y: unknown,
    options: { sampleWeight?: unknown; classes?: Label[] } = {},
  ): Promise<this> {
    const { X: Xc, y: yc } = checkXY(X, y, { estimator: this });
    const Xr = rows(Xc);
    const labels = Array.from(yc as ArrayLike<Label>);
    checkClassificationTargets(labels);
    const w = weightsOf(options.sampleWeight, Xr.length);
    const d = Xr[0]!.length;
    const first = this.classes_ === undefined;
    checkNFeatures(this, d, first);
    if (first) {
      this.classes_ = sortedUnique(options.classes ?? labels);
      this.sums_ = this.classes_.map(() => new Array<number>(d).fill(0));
      this.totals_ = this.classes_.map(() => 0);
    }
    Xr.forEach((r, i) => {
      const k = this.classes_!.indexOf(labels[i]!);
      r.forEach((v, j) => (this.sums_![k]![j]! += w[i]! * v));
      this.totals_![k]! += w[i]!;
    });
    this.centroids_ = this.sums_!.map((s, k) => s.map((v) => v / (this.totals_![k]! || 1)));
    return this;
  }
}

/** Saves a {@link WeightedCentroid} as JSON and loads it back: the `roundTrip` of its checks. */
export function jsonRoundTrip(est: object): WeightedCentroid {
  const e = est as WeightedCentroid;
  const copy = new (e.constructor as new (p: Params) => WeightedCentroid)(e.getParams(false));
  const fitted = Object.fromEntries(Object.entries(e).filter(([k]) => k.endsWith('_')));
  return Object.assign(copy, JSON.parse(JSON.stringify(fitted)) as Params);
}

/**
 * A multilabel classifier: one weighted nearest centroid per label column; `predict` gives
 * 0/1 rows, `predictProba` the probability of each label.
 */
export class LabelwiseCentroid extends BaseEstimator {
  static override defaults = {};
  static override tags = { multilabel: true, multioutput: true };
  declare parts_?: NearestCentroid[];
  declare classes_?: Label[][];
  declare nFeaturesIn_?: number;

  override get estimatorType() {
    return 'classifier' as const;
  }

  async fit(X: unknown, y: unknown): Promise<this> {
    const Y = Array.from(y as ArrayLike<ArrayLike<Label>>, (r) => Array.from(r));
    if (!Array.isArray(Y[0])) {
      this.parts_ = [await new NearestCentroid().fit(X, Y)];
      this.classes_ = [this.parts_[0]!.classes_!];
    } else {
      const k = Y[0].length;
      this.parts_ = await Promise.all(
        Array.from({ length: k }, (_, j) =>
          new NearestCentroid().fit(
            X,
            Y.map((r) => r[j]!),
          ),
        ),
      );
      this.classes_ = this.parts_.map((p) => p.classes_!);
    }
    this.nFeaturesIn_ = this.parts_[0]!.nFeaturesIn_;
    return this;
  }

  async predict(X: unknown): Promise<Label[] | Label[][]> {
    checkIsFitted(this);
    const cols = await Promise.all(this.parts_!.map((p) => p.predict(X)));
    if (cols.length === 1) return cols[0]!;
    return cols[0]!.map((_, i) => cols.map((c) => c[i]!));
  }

  async predictProba(X: unknown): Promise<number[][]> {
    checkIsFitted(this);
    const ps = await Promise.all(this.parts_!.map((p) => p.predictProba(X)));
    if (ps.length === 1) return ps[0]!;
    return ps[0]!.map((_, i) => ps.map((p) => p[i]![p[i]!.length - 1]!));
  }
}
