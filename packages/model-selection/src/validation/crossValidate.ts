// Port of scikit-learn's sklearn/model_selection/_validation.py cross_validate (BSD-3-Clause).
import { checkConsistentLength, isClassifier, type EstimatorLike } from '@scikeras/estimator-core';
import type { Executor } from '../execution/Executor';
import type { FitTask, TaskResult } from '../execution/FitTask';
import { ProgressReporter, type OnProgress } from '../execution/ProgressReporter';
import { checkCv, type CvLike } from '../splitters/checkCv';
import { checkErrorScore, warnOrRaiseAboutFitFailures } from '../internal/fitFailures';
import { resultKey } from '../internal/keys';
import { resolveScoring, type Scoring } from '../execution/scoring';
import { resolveExecutor, runOptions } from '../execution/makeExecutor';
import { prestartPool } from '../execution/prestartPool';
import { checkSignal, throwIfAborted } from '../internal/abort';
import { checkOptionKeys } from '../internal/checkOptions';
import { checkTimeout } from '../internal/validateParams';

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions {
  /** Group labels for group splitters. */
  groups?: unknown;
  /** A scorer name or function, or several (array of names, or name to scorer). @defaultValue the estimator's `score` */
  scoring?: Scoring;
  /** Folds, splitter or iterable of splits. @defaultValue 5 */
  cv?: CvLike;
  /** Worker threads running fits (`null`/1: this thread; n > 1: n worker threads, none on this thread; -1: every core), or an Executor. @defaultValue null */
  nJobs?: number | null | Executor;
  /** Where the fits run instead of `nJobs` (e.g. a `QueueExecutor` of `@scikeras/distributed`). @defaultValue null */
  executor?: Executor | null;
  /** The run's name for an executor that resumes runs (a `QueueExecutor`); others ignore it. */
  searchId?: string;
  /** 0 silent; > 0 progress bar on a terminal; > 1 one line per fit; > 2 with scores. @defaultValue 0 */
  verbose?: number;
  /** Options passed to every `fit` (arrays with one entry per sample are sliced to the fold). */
  fitOptions?: Record<string, unknown>;
  /** Also score on the training folds. @defaultValue false */
  returnTrainScore?: boolean;
  /** Return the fitted estimator of each fold. @defaultValue false */
  returnEstimator?: boolean;
  /** Score of a fold whose fit failed, or `'raise'`. @defaultValue NaN */
  errorScore?: 'raise' | number;
  /** Called after each fold. */
  onProgress?: OnProgress | null;
  /**
   * Seconds one fold's fit and scoring may run (joblib's `Parallel(timeout=)`, per task): a fold
   * that runs longer is stopped (its worker thread terminated; with `nJobs` null/1 the folds
   * then run on one worker thread) and scored `errorScore`, with a FitFailedWarning naming the
   * fold and the timeout; with `errorScore: 'raise'` a TimeoutError is thrown. Node only.
   * @defaultValue null (no limit)
   */
  timeout?: number | null;
  /**
   * Aborts the cross-validation: it rejects with the signal's reason (a DOMException named
   * 'AbortError' for `controller.abort()`), and the running fits' worker threads are
   * terminated (a QueueExecutor's queued jobs removed). Never passed to the estimator's `fit`.
   * @defaultValue null
   */
  signal?: AbortSignal | null;
}

/** The option names of {@link crossValidate} (an unknown one is a TypeError). */
export const CROSS_VALIDATE_OPTIONS = [
  'groups',
  'scoring',
  'cv',
  'nJobs',
  'executor',
  'searchId',
  'verbose',
  'fitOptions',
  'returnTrainScore',
  'returnEstimator',
  'errorScore',
  'onProgress',
  'timeout',
  'signal',
] as const satisfies readonly (keyof CrossValidateOptions)[];

/**
 * What {@link crossValidate} returns: per-fold arrays under scikit-learn's keys in camelCase
 * (`fitTime`, `scoreTime`, `testScore`, `trainScore`, `estimator`; with several metrics
 * `test<Name>` / `train<Name>`, e.g. `testAccuracy`, `testNegMeanSquaredError`).
 */
export type CrossValidateResult = Record<string, number[]> & {
  fitTime: number[];
  scoreTime: number[];
  estimator?: EstimatorLike[];
};

