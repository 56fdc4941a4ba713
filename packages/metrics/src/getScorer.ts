// Port of scikit-learn's sklearn/metrics/_scorer.py get_scorer / _SCORERS (BSD-3-Clause).
import { ValueError } from '@scikeras/estimator-core';
import { accuracyScore } from './accuracyScore';
import { balancedAccuracyScore } from './balancedAccuracyScore';
import { f1Score } from './f1Score';
import { logLoss } from './logLoss';
import { meanAbsoluteError } from './meanAbsoluteError';
import { meanSquaredError } from './meanSquaredError';
import { precisionScore } from './precisionScore';
import { r2Score } from './r2Score';
import { recallScore } from './recallScore';
import { rocAucScore } from './rocAucScore';
import { rootMeanSquaredError } from './rootMeanSquaredError';
import { makeScorer, type Scorer } from './Scorer';

const FACTORIES: Record<string, () => Scorer> = {
  r2: () => makeScorer(r2Score),
  neg_mean_absolute_error: () => makeScorer(meanAbsoluteError, { greaterIsBetter: false }),
  neg_mean_squared_error: () => makeScorer(meanSquaredError, { greaterIsBetter: false }),
  neg_root_mean_squared_error: () => makeScorer(rootMeanSquaredError, { greaterIsBetter: false }),
  accuracy: () => makeScorer(accuracyScore),
  balanced_accuracy: () => makeScorer(balancedAccuracyScore),
  roc_auc: () => makeScorer(rocAucScore, { needsThreshold: true }),
  roc_auc_ovr: () => makeScorer(rocAucScore, { responseMethod: 'predictProba', multiClass: 'ovr' }),
  roc_auc_ovr_weighted: () =>
    makeScorer(rocAucScore, {
      responseMethod: 'predictProba',
      multiClass: 'ovr',
      average: 'weighted',
    }),
  neg_log_loss: () =>
    makeScorer(logLoss, { greaterIsBetter: false, responseMethod: 'predictProba' }),
};
for (const [name, metric] of [
  ['precision', precisionScore],
  ['recall', recallScore],
  ['f1', f1Score],
] as const) {
  FACTORIES[name] = () => makeScorer(metric, { average: 'binary' });
  for (const average of ['macro', 'micro', 'samples', 'weighted']) {
    FACTORIES[`${name}_${average}`] = () => makeScorer(metric, { posLabel: null, average });
  }
}

/**
 * The names {@link getScorer} knows, sorted (scikit-learn's `get_scorer_names`).
 *
 * @returns the scorer names
 * @example
 * ```ts
 * getScorerNames().includes('f1_macro'); // true
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.get_scorer_names.html
 */
export function getScorerNames(): string[] {
  return Object.keys(FACTORIES).sort();
}

/**
 * A scorer from its scikit-learn name ('accuracy', 'f1_macro', 'neg_log_loss', 'r2', ...); a
 * scorer passed in is returned as it is.
 *
 * @param scoring - the scorer's name, or a scorer
 * @returns a new scorer
 * @throws ValueError "'acc' is not a valid scoring value. Use getScorerNames() to get valid options."
 * @example
 * ```ts
 * const scorer = getScorer('neg_mean_squared_error');
 * const score = await scorer(fittedRegressor, X, y); // -MSE
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.get_scorer.html
 */
export function getScorer(scoring: string | Scorer): Scorer {
  if (typeof scoring !== 'string') return scoring;
  const factory = Object.prototype.hasOwnProperty.call(FACTORIES, scoring)
    ? FACTORIES[scoring]
    : undefined;
  if (!factory) {
    throw new ValueError(
      `'${scoring}' is not a valid scoring value. Use getScorerNames() to get valid options.`,
    );
  }
  return factory();
}
