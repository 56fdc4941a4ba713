/**
 * Whether an estimator is a regressor (`estimatorType === 'regressor'`).
 *
 * @param estimator - any value
 * @returns true for regressors
 * @example
 * ```ts
 * isRegressor(new KerasRegressor({ model })); // true
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.base.is_regressor.html
 */
export function isRegressor(estimator: unknown): boolean {
  return (estimator as { estimatorType?: string } | null)?.estimatorType === 'regressor';
}
