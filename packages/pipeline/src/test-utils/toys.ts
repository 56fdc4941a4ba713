// The test doubles of scikit-learn's sklearn/tests/test_pipeline.py and
// sklearn/compose/tests/test_column_transformer.py (BSD-3-Clause), in TypeScript.
import { isPlainObject } from '../internal/isPlainObject';
import {
  BaseEstimator,
  ValueError,
  isTensorLike,
  type EstimatorTags,
  type Params,
} from '@scikeras/estimator-core';

type Rows = number[][];

function rows(X: unknown): Rows {
  return (X as unknown[][]).map((r) => Array.from(r as ArrayLike<number>));
}

/** No fit: not an estimator of any kind. */
export class NoFit {
  a: unknown;
  b: unknown;
  constructor(params: { a?: unknown; b?: unknown } = {}) {
    this.a = params.a ?? null;
    this.b = params.b ?? null;
  }
}

/** fit but no transform; its own getParams/setParams (setParams sets `a` only). */
export class NoTrans extends NoFit {
  fit(_X?: unknown, _y?: unknown): this {
    return this;
  }
  getParams(_deep = false): Record<string, unknown> {
    return { a: this.a, b: this.b };
  }
  setParams(params: Record<string, unknown>): this {
    this.a = params.a;
    return this;
  }
}

/** transform without inverseTransform. */
export class NoInvTransf extends NoTrans {
  transform(X: unknown): unknown {
    return X;
  }
}

/** The identity transformer. */
export class Transf extends NoInvTransf {
  inverseTransform(X: unknown): unknown {
    return X;
  }
}

/** Records the options its fit got. */
export class TransfFitParams extends Transf {
  fitParams?: Record<string, unknown>;
  override fit(_X?: unknown, _y?: unknown, options: Record<string, unknown> = {}): this {
    this.fitParams = options;
    return this;
  }
}

export interface MultParams {
  mult?: number;
}
export interface Mult extends Required<MultParams> {}
/** Multiplies X by `mult`; predict sums the scaled row; score sums X. */
export class Mult extends BaseEstimator<MultParams> {
  static estimatorName = 'Mult';
  static override defaults: Readonly<Params> = { mult: 1 };
  fit(_X?: unknown, _y?: unknown): this {
    return this;
  }
  transform(X: unknown): Rows {
    return rows(X).map((r) => r.map((v) => v * this.mult));
  }
  inverseTransform(X: unknown): Rows {
    return rows(X).map((r) => r.map((v) => v / this.mult));
  }
  predict(X: unknown): number[] {
    return rows(X).map((r) => r.reduce((s, v) => s + v * this.mult, 0));
  }
  predictProba(X: unknown): number[] {
    return this.predict(X);
  }
  predictLogProba(X: unknown): number[] {
    return this.predict(X);
  }
  decisionFunction(X: unknown): number[] {
    return this.predict(X);
  }
  score(X: unknown, _y?: unknown): number {
    return rows(X)
      .flat()
      .reduce((s, v) => s + v, 0);
  }
}

/** Mock classifier: fit(X, y, { shouldSucceed }) (returns nothing, as in scikit-learn's test). */
export class FitParamT extends BaseEstimator {
  static estimatorName = 'FitParamT';
  successful?: boolean;
  fit(_X: unknown, _y: unknown, options: { shouldSucceed?: boolean } = {}): void {
    for (const k of Object.keys(options))
      if (k !== 'shouldSucceed')
        throw new TypeError(`fit() got an unexpected keyword argument '${k}'`);
    this.successful = options.shouldSucceed ?? false;
  }
  predict(_X: unknown): boolean {
    return this.successful ?? false;
  }
  fitPredict(X: unknown, y: unknown, options: { shouldSucceed?: boolean } = {}): boolean {
    this.fit(X, y, options);
    return this.predict(X);
  }
  score(X: unknown, _y?: unknown, options: { sampleWeight?: number[] } = {}): number {
    const sw = options.sampleWeight;
    return rows(X)
      .map((r) => r.reduce((s, v, j) => s + v * (sw ? sw[j]! : 1), 0))
      .reduce((a, b) => a + b, 0);
  }
}

let clock = 0;
/** Transf that stores the column means and a fit stamp (to see whether it was refitted). */
export class DummyTransf extends Transf {
  means_?: number[];
  timestamp_?: number;
  override fit(X: unknown): this {
    const r = rows(X);
    this.means_ = r[0]!.map((_, j) => r.reduce((s, row) => s + row[j]!, 0) / r.length);
    this.timestamp_ = ++clock;
    return this;
  }
}

