/**
 * Whether an estimator is a classifier (`estimatorType === 'classifier'`).
 *
 * @param estimator - any value
 * @returns true for classifiers
 * @example
 * ```ts
 * isClassifier(new KerasClassifier({ model })); // true
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.base.is_classifier.html
 */
export function isClassifier(estimator: unknown): boolean {
  return (estimator as { estimatorType?: string } | null)?.estimatorType === 'classifier';
}
