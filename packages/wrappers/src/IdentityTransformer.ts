// After scikit-learn's sklearn/preprocessing/_function_transformer.py FunctionTransformer() (BSD-3-Clause): the identity.
import { BaseEstimator, registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';

/** What the wrappers need from a `featureEncoder` / `targetEncoder` (a scikit-learn transformer). */
export interface Transformer {
  /** Learns what the transform needs from `data`; returns the transformer. */
  fit(data: unknown): Transformer;
  /** `data` encoded for the model. */
  transform(data: unknown): unknown;
  /** The model's outputs decoded (`returnProba`: keep probabilities rather than labels). */
  inverseTransform(data: unknown, options?: { returnProba?: boolean }): unknown;
}

/**
 * The identity transformer (scikit-learn's `FunctionTransformer()` with no function): the
 * default `featureEncoder` of every wrapper and the default `targetEncoder` of `BaseWrapper`.
 *
 * @example
 * ```ts
 * new IdentityTransformer().fit(X).transform(X) === X; // true
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.FunctionTransformer.html
 */
export class IdentityTransformer extends BaseEstimator implements Transformer {
  static estimatorName = 'IdentityTransformer';
  static override defaults = {};

  override get estimatorType(): 'transformer' {
    return 'transformer';
  }

  /**
   * Records that the transformer is fitted.
   *
   * @param data - ignored
   * @returns this
   */
  fit(data?: unknown): this {
    void data;
    (this as unknown as { fitted_: boolean }).fitted_ = true;
    return this;
  }

  /**
   * @param data - anything
   * @returns `data` unchanged
   */
  transform<T>(data: T): T {
    return data;
  }

  /**
   * @param data - anything
   * @returns `data` unchanged
   */
  inverseTransform<T>(data: T): T {
    return data;
  }

  /**
   * @param data - anything
   * @returns `data` unchanged
   */
  fitTransform<T>(data: T): T {
    return this.fit(data).transform(data);
  }
}
registerEstimator(IdentityTransformer, { module: MODULE_URL });
