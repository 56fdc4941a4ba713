import type { EstimatorTags } from '../BaseEstimator';

/**
 * What `checkEstimator` needs from an estimator: the params protocol and `fit`; every other
 * method is optional and checked when present. Methods may return values or Promises.
 */
export interface CheckableEstimator {
  /** The estimator's params (`deep`: nested estimators' params too). */
  getParams(deep?: boolean): Record<string, unknown>;
  /** Sets params; returns the estimator. */
  setParams(params: Record<string, unknown>): unknown;
  /** Fits on `(X, y)` (or `X` alone); sync or async. */
  fit(...args: any[]): unknown;
  /** Predictions for `X` (classifiers and regressors). */
  predict?(X: any): unknown;
  /** Class probabilities for `X` (classifiers). */
  predictProba?(X: any): unknown;
  /** Log class probabilities for `X` (classifiers). */
  predictLogProba?(X: any): unknown;
  /** Confidence scores for `X` (classifiers). */
  decisionFunction?(X: any): unknown;
  /** `X` transformed (transformers). */
  transform?(X: any): unknown;
  /** `X` mapped back to the input space (transformers). */
  inverseTransform?(X: any): unknown;
  /** Fits, then transforms the same `X` (transformers). */
  fitTransform?(X: any, y?: any): unknown;
  /** The default score on `(X, y)` (accuracy for classifiers, R² for regressors). */
  score?(X: any, y: any): unknown;
  /** The estimator's tags (what the checks may assume of it). */
  getTags?(): Partial<EstimatorTags>;
  readonly estimatorType?: string;
}

/** The outcome of one check. `xpass`: tagged as an expected failure (`xfailChecks`) but passed. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'xfail' | 'xpass';

/** One check's result in a {@link CheckReport}. */
export interface CheckResult {
  /** Our name of the check, e.g. `'checkFitIdempotent'`. */
  check: string;
  status: CheckStatus;
  /** Why it was skipped, or the xfail reason. */
  reason?: string;
  /** The failure message (for `failed`, and for `xfail`: the failure that was expected). */
  error?: string;
  /** How long the check ran, in milliseconds (0 when skipped). */
  durationMs?: number;
}

/** What {@link checkEstimator} returns. */
export interface CheckReport {
  /** The estimator's class name. */
  estimator: string;
  results: CheckResult[];
}

/** Options of `checkEstimator` and `describeEstimatorChecks`. */
export interface CheckEstimatorOptions {
  /**
   * The training X of the checks that fit on "the" data set (fit returns this, params not
   * overwritten, train score, ...), instead of the generated one (3-class blobs for
   * classifiers and transformers, a linear problem for regressors, labels for `'1dlabels'`).
   * checkClassifiersTrain and checkClassifiersPredictProba train on it instead of their
   * binary and 3-class problems. Checks about special shapes or labels (1 sample, 1 feature,
   * NaN, empty, string labels) still generate their own.
   */
  X?: unknown;
  /** The training y that goes with `X` (or the labels of a `'1dlabels'` transformer). */
  y?: unknown;
  /** Checks not to run, by name, each with the reason (reported as `skipped`). */
  skip?: Readonly<Record<string, string>>;
  /** Run only these checks (the rest are reported as skipped). */
  only?: readonly string[];
  /** Tags that override the estimator's own `getTags()`. */
  tags?: Partial<EstimatorTags>;
  /**
   * Saves a fitted estimator and loads it back (scikit-learn's `pickle.dumps` / `pickle.loads`
   * in `check_estimators_pickle`); estimator-core knows no storage format, so the estimator's
   * package passes its own (the wrappers: `saveEstimator` then `loadEstimator`). Without it
   * `checkEstimatorsPickle` is skipped.
   */
  roundTrip?: (est: CheckableEstimator) => unknown;
  /** Per-check test timeout for `describeEstimatorChecks` (ms). @defaultValue 60000 */
  timeoutMs?: number;
  /** `describeEstimatorChecks` only: an xfail check that passes fails its test. @defaultValue false */
  strictXfail?: boolean;
}
