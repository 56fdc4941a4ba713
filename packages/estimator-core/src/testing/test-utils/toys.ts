// Toy estimators that keep the protocol, for the tests of checkEstimator.
import { Matrix, solve } from 'ml-matrix';
import { BaseEstimator, type EstimatorTags, type Params } from '../../BaseEstimator';
import { assertAllFinite, checkArray } from '../../checkArray';
import { checkIsFitted } from '../../checkIsFitted';
import { checkNFeatures } from '../../checkNFeatures';
import { checkXY } from '../../checkXY';
import { columnOr1d } from '../../columnOr1d';
import { ValueError } from '../../errors';
import type { Array2D, Label } from '../../types';

export function sortedUnique(y: ArrayLike<Label>): Label[] {
  return [...new Set(Array.from(y))].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a) < String(b)
        ? -1
        : String(a) > String(b)
          ? 1
          : 0,
  );
}

function rowsOf(X: Array2D): Float64Array[] {
  const [n, d] = X.shape;
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from(X.data.subarray(i * d, (i + 1) * d)),
  );
}

export function checkClassificationTargets(y: ArrayLike<Label>): void {
  const nums = Array.from(y).filter((v): v is number => typeof v === 'number');
  assertAllFinite(nums, { inputName: 'y' });
  if (nums.some((v) => !Number.isInteger(v)))
    throw new ValueError("Unknown label type: 'continuous'");
}

export interface NearestCentroidParams {
  /** @defaultValue 1 */
  temperature?: number;
}
export interface NearestCentroid extends Required<NearestCentroidParams> {}
/** A nearest-centroid classifier with async methods and softmax(-d^2 / temperature) probabilities. */
export class NearestCentroid extends BaseEstimator<NearestCentroidParams> {
  // annotated as Params so that subclasses can add params without re-listing these
  static override defaults: Readonly<Params> = {
    temperature: 1,
  } satisfies Required<NearestCentroidParams>;
  declare classes_?: Label[];
  declare centroids_?: number[][];
  declare nFeaturesIn_?: number;

  override get estimatorType() {
    return 'classifier' as const;
  }

  async fit(X: unknown, y: unknown): Promise<this> {
    const { X: Xc, y: yc } = checkXY(X, y, { estimator: this });
    const labels = Array.from(yc as ArrayLike<Label>);
    checkClassificationTargets(labels);
    const classes = sortedUnique(labels);
    const [, d] = Xc.shape;
    const rows = rowsOf(Xc);
    this.centroids_ = classes.map((c) => {
      const members = rows.filter((_, i) => labels[i] === c);
      return Array.from(
        { length: d },
        (_, j) => members.reduce((s, r) => s + r[j]!, 0) / members.length,
      );
    });
    this.classes_ = classes;
    checkNFeatures(this, d, true);
    return this;
  }

  protected distances(X: unknown): number[][] {
    checkIsFitted(this);
    const Xc = checkArray(X, { estimator: this });
    checkNFeatures(this, Xc.shape[1], false);
    return rowsOf(Xc).map((r) =>
      this.centroids_!.map((c) => c.reduce((s, v, j) => s + (v - r[j]!) ** 2, 0)),
    );
  }

  async predictProba(X: unknown): Promise<number[][]> {
    return this.distances(X).map((ds) => {
      const z = ds.map((v) => -v / this.temperature);
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    });
  }

  async predict(X: unknown): Promise<Label[]> {
    return this.distances(X).map((ds) => this.classes_![ds.indexOf(Math.min(...ds))]!);
  }

  async score(X: unknown, y: unknown): Promise<number> {
    const p = await this.predict(X);
    const t = Array.from(columnOr1d(y) as ArrayLike<Label>);
    return p.filter((v, i) => v === t[i]).length / t.length;
  }
}

export interface LeastSquaresParams {
  /** @defaultValue true */
  fitIntercept?: boolean;
  /** @defaultValue 0 */
  alpha?: number;
}
export interface LeastSquares extends Required<LeastSquaresParams> {}
/** Ridge-less least squares (sync methods), multi-output. */
export class LeastSquares extends BaseEstimator<LeastSquaresParams> {
  static override defaults: Readonly<Params> = {
    fitIntercept: true,
    alpha: 0,
  } satisfies Required<LeastSquaresParams>;
  static override tags: Partial<EstimatorTags> = { multioutput: true };
  declare coef_?: Matrix;
  declare intercept_?: number[];
  declare nFeaturesIn_?: number;
  declare oneD_?: boolean;

  override get estimatorType() {
    return 'regressor' as const;
  }

