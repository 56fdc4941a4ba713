// The task format shared by every executor (in-thread, worker threads, and later distributed).
import type { TravelSpec, WarningRecord } from '@scikeras/estimator-core';
import type { ErrorRecord } from './errorRecord';

/**
 * One independent unit of work: fit a clone of the estimator with `params` on the `trainIdx`
 * rows, then score it on `testIdx` (and on `trainIdx` with `returnTrainScore`), or predict
 * `testIdx` (cross-validated prediction). Plain JSON.
 */
export interface FitTask {
  /** Position in the task list; results are returned in this order. */
  taskIndex: number;
  /** Which candidate (param setting) this is; 0 for plain cross-validation. */
  candidateIndex: number;
  /** Which split of the cv this is. */
  splitIndex: number;
  /** Params set on the clone before fitting (`null`: none). */
  params: Record<string, unknown> | null;
  /** Training rows. */
  trainIdx: number[];
  /** Test rows. */
  testIdx: number[];
}

/**
 * A {@link FitTask} as it travels to another thread or process: its params as a TravelSpec
 * (grid values may be estimators, registered functions, `'passthrough'`, ...).
 */
export interface TaskSpec extends Omit<FitTask, 'params'> {
  /** The params' TravelSpec (`null`: none). */
  params: TravelSpec | null;
}

/** What the tasks of one job share, as data; sent once per worker, not per task. */
export interface TaskContextSpec {
  /** The (unfitted) base estimator's TravelSpec. */
  estimator: TravelSpec;
  /** The samples, in a form structured clone keeps (arrays, typed arrays, `{ data, shape }`). */
  X: unknown;
  /** The target, or null. */
  y: unknown;
  /** The fit options' TravelSpec; arrays with one entry per sample are sliced to the training rows. */
  fitOptions: TravelSpec;
  /** Scorer names (`null`: the estimator's own `score`). */
  scoring: null | string | string[] | Record<string, string>;
  /** `'score'` (fit and score), a prediction method (cross-validated predictions), or `'fit'` (a search's refit on every row, returning the estimator). */
  mode: 'score' | 'predict' | 'predictProba' | 'fit';
  returnTrainScore: boolean;
  returnEstimator: boolean;
  errorScore: 'raise' | number;
}

/** The outcome of one task. */
export interface TaskResult {
  taskIndex: number;
  candidateIndex: number;
  splitIndex: number;
  /** Test score, or one per scorer name; `errorScore` where the fit failed. */
  testScores: number | Record<string, number>;
  /** Train scores with `returnTrainScore`. */
  trainScores?: number | Record<string, number>;
  /** Seconds spent in `fit` (until the error when it failed). */
  fitTime: number;
  /** Seconds spent scoring. */
  scoreTime: number;
  nTestSamples: number;
  /** The failure's stack when `fit` threw and `errorScore` is a number; null otherwise. */
  fitError: string | null;
  /** Warnings the task emitted in a worker (re-emitted in the calling thread). */
  warnings?: WarningRecord[];
  /** The fitted estimator with `returnEstimator` (its TravelSpec on the way back from a worker). */
  estimator?: unknown;
  /** Predictions of the test rows in `'predict'`/`'predictProba'` mode. */
  predictions?: unknown;
  /** `classes_` of the fitted estimator in prediction mode. */
  classes?: unknown;
  /** Set by workers when `errorScore: 'raise'` and the task threw: the error, thrown again with its class in the calling thread. */
  raised?: ErrorRecord;
}
