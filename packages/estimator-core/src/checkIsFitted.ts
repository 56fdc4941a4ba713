// Port of scikit-learn's sklearn/utils/validation.py check_is_fitted (BSD-3-Clause).
import { NotFittedError } from './errors';
import { estimatorNameOf } from './registry/estimatorNameOf';

/** Options of {@link checkIsFitted}. */
export interface CheckIsFittedOptions {
  /** Custom message; `%(name)s` is replaced by the class name. */
  msg?: string;
  /** With `attributes`, require all (`'all'`, the default) or any of them. */
  allOrAny?: 'all' | 'any';
}

const DEFAULT_MSG =
  "This %(name)s instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.";

/**
 * Whether an estimator is fitted: it has the given attributes, or (without them) any own
 * property whose name ends with `_` (and does not start with `__`), or its `isFitted()`
 * method (scikit-learn's `__sklearn_is_fitted__`) says so.
 *
 * @param estimator - the estimator to check
 * @param attributes - fitted attribute names that must be present
 * @returns true when fitted
 * @example
 * ```ts
 * isFitted(new LabelEncoder()); // false
 * ```
 */
export function isFitted(
  estimator: object,
  attributes?: string | readonly string[],
  allOrAny: 'all' | 'any' = 'all',
): boolean {
  if (attributes !== undefined) {
    const attrs = typeof attributes === 'string' ? [attributes] : attributes;
    const has = (a: string) => (estimator as Record<string, unknown>)[a] !== undefined;
    return allOrAny === 'all' ? attrs.every(has) : attrs.some(has);
  }
  const hook = (estimator as { isFitted?: () => boolean }).isFitted;
  if (typeof hook === 'function') return hook.call(estimator);
  return Object.keys(estimator).some(
    (k) =>
      k.endsWith('_') &&
      !k.startsWith('__') &&
      (estimator as Record<string, unknown>)[k] !== undefined,
  );
}

/**
 * Throws `NotFittedError` with scikit-learn's message when the estimator is not fitted.
 *
 * @param estimator - the estimator to check
 * @param attributes - fitted attribute names that must be present (optional)
 * @param options - a custom message or `'any'` of the attributes
 * @throws NotFittedError "This KerasClassifier instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator."
 * @throws TypeError when `estimator` is a class ("Ridge is a class, not an instance.") or not an estimator instance
 * @example
 * ```ts
 * checkIsFitted(new LabelEncoder()); // throws NotFittedError
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.validation.check_is_fitted.html
 */
export function checkIsFitted(
  estimator: object,
  attributes?: string | readonly string[],
  options: CheckIsFittedOptions = {},
): void {
  if (typeof estimator === 'function') {
    throw new TypeError(
      `${(estimator as { name?: string }).name || 'anonymous'} is a class, not an instance.`,
    );
  }
  if (estimator === null || typeof estimator !== 'object') {
    throw new TypeError(`${String(estimator)} is not an estimator instance.`);
  }
  if (typeof (estimator as { fit?: unknown }).fit !== 'function') {
    throw new TypeError(`${String(estimator)} is not an estimator instance.`);
  }
  if (!isFitted(estimator, attributes, options.allOrAny ?? 'all')) {
    const msg = (options.msg ?? DEFAULT_MSG).replace('%(name)s', estimatorNameOf(estimator));
    throw new NotFittedError(msg);
  }
}
