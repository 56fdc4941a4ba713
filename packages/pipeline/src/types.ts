// The estimator protocol as the meta-estimators of this package see it (duck-typed).
import type { EstimatorLike, EstimatorTags } from '@scikeras/estimator-core';
import type { MaybePromise } from './maybeAsync';

/**
 * What a step of a `Pipeline` (or a transformer of a `ColumnTransformer`/`FeatureUnion`)
 * needs: the params protocol and `fit`; every other method is optional and used when present.
 * Methods may return values or Promises (the Keras wrappers are async).
 *
 * @example
 * ```ts
 * const step: StepEstimator = new KerasClassifier({ model: build });
 * ```
 */
export interface StepEstimator extends EstimatorLike {
  /** Fits the step on `(X, y)`. */
  fit(X: any, y?: any, options?: any): unknown;
  /** `X` transformed (every step but the last is a transformer). */
  transform?(X: any): unknown;
  /** Fits, then transforms the same `X`. */
  fitTransform?(X: any, y?: any, options?: any): unknown;
  /** `X` mapped back to the step's input space. */
  inverseTransform?(X: any): unknown;
  /** Predictions for `X` (last step). */
  predict?(X: any, options?: any): unknown;
  /** Class probabilities for `X` (last step). */
  predictProba?(X: any, options?: any): unknown;
  /** Log class probabilities for `X` (last step). */
  predictLogProba?(X: any, options?: any): unknown;
  /** Confidence scores for `X` (last step). */
  decisionFunction?(X: any): unknown;
  /** Per-sample scores for `X` (last step). */
  scoreSamples?(X: any): unknown;
  /** Fits, then predicts the same `X` (last step). */
  fitPredict?(X: any, y?: any, options?: any): unknown;
  /** The step's default score on `(X, y)` (last step). */
  score?(X: any, y?: any, options?: any): unknown;
  /** The names of the step's output features. */
  getFeatureNamesOut?(inputFeatures?: readonly string[] | null): unknown;
  /** The step's tags. */
  getTags?(): Partial<EstimatorTags>;
  /** Frees what the step holds (tensors, models). */
  dispose?(): void;
  readonly estimatorType?: string;
}

/** The string that stands for "no transformation" in a step's place. */
export type Passthrough = 'passthrough';

/**
 * One step of a `Pipeline`: `[name, estimator]`; the estimator may be `'passthrough'` or
 * `null` (both skip the step), scikit-learn's `(name, estimator)` tuple.
 */
export type PipelineStep = readonly [name: string, estimator: StepEstimator | Passthrough | null];

/** One transformer of a `FeatureUnion`: `[name, transformer | 'drop' | 'passthrough']`. */
export type UnionTransformer = readonly [
  name: string,
  transformer: StepEstimator | 'drop' | Passthrough,
];

/** A `{ start, stop }` column slice: numbers are positions (stop excluded, as Python), strings names (stop included, as pandas). */
export interface ColumnSlice {
  start?: number | string | null;
  stop?: number | string | null;
}

/** What selects columns from the data a `ColumnSelector`-like object is given. */
export interface ColumnSelectorLike {
  /** The columns of `X` to pick: names, or positions. */
  select(X: unknown): readonly string[] | readonly number[];
}

/**
 * The columns of one `ColumnTransformer` transformer: a position or a name (scalar: the
 * transformer gets a 1-D column), arrays of positions (negative count from the end), names or
 * booleans (a mask), a `{ start, stop }` slice, a `ColumnSelector` (see `makeColumnSelector`),
 * or a function of X that returns any of these.
 */
export type ColumnSpec =
  | number
  | string
  | readonly number[]
  | readonly string[]
  | readonly boolean[]
  | ColumnSlice
  | ColumnSelectorLike
  | ((X: any) => ColumnSpec);

/** One transformer of a `ColumnTransformer`: `[name, transformer | 'drop' | 'passthrough', columns]`. */
export type ColumnTransformerEntry = readonly [
  name: string,
  transformer: StepEstimator | 'drop' | Passthrough,
  columns: ColumnSpec,
];

/**
 * The joblib.Memory interface `Pipeline` caches fitted transformers with: `cache(fn)` returns
 * a function with the same signature that may return a stored result instead of calling `fn`.
 */
export interface Memory {
  /**
   * `fn` memoized (e.g. a transformer's fit), with the same signature.
   *
   * @typeParam F - the cached function's type
   */
  cache<F extends (...args: any[]) => any>(fn: F): F;
}

/** The `{ start, stop }` range of output columns one transformer produced (`outputIndices_`). */
export interface OutputSlice {
  start: number;
  stop: number;
}

/**
 * An estimator whose `transform` and `fitTransform` return `Out` (what `setOutput({ transform:
 * 'array2d' })` returns, typed for the new container).
 */
export type WithOutput<T, Out> = {
  transform(X: unknown): MaybePromise<Out>;
  fitTransform(X: unknown, y?: unknown): MaybePromise<Out>;
} & T;
