// Port of scikit-learn's sklearn/metrics/_scorer.py check_scoring (BSD-3-Clause).
import { ValueError, pyRepr } from '@scikeras/estimator-core';
import { checkMultimetricScoring } from './checkMultimetricScoring';
import { getScorer } from './getScorer';
import { METRIC_FUNCTIONS } from './internal/metricFunctions';
import { isScorer, type ScorableEstimator, type Scorer } from './Scorer';

/** A custom scorer function: `(estimator, X, y, options?) => score`. */
export type ScorerFunction = (
  estimator: ScorableEstimator,
  X: unknown,
  yTrue: unknown,
  options?: { sampleWeight?: ArrayLike<number> },
) => number | Promise<number>;

/** One scoring: a scorer name, a scorer, or a function `(estimator, X, y) => score`. */
export type Scoring = string | Scorer | ScorerFunction;

/** Several scorings: a list of names or a record from names to scorings. */
export type MultimetricScoring = readonly string[] | Readonly<Record<string, Scoring>>;

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
  if (typeof (estimator as { fit?: unknown })?.fit !== 'function') {
    throw new TypeError(
      `estimator should be an estimator implementing 'fit' method, ${pyRepr(estimator)} was passed`,
    );
  }
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
  if (typeof scoring === 'object') return checkMultimetricScoring(estimator, scoring);
  throw new ValueError(
    `scoring value should either be a callable, string or None. ${String(scoring)} was passed`,
  );
}