/** Splits and runs the fit-and-score tasks shared by crossValidate and crossValPredict. */
export async function runCrossValTasks(
  estimator: EstimatorLike,
  X: unknown,
  y: unknown,
  options: CrossValidateOptions,
  mode: 'score' | 'predict' | 'predictProba',
  owner: string,
  beforeRun?: (tasks: FitTask[]) => void,
): Promise<{ results: TaskResult[]; tasks: FitTask[]; multimetric: boolean }> {
  const signal = checkSignal(options.signal, owner);
  throwIfAborted(signal);
  const timeout = checkTimeout(options.timeout, owner);
  // nJobs > 1: the workers start now, their start overlapping the validation and splits below
  await prestartPool(options.nJobs, options.executor, estimator);
  checkConsistentLength(X, y ?? undefined, options.groups ?? undefined);
  const errorScore = checkErrorScore(options.errorScore ?? NaN);
  const cv = checkCv(options.cv, y, isClassifier(estimator));
  const scoring = mode === 'score' ? resolveScoring(estimator, options.scoring) : null;
  const tasks: FitTask[] = [];
  for (const [trainIdx, testIdx] of cv.split(X, y, options.groups)) {
    tasks.push({
      taskIndex: tasks.length,
      candidateIndex: 0,
      splitIndex: tasks.length,
      params: null,
      trainIdx,
      testIdx,
    });
  }
  beforeRun?.(tasks);
  const executor = await resolveExecutor(owner, options.nJobs, options.executor, { timeout });
  const reporter = new ProgressReporter({
    verbose: options.verbose,
    onProgress: options.onProgress,
    tasks,
    nSplits: tasks.length,
    nCandidates: 1,
  });
  reporter.start(false);
  const results = await executor.run(
    {
      estimator,
      X,
      y,
      fitOptions: options.fitOptions ?? {},
      scoring,
      scoringParam: options.scoring,
      mode,
      returnTrainScore: options.returnTrainScore ?? false,
      returnEstimator: options.returnEstimator ?? false,
      errorScore,
      tasks,
    },
    (r) => reporter.done(r),
    runOptions(options.searchId, signal, timeout),
  );
  reporter.finish();
  return { results, tasks, multimetric: scoring?.multimetric ?? false };
}

/**
 * Evaluates an estimator by cross-validation: fits a clone on each training fold and scores it
 * on the test fold (several metrics at once if asked), timing each.
 *
 * @param estimator - any object keeping the estimator protocol (fit, and score or scorers' methods)
 * @param X - the samples
 * @param y - the target (omit for unsupervised estimators)
 * @param options - scoring, cv, nJobs, executor, searchId, returnTrainScore, returnEstimator, errorScore, timeout, signal, ...
 * @returns per-fold arrays: `fitTime`, `scoreTime`, `testScore` (or `test<Name>`), ...
 * @throws ValueError when every fit failed, or the first error with `errorScore: 'raise'`
 *   (TimeoutError for a fold past `timeout`); TypeError for an unknown option name; the
 *   signal's reason when it is aborted
 * @example
 * ```ts
 * const res = await crossValidate(new Ridge(), X, y, { cv: 3, scoring: ['r2', 'neg_mean_squared_error'] });
 * res.testR2; // [0.9, 0.85, 0.92]
 * ```
 * @remarks Keys are scikit-learn's in camelCase; times are in seconds. The estimator passed in
 * is never fitted: each fold fits a clone.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.cross_validate.html
 */
export async function crossValidate(
  estimator: EstimatorLike,
  X: unknown,
  y?: unknown,
  options: CrossValidateOptions = {},
): Promise<CrossValidateResult> {
  checkOptionKeys(options, CROSS_VALIDATE_OPTIONS, 'crossValidate');
  const { results } = await runCrossValTasks(estimator, X, y, options, 'score', 'crossValidate');
  warnOrRaiseAboutFitFailures(results, checkErrorScore(options.errorScore ?? NaN));
  const ret: Record<string, unknown> = {
    fitTime: results.map((r) => r.fitTime),
    scoreTime: results.map((r) => r.scoreTime),
  };
  if (options.returnEstimator) ret.estimator = results.map((r) => r.estimator);
  const first = results[0]?.testScores;
  const names = typeof first === 'object' && first !== null ? Object.keys(first) : ['score'];
  const pick = (s: TaskResult['testScores'] | undefined, name: string) =>
    typeof s === 'object' && s !== null ? s[name]! : (s as number);
  for (const name of names) {
    ret[resultKey('test', name)] = results.map((r) => pick(r.testScores, name));
    if (options.returnTrainScore)
      ret[resultKey('train', name)] = results.map((r) => pick(r.trainScores, name));
  }
  return ret as CrossValidateResult;
}
