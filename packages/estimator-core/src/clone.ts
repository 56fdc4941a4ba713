// Port of scikit-learn's sklearn/base.py clone (BSD-3-Clause).
import { RandomState } from './RandomState';
import { RuntimeError } from './errors';
import { checkParamName, setOwn } from './internal/paramNames';
import { isEstimator, type EstimatorLike } from './isEstimator';
import { classOf, estimatorNameOf } from './registry/estimatorNameOf';
import { pyRepr, typeName } from './repr';
import { copyOutputConfig } from './setOutput';

/** Options of {@link clone}. */
export interface CloneOptions {
  /**
   * When false, a value that is not an estimator is copied (containers deep-copied, other
   * objects by reference) instead of rejected. @defaultValue true
   */
  safe?: boolean;
}

/**
 * Deep-copies plain containers and `RandomState`s (scikit-learn's clone deep-copies a
 * `random_state` instance); functions, other class instances (tfjs models, optimizers) stay shared.
 */
function copyParam(value: unknown): unknown {
  if (isEstimator(value)) return clone(value as EstimatorLike);
  if (value instanceof RandomState) return value.copy();
  if (Array.isArray(value)) return value.map(copyParam);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, copyParam(v)]));
  if (value instanceof Set) return new Set([...value].map(copyParam));
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as any).slice();
  if (value && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
      for (const [k, v] of Object.entries(value)) setOwn(out, k, copyParam(v));
      return out;
    }
  }
  return value;
}

/**
 * A new, unfitted estimator of the same class with the same params: estimator-valued params
 * are cloned, containers deep-copied, functions and tfjs objects shared by reference.
 * Fitted state never survives a clone.
 *
 * Like scikit-learn, clone checks that the constructor stored every param unchanged, and
 * fails naming the param otherwise. The output config of `setOutput` is kept (scikit-learn 1.3).
 *
 * @param estimator - the estimator (or an array of estimators) to clone
 * @param options - `safe: false` copies non-estimators instead of throwing
 * @returns the unfitted copy
 * @throws TypeError when `estimator` does not implement `getParams` (and `safe` is true)
 * @throws RuntimeError when the constructor drops or changes a param
 * @example
 * ```ts
 * const fresh = clone(fittedClassifier);
 * fresh.getParams(); // equal to fittedClassifier.getParams()
 * 'classes_' in fresh; // false
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.base.clone.html
 */
export function clone<T>(estimator: T, options: CloneOptions = {}): T {
  const safe = options.safe ?? true;
  if (Array.isArray(estimator)) return estimator.map((e) => clone(e, options)) as T;
  if (!isEstimator(estimator)) {
    if (!safe) return copyParam(estimator) as T;
    throw new TypeError(
      `Cannot clone object '${pyRepr(estimator)}' (type ${typeName(estimator)}): ` +
        "it does not seem to be a scikit-learn estimator as it does not implement a 'getParams' method.",
    );
  }
  const custom = (estimator as { sklearnClone?: () => T }).sklearnClone;
  if (typeof custom === 'function') return custom.call(estimator);
  // the prototype's constructor: an own `constructor` property is never called
  const Klass = classOf(estimator as object) as new (p: Record<string, unknown>) => T;
  const params = estimator.getParams(false);
  const newParams: Record<string, unknown> = {};
  const owner = estimatorNameOf(estimator as object);
  for (const [k, v] of Object.entries(params)) {
    checkParamName(estimator as object, k, owner);
    setOwn(newParams, k, copyParam(v));
  }
  const fresh = new Klass(newParams);
  const setParams = (fresh as unknown as EstimatorLike).getParams(false);
  for (const name of Object.keys(newParams)) {
    if (!Object.is(newParams[name], setParams[name])) {
      throw new RuntimeError(
        `Cannot clone object ${String(estimator)}, as the constructor either does not set or modifies parameter '${name}'`,
      );
    }
  }
  copyOutputConfig(estimator as object, fresh as object); // scikit-learn >= 1.3 keeps set_output's config
  return fresh;
}
