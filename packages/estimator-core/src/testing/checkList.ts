// The list of estimator checks, in the order they run.
import { CLASSIFIER_CHECKS } from './checksClassifier';
import { FIT_CHECKS } from './checksFit';
import { INPUT_CHECKS } from './checksInput';
import { MULTILABEL_CHECKS } from './checksMultilabel';
import { PERSISTENCE_CHECKS } from './checksPersistence';
import { SAMPLE_WEIGHT_CHECKS } from './checksSampleWeight';
import { PARAM_CHECKS } from './checksParams';
import { REGRESSOR_CHECKS } from './checksRegressor';
import { TRANSFORMER_CHECKS } from './checksTransformer';
import type { EstimatorCheck } from './context';

/** Every check, in run order. */
export const ALL_CHECKS: readonly EstimatorCheck[] = [
  ...PARAM_CHECKS,
  ...FIT_CHECKS,
  ...INPUT_CHECKS,
  ...CLASSIFIER_CHECKS,
  ...MULTILABEL_CHECKS,
  ...REGRESSOR_CHECKS,
  ...TRANSFORMER_CHECKS,
  ...SAMPLE_WEIGHT_CHECKS,
  ...PERSISTENCE_CHECKS,
];

/**
 * The names of every check `checkEstimator` knows, in run order (use them in `skip`,
 * `only` and the `xfailChecks` tag).
 *
 * @example
 * ```ts
 * CHECK_NAMES.includes('checkFitIdempotent'); // true
 * ```
 */
export const CHECK_NAMES: readonly string[] = Object.freeze(ALL_CHECKS.map((c) => c.name));

/**
 * For each of our checks, the scikit-learn checks (sklearn/utils/estimator_checks.py) it ports.
 *
 * @example
 * ```ts
 * SKLEARN_CHECKS.checkNoAttributesSetInInit; // ['check_no_attributes_set_in_init']
 * ```
 */
export const SKLEARN_CHECKS: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(ALL_CHECKS.map((c) => [c.name, c.sklearn])),
);
