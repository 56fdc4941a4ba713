// Port of scikit-learn's sklearn/metrics/_scorer.py check_scoring (BSD-3-Clause).
import { checkMultimetricScoring } from './checkMultimetricScoring';
import { checkFitMethod, checkSingleScoring } from './internal/checkSingleScoring';
import type { ScorableEstimator, Scorer } from './Scorer';
import type { MultimetricScoring, Scoring } from './Scoring';

export type { MultimetricScoring, Scoring, ScorerFunction } from './Scoring';

/**
 * Turns the `scoring` argument of a model-selection tool into a scorer (or, for several
 * metrics, a record of scorers).
 *
 * @param estimator - the estimator to be scored (it must implement `fit`)
 * @param scoring - `undefined`/`null` (the estimator's own `score`), a scorer name, a scorer, a
 *   function `(estimator, X, y) => score`, or a list / record of them (multi-metric)
 * @returns the scorer, or a record of scorers for a list / record
 * @throws TypeError "If no scoring is specified, the estimator passed should have a 'score' method. The estimator Foo() does not."
 * @throws ValueError "scoring value accuracyScore looks like it is a metric function rather than a scorer. ..."
 * @example
 * ```ts
 * const scorer = checkScoring(clf, 'f1_macro');
 * const scorers = checkScoring(clf, ['accuracy', 'f1_macro']); // { accuracy: Scorer, f1_macro: Scorer }
 * ```
 * @remarks Lists and records are accepted here too (scikit-learn sends them to
 * `_check_multimetric_scoring`), returning a record of scorers.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.check_scoring.html
 */
export function checkScoring(estimator: ScorableEstimator, scoring?: Scoring | null): Scorer;
export function checkScoring(
  estimator: ScorableEstimator,
  scoring: MultimetricScoring,
): Record<string, Scorer>;
export function checkScoring(
  estimator: ScorableEstimator,
  scoring?: Scoring | MultimetricScoring | null,
): Scorer | Record<string, Scorer> {
  if (typeof scoring === 'object' && scoring !== null) {
    checkFitMethod(estimator);
    return checkMultimetricScoring(estimator, scoring as MultimetricScoring);
  }
  return checkSingleScoring(estimator, scoring as Scoring | null | undefined);
}
