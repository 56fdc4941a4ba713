// What every transformer of this package shares: scikit-learn's TransformerMixin (fit_transform)
// and OneToOneFeatureMixin (get_feature_names_out), on estimator-core's BaseEstimator.
import {
  BaseEstimator,
  checkFeatureNamesIn,
  checkIsFitted,
  getOutputConfig,
  setOutputConfig,
  wrapTransformOutput,
  type Array2D,
  type EstimatorTags,
  type EstimatorType,
  type OutputConfig,
} from '@scikeras/estimator-core';

/**
 * A transformer whose `transform` and `fitTransform` return `Out` (what `setOutput({ transform:
 * 'array2d' })` returns, typed for the new container).
 */
export type WithOutput<T, Out> = {
  transform(X: unknown): Out;
  fitTransform(X: unknown, y?: unknown): Out;
} & T;

/**
 * Base of the transformers: `estimatorType` `'transformer'`, `fitTransform`, `setOutput`, and the
 * fitted `nFeaturesIn_` / `featureNamesIn_` every transformer records. `Out` is what `transform`
 * returns by default, `ArrayOut` what it returns after `setOutput({ transform: 'array2d' })`.
 */
export abstract class Transformer<
  P extends object,
  Out = number[][],
  ArrayOut = Array2D,
> extends BaseEstimator<P> {
  /** X may be records: a ColumnTransformer then hands these transformers named columns. */
  static override tags: Partial<EstimatorTags> = {
    requiresY: false,
    XTypes: ['2darray', 'records'],
  };

  /** Number of features seen during `fit`. */
  declare nFeaturesIn_?: number;
  /** Names of the features seen during `fit`, when X had names (arrays of records). */
  declare featureNamesIn_?: string[];

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  /** Fits the transformer on X (y is ignored). */
  abstract fit(X: unknown, y?: unknown): this;

  /** Transforms X with the fitted state. */
  abstract transform(X: unknown): Out;

  /**
   * Fits on X, then transforms X (scikit-learn's `fit_transform`).
   *
   * @param X - the data
   * @param y - ignored (accepted for pipelines)
   * @returns the transformed rows
   * @example
   * ```ts
   * new StandardScaler().fitTransform([[0], [2]]); // [[-1], [1]]
   * ```
   */
  fitTransform(X: unknown, y?: unknown): Out {
    return this.fit(X, y).transform(X);
  }

  /**
   * Chooses what `transform` and `fitTransform` return (scikit-learn's `set_output`):
   * `'default'`, `number[][]`, or `'array2d'`, one row-major `{ data: Float64Array, shape }`
   * (estimator-core's `Array2D`, which every estimator here takes as X without copying rows).
   * `clone`, `saveEstimator` and worker threads keep the choice.
   *
   * @param config - `{ transform: 'default' | 'array2d' }`; `transform` null or absent changes nothing
   * @returns this transformer (typed with the new output)
   * @throws ValueError for another container ("output config must be in ['array2d', 'default'], got pandas")
   * @example
   * ```ts
   * const scaler = new StandardScaler().setOutput({ transform: 'array2d' });
   * const { data, shape } = scaler.fitTransform({ data: Float64Array.of(0, 2), shape: [2, 1] });
   * // data: Float64Array [-1, 1], shape: [2, 1]
   * ```
   * @remarks The value returned is typed for the container; the variable the transformer was
   * first assigned to keeps its `number[][]` type. An output that holds strings (SimpleImputer
   * on text) stays rows: an Array2D holds numbers only. `inverseTransform` is not affected, as in
   * scikit-learn.
   * @see https://scikit-learn.org/1.2/auto_examples/miscellaneous/plot_set_output.html
   */
  setOutput(config: { transform: 'array2d' }): WithOutput<this, ArrayOut>;
  setOutput(config?: OutputConfig): this;
  setOutput(config: OutputConfig = {}): this {
    setOutputConfig(this, config);
    return this;
  }

  /** Whether `transform` should return one Float64Array (setOutput's 'array2d'). */
  protected wantsArray2D(): boolean {
    return getOutputConfig(this).transform === 'array2d';
  }

  /** A transform's result in the container chosen by `setOutput` (rows or Array2D in, either out). */
  protected wrapOutput<T>(result: unknown): T {
    return wrapTransformOutput(this, result) as T;
  }

  /**
   * The output feature names of a one-to-one transformer: the input names (scikit-learn's
   * `OneToOneFeatureMixin.get_feature_names_out`).
   */
  protected oneToOneNames(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this, 'nFeaturesIn_');
    return checkFeatureNamesIn(this, inputFeatures)!;
  }
}
