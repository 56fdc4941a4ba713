// Test twins of scikit-learn's StandardScaler and OneHotEncoder (exact on dense data), and
// small nearest-centroid classifiers (sync and async) that keep the estimator protocol.
import { isPlainObject } from '../internal/isPlainObject';
import {
  BaseEstimator,
  ValueError,
  checkArray,
  checkIsFitted,
  checkNFeatures,
  checkFeatureNamesIn,
  checkXY,
  columnOr1d,
  toArray2D,
  type Array2D,
  type EstimatorTags,
  type Label,
  type Params,
} from '@scikeras/estimator-core';

function rowsOf(X: Array2D): number[][] {
  const [n, d] = X.shape;
  return Array.from({ length: n }, (_, i) => Array.from(X.data.subarray(i * d, (i + 1) * d)));
}

export interface StandardScalerParams {
  withMean?: boolean;
  withStd?: boolean;
  copy?: boolean;
}
export interface StandardScaler extends Required<StandardScalerParams> {}
/** scikit-learn's StandardScaler on dense data: NaN ignored in the statistics and kept, ddof 0, zero variance scales by 1. */
export class StandardScaler extends BaseEstimator<StandardScalerParams> {
  static estimatorName = 'StandardScaler';
  static override defaults: Readonly<Params> = { withMean: true, withStd: true, copy: true };
  static override tags: Partial<EstimatorTags> = { allowNan: true, requiresY: false };
  declare mean_?: number[] | null;
  declare var_?: number[] | null;
  declare scale_?: number[] | null;
  declare nFeaturesIn_?: number;
  declare nSamplesSeen_?: number | number[];

  override get estimatorType() {
    return 'transformer' as const;
  }

  fit(X: unknown, _y?: unknown): this {
    const Xc = checkArray(X, { estimator: this, forceAllFinite: 'allow-nan', dtype: 'float64' });
    const [n, d] = Xc.shape;
    const mean: number[] = [];
    const variance: number[] = [];
    const counts: number[] = [];
    for (let j = 0; j < d; j++) {
      let s = 0;
      let c = 0;
      for (let i = 0; i < n; i++) {
        const v = Xc.data[i * d + j]!;
        if (Number.isNaN(v)) continue;
        s += v;
        c++;
      }
      const m = s / c;
      let corr = 0;
      let sq = 0;
      for (let i = 0; i < n; i++) {
        const v = Xc.data[i * d + j]!;
        if (Number.isNaN(v)) continue;
        corr += v - m;
        sq += (v - m) ** 2;
      }
      mean.push(m);
      variance.push((sq - (corr * corr) / c) / c);
      counts.push(c);
    }
    this.mean_ = this.withMean ? mean : null;
    this.var_ = this.withStd ? variance : null;
    this.scale_ = this.withStd
      ? variance.map((v) => {
          const s = Math.sqrt(v);
          return s < 10 * Number.EPSILON ? 1 : s;
        })
      : null;
    this.nSamplesSeen_ = counts.every((c) => c === n) ? n : counts;
    checkNFeatures(this, d, true);
    return this;
  }

  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const Xc = checkArray(X, { estimator: this, forceAllFinite: 'allow-nan', dtype: 'float64' });
    checkNFeatures(this, Xc.shape[1], false);
    return rowsOf(Xc).map((r) =>
      r.map(
        (v, j) => (v - (this.mean_ ? this.mean_[j]! : 0)) / (this.scale_ ? this.scale_[j]! : 1),
      ),
    );
  }

  inverseTransform(X: unknown): number[][] {
    checkIsFitted(this);
    const Xc = checkArray(X, { estimator: this, forceAllFinite: 'allow-nan', dtype: 'float64' });
    return rowsOf(Xc).map((r) =>
      r.map((v, j) => v * (this.scale_ ? this.scale_[j]! : 1) + (this.mean_ ? this.mean_[j]! : 0)),
    );
  }

  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this);
    return checkFeatureNamesIn(this, inputFeatures)!;
  }
}

