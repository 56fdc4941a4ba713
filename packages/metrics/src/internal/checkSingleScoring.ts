// Port of scikit-learn's sklearn/metrics/_scorer.py check_scoring for one scoring (BSD-3-Clause);
// shared by checkScoring and checkMultimetricScoring, which import it (never each other's file).
import { ValueError, pyRepr } from '@scikeras/estimator-core';
import { getScorer } from '../getScorer';
import { METRIC_FUNCTIONS } from './metricFunctions';
import { isScorer, type ScorableEstimator, type Scorer } from '../Scorer';
import type { Scoring, ScorerFunction } from '../Scoring';

function asScorer(fn: ScorerFunction): Scorer {
  if (isScorer(fn)) return fn;
  const wrapped = async (
    est: ScorableEstimator,
    X: unknown,
    y: unknown,
    options?: { sampleWeight?: ArrayLike<number> },
  ) => Number(await (options === undefined ? fn(est, X, y) : fn(est, X, y, options)));
  return Object.defineProperties(wrapped, {
    scoreFuncName: { value: fn.name || 'scorer', enumerable: true },
    sign: { value: 1, enumerable: true },
    responseMethod: { value: 'predict', enumerable: true },
  }) as unknown as Scorer;
}

function passthroughScorer(): Scorer {
  const scorer = async (
    est: ScorableEstimator,
    X: unknown,
    y: unknown,
    options?: { sampleWeight?: ArrayLike<number> },
  ) => {
    const score = est.score as NonNullable<ScorableEstimator['score']>;
    const out =
      options?.sampleWeight !== undefined
        ? score.call(est, X, y, { sampleWeight: options.sampleWeight })
        : score.call(est, X, y);
    return Number(await out);
  };
  return Object.defineProperties(scorer, {
    scoreFuncName: { value: 'score', enumerable: true },
    sign: { value: 1, enumerable: true },
    responseMethod: { value: 'predict', enumerable: true },
  }) as unknown as Scorer;
}

/**
 * The first check of `check_scoring`: the estimator implements `fit`.
 *
 * @throws TypeError "estimator should be an estimator implementing 'fit' method, 3 was passed"
 */
export function checkFitMethod(estimator: unknown): void {
  if (typeof (estimator as { fit?: unknown })?.fit !== 'function') {
    throw new TypeError(
      `estimator should be an estimator implementing 'fit' method, ${pyRepr(estimator)} was passed`,
    );
  }
}

/**
 * scikit-learn 1.2's `check_scoring` for one scoring: `undefined`/`null` (the estimator's own
 * `score`), a scorer name, a scorer or a function `(estimator, X, y) => score`.
 *
 * @param estimator - the estimator to be scored (it must implement `fit`)
 * @param scoring - the scoring
 * @returns the scorer
 * @throws TypeError / ValueError as {@link checkScoring}; a list or record here gives
 *   "scoring value should either be a callable, string or None. ... was passed"
 */
export function checkSingleScoring(
  estimator: ScorableEstimator,
  scoring: Scoring | null | undefined,
): Scorer {
  checkFitMethod(estimator);
  if (typeof scoring === 'string') return getScorer(scoring);
  if (typeof scoring === 'function') {
    if (METRIC_FUNCTIONS.has(scoring)) {
      throw new ValueError(
        `scoring value ${scoring.name} looks like it is a metric function rather than a scorer. A scorer should require an estimator as its first parameter. Please use \`makeScorer\` to convert a metric to a scorer.`,
      );
    }
    return asScorer(scoring);
  }
  if (scoring === undefined || scoring === null) {
    if (typeof estimator.score === 'function') return passthroughScorer();
    throw new TypeError(
      `If no scoring is specified, the estimator passed should have a 'score' method. The estimator ${pyRepr(estimator)} does not.`,
    );
  }
  throw new ValueError(
    `scoring value should either be a callable, string or None. ${String(scoring)} was passed`,
  );
}