  fit(X: unknown, y: unknown): this {
    const { X: Xc, y: yc } = checkXY(X, y, { estimator: this, multiOutput: true, yNumeric: true });
    const oneD = !Array.isArray((yc as unknown[])[0]);
    const Y = new Matrix(
      oneD ? Array.from(yc as ArrayLike<number>, (v) => [v]) : (yc as number[][]),
    );
    const A = new Matrix(rowsOf(Xc).map((r) => (this.fitIntercept ? [...r, 1] : [...r])));
    const At = A.transpose();
    const G = At.mmul(A);
    for (let i = 0; i < Xc.shape[1]; i++) G.set(i, i, G.get(i, i) + this.alpha + 1e-12);
    const W = solve(G, At.mmul(Y));
    const d = Xc.shape[1];
    this.coef_ = W.subMatrix(0, d - 1, 0, W.columns - 1);
    this.intercept_ = this.fitIntercept ? W.getRow(d) : new Array(W.columns).fill(0);
    this.oneD_ = oneD;
    checkNFeatures(this, d, true);
    return this;
  }

  predict(X: unknown): number[] | number[][] {
    checkIsFitted(this);
    const Xc = checkArray(X, { estimator: this });
    checkNFeatures(this, Xc.shape[1], false);
    const P = new Matrix(rowsOf(Xc).map((r) => [...r])).mmul(this.coef_!);
    const out = P.to2DArray().map((r) => r.map((v, j) => v + this.intercept_![j]!));
    return this.oneD_ ? out.map((r) => r[0]!) : out;
  }

  score(X: unknown, y: unknown): number {
    const p = (this.predict(X) as number[]).flat();
    const t = Array.isArray((y as unknown[])[0])
      ? (y as number[][]).flat()
      : Array.from(y as ArrayLike<number>);
    const m = t.reduce((a, b) => a + b, 0) / t.length;
    const ssr = t.reduce((s, v, i) => s + (v - p[i]!) ** 2, 0);
    const sst = t.reduce((s, v) => s + (v - m) ** 2, 0);
    return 1 - ssr / sst;
  }
}

/** A tiny label encoder: labels to 0..k-1 and back. */
export class TinyLabelEncoder extends BaseEstimator {
  static override tags: Partial<EstimatorTags> = { XTypes: ['1dlabels'], requiresY: false };
  declare classes_?: Label[];

  override get estimatorType() {
    return 'transformer' as const;
  }

  fit(y: unknown): this {
    const labels = Array.from(columnOr1d(y) as ArrayLike<Label>);
    if (labels.length === 0) throw new ValueError('y has 0 samples.');
    checkClassificationTargets(
      labels.map((v) => (typeof v === 'number' && Number.isInteger(v) ? 0 : v)),
    );
    this.classes_ = sortedUnique(labels);
    return this;
  }

  transform(y: unknown): number[] {
    checkIsFitted(this);
    const labels = Array.from(columnOr1d(y) as ArrayLike<Label>);
    const unseen = sortedUnique(labels.filter((v) => !this.classes_!.includes(v)));
    if (unseen.length > 0)
      throw new ValueError(
        `y contains previously unseen labels: [${unseen.map((u) => (typeof u === 'string' ? `'${u}'` : String(u))).join(', ')}]`,
      );
    return labels.map((v) => this.classes_!.indexOf(v));
  }

  fitTransform(y: unknown): number[] {
    return this.fit(y).transform(y);
  }

  inverseTransform(codes: unknown): Label[] {
    checkIsFitted(this);
    return Array.from(codes as ArrayLike<number>, (i) => {
      const c = this.classes_![i];
      if (c === undefined) throw new ValueError(`y contains previously unseen labels: [${i}]`);
      return c;
    });
  }
}

export interface CentererParams {
  /** @defaultValue true */
  withMean?: boolean;
}
export interface Centerer extends Required<CentererParams> {}
/** Subtracts the column means seen in fit (a transformer of X, unsupervised). */
export class Centerer extends BaseEstimator<CentererParams> {
  static override defaults: Readonly<Params> = {
    withMean: true,
  } satisfies Required<CentererParams>;
  static override tags: Partial<EstimatorTags> = { requiresY: false };
  declare mean_?: number[];
  declare nFeaturesIn_?: number;

  override get estimatorType() {
    return 'transformer' as const;
  }

  fit(X: unknown): this {
    const Xc = checkArray(X, { estimator: this });
    const [n, d] = Xc.shape;
    const mean = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += Xc.data[i * d + j]! / n;
    this.mean_ = this.withMean ? mean : mean.map(() => 0);
    checkNFeatures(this, d, true);
    return this;
  }

  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const Xc = checkArray(X, { estimator: this });
    checkNFeatures(this, Xc.shape[1], false);
    return rowsOf(Xc).map((r) => Array.from(r, (v, j) => v - this.mean_![j]!));
  }

  fitTransform(X: unknown): number[][] {
    return this.fit(X).transform(X);
  }
}