function compareCategories(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The columns of X (rows of values, or records with their names). */
function columnsOf(
  X: unknown,
  names: readonly string[] | undefined,
): { cols: Label[][]; names?: string[] } {
  if (Array.isArray(X) && X.length > 0 && isPlainObject(X[0])) {
    const keys = names ? [...names] : Object.keys(X[0] as object);
    return { cols: keys.map((k) => X.map((r) => (r as Record<string, Label>)[k]!)), names: keys };
  }
  if (!Array.isArray(X) || X.length === 0 || !X.every((r) => Array.isArray(r))) {
    toArray2D(X); // its canonical error for 1-D, scalar or empty X
    throw new ValueError('OneHotEncoder needs rows of values or records.');
  }
  const d = (X[0] as unknown[]).length;
  if (d === 0)
    throw new ValueError(
      `Found array with 0 feature(s) (shape=(${X.length}, 0)) while a minimum of 1 is required by OneHotEncoder.`,
    );
  return { cols: Array.from({ length: d }, (_, j) => X.map((r) => (r as Label[])[j]!)) };
}

export interface OneHotEncoderParams {
  handleUnknown?: 'error' | 'ignore';
}
export interface OneHotEncoder extends Required<OneHotEncoderParams> {}
/** scikit-learn's OneHotEncoder (categories 'auto', dense output); takes rows of values or records. */
export class OneHotEncoder extends BaseEstimator<OneHotEncoderParams> {
  static estimatorName = 'OneHotEncoder';
  static override defaults: Readonly<Params> = { handleUnknown: 'error' };
  static override tags: Partial<EstimatorTags> = {
    XTypes: ['2darray', 'records'],
    requiresY: false,
  };
  declare categories_?: Label[][];
  declare nFeaturesIn_?: number;
  declare featureNamesIn_?: string[];

  override get estimatorType() {
    return 'transformer' as const;
  }

  fit(X: unknown, _y?: unknown): this {
    const { cols, names } = columnsOf(X, undefined);
    this.categories_ = cols.map((c) => {
      const kinds = new Set(c.map((v) => typeof v));
      if (kinds.size > 1)
        throw new ValueError(
          `Encoders require their input to be uniformly strings or numbers. Got ${[...kinds].sort().join(', ')}`,
        );
      return [...new Set(c)].sort(compareCategories);
    });
    checkNFeatures(this, cols.length, true);
    if (names) this.featureNamesIn_ = names;
    else delete this.featureNamesIn_;
    return this;
  }

  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const { cols } = columnsOf(X, this.featureNamesIn_);
    checkNFeatures(this, cols.length, false);
    const n = cols[0]!.length;
    return Array.from({ length: n }, (_, i) =>
      cols.flatMap((c, j) => {
        const cats = this.categories_![j]!;
        const k = cats.indexOf(c[i]!);
        if (k < 0 && this.handleUnknown === 'error')
          throw new ValueError(
            `Found unknown categories ['${String(c[i])}'] in column ${j} during transform`,
          );
        return cats.map((_, m) => (m === k ? 1 : 0));
      }),
    );
  }

  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this);
    const names = checkFeatureNamesIn(this, inputFeatures)!;
    return this.categories_!.flatMap((cats, j) => cats.map((c) => `${names[j]}_${String(c)}`));
  }
}

export interface CentroidClassifierParams {
  /** Softmax temperature of predictProba. */
  temperature?: number;
}
export interface CentroidClassifier extends Required<CentroidClassifierParams> {}
/** A nearest-centroid classifier with synchronous methods. */
export class CentroidClassifier extends BaseEstimator<CentroidClassifierParams> {
  static estimatorName = 'CentroidClassifier';
  static override defaults: Readonly<Params> = { temperature: 1 };
  declare classes_?: Label[];
  declare centroids_?: number[][];
  declare nFeaturesIn_?: number;
  /** How many rows the last fit saw (tests of leakage read it). */
  declare nSamplesFit_?: number;

  override get estimatorType() {
    return 'classifier' as const;
  }

  fit(X: unknown, y: unknown, options: { sampleWeight?: ArrayLike<number> } = {}): this {
    const { X: Xc, y: yc } = checkXY(X, y, { estimator: this });
    const labels = Array.from(yc as ArrayLike<Label>);
    const nums = labels.filter((v): v is number => typeof v === 'number');
    if (nums.some((v) => !Number.isFinite(v)))
      throw new ValueError('Input y contains NaN or infinity.');
    if (nums.some((v) => !Number.isInteger(v)))
      throw new ValueError("Unknown label type: 'continuous'");
    const w = options.sampleWeight ? Array.from(options.sampleWeight) : labels.map(() => 1);
    const rows = rowsOf(Xc);
    const classes = [...new Set(labels)].sort(compareCategories);
    this.centroids_ = classes.map((c) => {
      const idx = labels.flatMap((l, i) => (l === c ? [i] : []));
      const tw = idx.reduce((s, i) => s + w[i]!, 0);
      return rows[0]!.map((_, j) => idx.reduce((s, i) => s + w[i]! * rows[i]![j]!, 0) / tw);
    });
    this.classes_ = classes;
    this.nSamplesFit_ = rows.length;
    checkNFeatures(this, Xc.shape[1], true);
    return this;
  }

