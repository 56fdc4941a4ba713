// Port of scikit-learn's sklearn/metrics/_scorer.py _check_multimetric_scoring (BSD-3-Clause).
import { ValueError, pyRepr } from '@scikeras/estimator-core';
import { checkSingleScoring } from './internal/checkSingleScoring';
import type { MultimetricScoring, Scoring } from './Scoring';
import type { ScorableEstimator, Scorer } from './Scorer';

/**
 * Validates several scorings at once: a list of unique scorer names, or a record from names to
 * scorings.
 *
 * @param estimator - the estimator to be scored
 * @param scoring - `['accuracy', 'f1_macro']` or `{ acc: 'accuracy', custom: myScorer }`
 * @returns a record from each name to its scorer
 * @throws ValueError "The list/tuple elements must be unique strings of predefined scorers. Duplicate elements were found in the given list. ['accuracy', 'accuracy']", "An empty dict was passed. {}"
 * @example
 * ```ts
 * const scorers = checkMultimetricScoring(clf, ['accuracy', 'neg_log_loss']);
 * const acc = await scorers.accuracy(clf, X, y);
 * ```
 * @see https://scikit-learn.org/1.2/modules/model_evaluation.html#multimetric-scoring
 */
export function checkMultimetricScoring(
  estimator: ScorableEstimator,
  scoring: MultimetricScoring,
): Record<string, Scorer> {
  const generic = `scoring is invalid (got ${pyRepr(scoring)}). Refer to the scoring glossary for details: https://scikit-learn.org/stable/glossary.html#term-scoring`;
  const out: Record<string, Scorer> = {};
  if (Array.isArray(scoring)) {
    const list = scoring as readonly unknown[];
    const errMsg = 'The list/tuple elements must be unique strings of predefined scorers. ';
    if (new Set(list).size !== list.length) {
      throw new ValueError(
        `${errMsg} Duplicate elements were found in the given list. ${pyRepr(list)}`,
      );
    }
    if (list.length === 0) throw new ValueError(`${errMsg} Empty list was given. ${pyRepr(list)}`);
    if (!list.every((k) => typeof k === 'string')) {
      if (list.some((k) => typeof k === 'function')) {
        throw new ValueError(
          `${errMsg} One or more of the elements were callables. Use a dict of score name mapped to the scorer callable. Got ${pyRepr(list)}`,
        );
      }
      throw new ValueError(
        `${errMsg} Non-string types were found in the given list. Got ${pyRepr(list)}`,
      );
    }
    for (const name of list as string[]) out[name] = checkSingleScoring(estimator, name);
    return out;
  }
  if (typeof scoring === 'object' && scoring !== null && !(scoring instanceof Set)) {
    const entries = Object.entries(scoring as Record<string, Scoring>);
    if (entries.length === 0) throw new ValueError(`An empty dict was passed. ${pyRepr(scoring)}`);
    for (const [name, s] of entries) out[name] = checkSingleScoring(estimator, s);
    return out;
  }
  throw new ValueError(generic);
}
