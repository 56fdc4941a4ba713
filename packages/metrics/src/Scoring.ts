// The `scoring` argument of model-selection tools, after scikit-learn's sklearn/metrics/_scorer.py (BSD-3-Clause).
import type { ScorableEstimator, Scorer } from './Scorer';

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