  private distances(X: unknown): number[][] {
    checkIsFitted(this);
    const Xc = checkArray(X, { estimator: this });
    checkNFeatures(this, Xc.shape[1], false);
    return rowsOf(Xc).map((r) =>
      this.centroids_!.map((c) => c.reduce((s, v, j) => s + (v - r[j]!) ** 2, 0)),
    );
  }

  predictProba(X: unknown): number[][] {
    return this.distances(X).map((ds) => {
      const z = ds.map((v) => -v / this.temperature);
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    });
  }

  predict(X: unknown): Label[] {
    return this.distances(X).map((ds) => this.classes_![ds.indexOf(Math.min(...ds))]!);
  }

  score(X: unknown, y: unknown, options: { sampleWeight?: ArrayLike<number> } = {}): number {
    const p = this.predict(X);
    const t = Array.from(columnOr1d(y) as ArrayLike<Label>);
    const w = options.sampleWeight ? Array.from(options.sampleWeight) : t.map(() => 1);
    const tw = w.reduce((a, b) => a + b, 0);
    let hit = 0;
    p.forEach((v, i) => {
      if (v === t[i]) hit += w[i]!;
    });
    return hit / tw;
  }
}

/** How many times `dispose` was called on each AsyncCentroidClassifier. */
export const disposals = new WeakMap<object, number>();

export interface AsyncCentroidClassifier extends Required<CentroidClassifierParams> {}
/** The same classifier with async `fit`, `predict`, `predictProba` and `score` (like the Keras wrappers), and a `dispose` that counts calls. */
export class AsyncCentroidClassifier extends BaseEstimator<CentroidClassifierParams> {
  static estimatorName = 'AsyncCentroidClassifier';
  static override defaults: Readonly<Params> = { temperature: 1 };
  declare inner_?: CentroidClassifier;
  declare classes_?: Label[];
  declare nFeaturesIn_?: number;
  declare fitOptions_?: Record<string, unknown>;

  override get estimatorType() {
    return 'classifier' as const;
  }

  async fit(X: unknown, y: unknown, options: Record<string, unknown> = {}): Promise<this> {
    await new Promise((r) => setTimeout(r, 1));
    const inner = new CentroidClassifier({ temperature: this.temperature });
    inner.fit(X, y, options as { sampleWeight?: number[] });
    this.inner_ = inner;
    this.classes_ = inner.classes_;
    this.nFeaturesIn_ = inner.nFeaturesIn_;
    this.fitOptions_ = options;
    return this;
  }

  private ready(): CentroidClassifier {
    checkIsFitted(this, 'inner_');
    return this.inner_!;
  }

  async predict(X: unknown): Promise<Label[]> {
    return this.ready().predict(X);
  }

  async predictProba(X: unknown): Promise<number[][]> {
    return this.ready().predictProba(X);
  }

  async score(
    X: unknown,
    y: unknown,
    options: { sampleWeight?: ArrayLike<number> } = {},
  ): Promise<number> {
    return this.ready().score(X, y, options);
  }

  dispose(): void {
    disposals.set(this, (disposals.get(this) ?? 0) + 1);
  }
}

/** scikit-learn's Normalizer (l2 rows; rejects NaN and infinity, as check_array does by default). */
export class Normalizer extends BaseEstimator {
  static estimatorName = 'Normalizer';
  static override tags: Partial<EstimatorTags> = { requiresY: false };
  declare nFeaturesIn_?: number;

  override get estimatorType() {
    return 'transformer' as const;
  }

  fit(X: unknown, _y?: unknown): this {
    const Xc = checkArray(X, { estimator: this });
    checkNFeatures(this, Xc.shape[1], true);
    return this;
  }

  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const Xc = checkArray(X, { estimator: this });
    checkNFeatures(this, Xc.shape[1], false);
    return rowsOf(Xc).map((r) => {
      const norm = Math.sqrt(r.reduce((s, v) => s + v * v, 0)) || 1;
      return r.map((v) => v / norm);
    });
  }
}
