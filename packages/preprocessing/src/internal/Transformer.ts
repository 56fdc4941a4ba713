// What every transformer of this package shares: scikit-learn's TransformerMixin (fit_transform)
// and OneToOneFeatureMixin (get_feature_names_out), on estimator-core's BaseEstimator.
import {
  BaseEstimator,
  checkFeatureNamesIn,
  checkIsFitted,
  type EstimatorTags,
  type EstimatorType,
} from '@scikeras/estimator-core';

/**
 * Base of the transformers: `estimatorType` `'transformer'`, `fitTransform`, and the fitted
 * `nFeaturesIn_` / `featureNamesIn_` every transformer records.
 */
export abstract class Transformer<P extends object, Out = number[][]> extends BaseEstimator<P> {
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
   * The output feature names of a one-to-one transformer: the input names (scikit-learn's
   * `OneToOneFeatureMixin.get_feature_names_out`).
   */
  protected oneToOneNames(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this, 'nFeaturesIn_');
    return checkFeatureNamesIn(this, inputFeatures)!;
  }
}
