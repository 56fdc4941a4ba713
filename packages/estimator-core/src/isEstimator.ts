/** The minimal estimator protocol: what meta-estimators and clone rely on. */
export interface EstimatorLike {
  /** The estimator's params (`deep`: with nested estimators' params as `a__b` keys). */
  getParams(deep?: boolean): Record<string, unknown>;
  /** Sets params (nested ones by `a__b` keys); returns the estimator. */
  setParams(params: Record<string, unknown>): unknown;
}

/**
 * Whether a value keeps the estimator protocol (an instance with `getParams` and `setParams`,
 * not a class).
 *
 * @param value - anything
 * @returns true for estimator instances
 * @example
 * ```ts
 * isEstimator(new KFold()); // true
 * isEstimator(KFold); // false: a class is not an estimator
 * ```
 */
export function isEstimator(value: unknown): value is EstimatorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EstimatorLike).getParams === 'function' &&
    typeof (value as EstimatorLike).setParams === 'function'
  );
}
