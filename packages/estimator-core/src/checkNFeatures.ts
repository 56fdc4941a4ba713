// Port of scikit-learn's sklearn/base.py BaseEstimator._check_n_features (BSD-3-Clause).
import { ValueError } from './errors';
import { estimatorNameOf } from './registry/estimatorNameOf';

/**
 * Records (`reset`) or checks the number of features an estimator was fitted on
 * (`nFeaturesIn_`).
 *
 * @param estimator - the estimator, which gets or holds `nFeaturesIn_`
 * @param nFeatures - the number of columns of the X at hand
 * @param reset - true in `fit` (record), false in `predict`/`transform` (check)
 * @throws ValueError "X has 3 features, but KerasClassifier is expecting 4 features as input."
 * @example
 * ```ts
 * checkNFeatures(this, X.shape[1], true); // in fit
 * checkNFeatures(this, X.shape[1], false); // in predict
 * ```
 */
export function checkNFeatures(estimator: object, nFeatures: number, reset: boolean): void {
  const est = estimator as { nFeaturesIn_?: number };
  if (reset) {
    est.nFeaturesIn_ = nFeatures;
    return;
  }
  if (est.nFeaturesIn_ === undefined) return;
  if (nFeatures !== est.nFeaturesIn_) {
    throw new ValueError(
      `X has ${nFeatures} features, but ${estimatorNameOf(estimator)} is expecting ${est.nFeaturesIn_} features as input.`,
    );
  }
}