/** Predict methods that record the options they got. */
export class DummyEstimatorParams extends BaseEstimator {
  static estimatorName = 'DummyEstimatorParams';
  gotAttribute?: boolean;
  fit(): this {
    return this;
  }
  predict(_X: unknown, options: { gotAttribute?: boolean } = {}): this {
    this.gotAttribute = options.gotAttribute ?? false;
    return this;
  }
  predictProba(X: unknown, options: { gotAttribute?: boolean } = {}): this {
    return this.predict(X, options);
  }
  predictLogProba(X: unknown, options: { gotAttribute?: boolean } = {}): this {
    return this.predict(X, options);
  }
}

/** Keeps the feature names of records in fit; names out = names in. */
export class FeatureNameSaver extends BaseEstimator {
  static estimatorName = 'FeatureNameSaver';
  static override tags: Partial<EstimatorTags> = { XTypes: ['2darray', 'records'] };
  featureNamesIn_?: string[];
  nFeaturesIn_?: number;
  fit(X: unknown): this {
    const first = (X as unknown[])[0];
    if (isPlainObject(first)) this.featureNamesIn_ = Object.keys(first);
    this.nFeaturesIn_ = isPlainObject(first)
      ? Object.keys(first).length
      : (first as unknown[]).length;
    return this;
  }
  transform(X: unknown): unknown {
    return X;
  }
  getFeatureNamesOut(
    inputFeatures?: readonly string[] | null,
  ): readonly string[] | null | undefined {
    return inputFeatures;
  }
}

/** ColumnTransformer test's Trans: identity, a 1-D column becomes a 2-D one. */
export class Trans extends BaseEstimator {
  static estimatorName = 'Trans';
  fit(_X?: unknown, _y?: unknown): this {
    return this;
  }
  transform(X: unknown): unknown {
    if (Array.isArray(X) && X.length > 0 && !Array.isArray(X[0]) && !isPlainObject(X[0]))
      return X.map((v) => [v]);
    return X;
  }
}

/** Doubles X. */
export class DoubleTrans extends BaseEstimator {
  static estimatorName = 'DoubleTrans';
  fit(_X?: unknown, _y?: unknown): this {
    return this;
  }
  transform(X: unknown): Rows {
    return rows(X).map((r) => r.map((v) => 2 * v));
  }
}

/** Returns X as it is (a 1-D column stays 1-D). */
export class TransNo2D extends BaseEstimator {
  static estimatorName = 'TransNo2D';
  fit(): this {
    return this;
  }
  transform(X: unknown): unknown {
    return X;
  }
}

/** fit and transform throw ValueError('specific message'). */
export class TransRaise extends BaseEstimator {
  static estimatorName = 'TransRaise';
  fit(): this {
    throw new ValueError('specific message');
  }
  transform(): never {
    throw new ValueError('specific message');
  }
}

export interface TransWithNamesParams {
  featureNamesOut?: string[] | null;
}
export interface TransWithNames extends Required<TransWithNamesParams> {}
/** Trans with getFeatureNamesOut: the given names, else the input names. */
export class TransWithNames extends BaseEstimator<TransWithNamesParams> {
  static estimatorName = 'TransWithNames';
  static override defaults: Readonly<Params> = { featureNamesOut: null };
  fit(): this {
    return this;
  }
  transform(X: unknown): unknown {
    return new Trans().transform(X);
  }
  getFeatureNamesOut(
    inputFeatures?: readonly string[] | null,
  ): readonly string[] | null | undefined {
    return this.featureNamesOut ?? inputFeatures;
  }
}

/** A tensor stand-in: `dispose()` is counted, `arraySync()`/`dataSync()` read it. */
export class FakeTensor {
  readonly rank = 2;
  readonly dtype = 'float32';
  disposed = 0;
  readonly shape: [number, number];
  constructor(readonly rowsOf: number[][]) {
    this.shape = [rowsOf.length, rowsOf[0]?.length ?? 0];
  }
  dataSync(): Float32Array {
    return Float32Array.from(this.rowsOf.flat());
  }
  arraySync(): number[][] {
    return this.rowsOf;
  }
  gather(): FakeTensor {
    return this;
  }
  dispose(): void {
    this.disposed++;
  }
}

export interface TensorTrans extends Required<MultParams> {}
/** A transformer whose output is a FakeTensor (a Keras transformer stand-in), scaled by `mult`. */
export class TensorTrans extends BaseEstimator<MultParams> {
  static estimatorName = 'TensorTrans';
  static override defaults: Readonly<Params> = { mult: 1 };
  made: FakeTensor[] = [];
  fit(): this {
    return this;
  }
  predict(X: unknown): number[] {
    return new Mult({ mult: this.mult }).predict(
      isTensorLike(X) ? (X as unknown as FakeTensor).rowsOf : X,
    );
  }
  transform(X: unknown): FakeTensor {
    const src = isTensorLike(X) ? (X as unknown as FakeTensor).rowsOf : rows(X);
    const t = new FakeTensor(src.map((r) => r.map((v) => v * this.mult)));
    this.made.push(t);
    return t;
  }
}
