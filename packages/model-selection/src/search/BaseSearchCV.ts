// Port of scikit-learn's sklearn/model_selection/_search.py BaseSearchCV (BSD-3-Clause).
import {
  BaseEstimator,
  ValueError,
  checkConsistentLength,
  checkIsFitted,
  clone,
  estimatorNameOf,
  isClassifier,
  pyRepr,
  type EstimatorLike,
  type EstimatorType,
} from '@scikeras/estimator-core';
import type { Scorer } from '@scikeras/metrics';
import type { Executor } from '../execution/Executor';
import type { FitTask } from '../execution/FitTask';
import { ProgressReporter, type OnProgress } from '../execution/ProgressReporter';
import { checkCv, type CvLike } from '../splitters/checkCv';
import { checkErrorScore, warnOrRaiseAboutFitFailures } from '../internal/fitFailures';
import { formatResults } from './formatResults';
import { refitBest } from './refitBest';
import { resultKey } from '../internal/keys';
import { resolveScoring, type ResolvedScoring, type Scoring } from '../execution/scoring';
import { resolveExecutor, runOptions } from '../execution/makeExecutor';
import { prestartPool } from '../execution/prestartPool';
import type { BestParams } from './typedParamGrid';
import { checkSignal, throwIfAborted } from '../internal/abort';
import { checkTimeout } from '../internal/validateParams';

/**
 * Params shared by the searches.
 *
 * @typeParam T - the searched estimator's type (it types the param grid and `bestParams_`)
 */
export interface BaseSearchCVParams<T extends EstimatorLike = EstimatorLike> {
  /** The estimator whose params are searched (cloned, never fitted itself). @defaultValue null */
  estimator?: T | null;
  /** A scorer name or function, or several (array of names, or name to scorer). @defaultValue null: the estimator's `score` */
  scoring?: Scoring;
  /** Worker threads running fits (`null`/1: this thread; n > 1: n worker threads, none on this thread; -1: every core), or an Executor. @defaultValue null */
  nJobs?: number | null | Executor;
  /**
   * Where the fits run instead of `nJobs`, e.g. a `QueueExecutor` of `@scikeras/distributed`
   * (workers on other machines, through Redis). Not with `nJobs` other than null or 1.
   * @defaultValue null
   */
  executor?: Executor | null;
  /**
   * Refit the best candidate on the whole data: `true`, `false`, the metric name that picks
   * the best with several metrics, or a function of `cvResults_` returning the best index.
   * @defaultValue true
   */
  refit?: boolean | string | ((cvResults: Record<string, unknown[]>) => number);
  /** Folds, splitter or iterable of splits. @defaultValue null (5 folds) */
  cv?: CvLike;
  /** 0 silent; > 0 header and a progress bar on a terminal; > 1 one line per fit; > 2 with scores. @defaultValue 0 */
  verbose?: number;
  /** Score of a fit that failed, or `'raise'`. @defaultValue NaN */
  errorScore?: 'raise' | number;
  /** Also score on the training folds. @defaultValue false */
  returnTrainScore?: boolean;
  /** Called after each finished fit-and-score task. @defaultValue null */
  onProgress?: OnProgress | null;
  /**
   * Seconds one fit (and its scoring) may run, joblib's `Parallel(timeout=)` applied per
   * task: a fit that runs longer is stopped (its worker thread is terminated and replaced) and
   * scored `errorScore`, with a FitFailedWarning naming the candidate, the fold and the
   * timeout; with `errorScore: 'raise'` the search throws estimator-core's TimeoutError. With
   * `nJobs` null/1 and a timeout the fits run on one worker thread (a fit in the calling thread
   * cannot be stopped), so the estimator must travel (see the README). The refit is not bounded.
   * Node only. @defaultValue null (no limit)
   */
  timeout?: number | null;
}

/** What the estimator type T's `predict` resolves to (`unknown` when T has no typed `predict`). */
type PredictionOf<T> = T extends { predict(X: never, ...rest: never[]): infer R }
  ? Awaited<R>
  : unknown;

type Est = EstimatorLike & {
  /** Fits the estimator on X (and y). */
  fit(X: unknown, y?: unknown, options?: Record<string, unknown>): unknown;
  /** Predictions for X. */
  predict?(X: unknown): unknown;
  /** Class probabilities for X (classifiers). */
  predictProba?(X: unknown): unknown;
  /** The default score on X and y. */
  score?(X: unknown, y?: unknown): unknown;
  estimatorType?: EstimatorType;
};

/**
 * Base class of GridSearchCV and RandomizedSearchCV: evaluates every candidate on every split
 * as independent tasks (run by the executor `nJobs` picks), collects `cvResults_`, picks the
 * best and refits it. Subclasses implement `candidates()`.
 *
 * @example
 * ```ts
 * class TwoCandidates extends BaseSearchCV { protected candidates() { return [{ alpha: 1 }, { alpha: 2 }]; } }
 * ```
 * @typeParam P - the search's params interface
 * @typeParam T - the searched estimator's type (types `bestParams_` and `bestEstimator_`)
 * @see https://scikit-learn.org/1.2/modules/grid_search.html
 */
export abstract class BaseSearchCV<
  P extends BaseSearchCVParams<any> = BaseSearchCVParams,
  T extends EstimatorLike = EstimatorLike,
> extends BaseEstimator<P> {
  declare estimator: Est;
  declare scoring: Scoring;
  declare nJobs: number | null | Executor;
  declare executor: Executor | null;
  /** Refit the best candidate on the whole data: `true`, the scorer name to pick it by, or a function of `cvResults_` returning its index. */
  declare refit: boolean | string | ((cvResults: Record<string, unknown[]>) => number);
  declare cv: CvLike;
  declare verbose: number;
  declare errorScore: 'raise' | number;
  declare returnTrainScore: boolean;
  declare onProgress: OnProgress | null;
  declare timeout: number | null;

  /** Results per candidate under scikit-learn's keys in camelCase. */
  declare cvResults_?: Record<string, unknown[]>;
  /** The refitted best estimator (with `refit`): a clone of `estimator`, so of its type. */
  declare bestEstimator_?: T & Est;
  /** Mean cross-validated score of the best candidate. */
  declare bestScore_?: number;
  /** Params of the best candidate (typed by the estimator's params, see `BestParams`). */
  declare bestParams_?: BestParams<T>;
  /** Index of the best candidate in `cvResults_`. */
  declare bestIndex_?: number;
  /** The scorer (or scorers by name) used. */
  declare scorer_?: Scorer | Record<string, Scorer>;
  /** Whether several metrics were used. */
  declare multimetric_?: boolean;
  /** Number of cv splits. */
  declare nSplits_?: number;
  /** Seconds spent refitting the best candidate. */
  declare refitTime_?: number;
  /** Classes of the best estimator (classifiers with refit). */
  declare classes_?: unknown;
  /** Number of features seen by the best estimator (with refit). */
  declare nFeaturesIn_?: number;

  static override tags = {
    xfailChecks: {},
  };

  /** The candidates (param settings) to evaluate. */
  protected abstract candidates(): Record<string, unknown>[];

  /** The estimator type of the searched estimator. */
  override get estimatorType(): EstimatorType | undefined {
    return (this.estimator as Est | null)?.estimatorType;
  }

  #checkRefitForMultimetric(scorers: Record<string, unknown>): void {
    const valid = typeof this.refit === 'string' && this.refit in scorers;
    if (this.refit !== false && !valid && typeof this.refit !== 'function') {
      throw new ValueError(
        'For multi-metric scoring, the parameter refit must be set to a scorer key or a callable to refit an estimator with the best parameter setting on the whole data and make the bestX_ attributes available for that metric. ' +
          `If this is not needed, refit should be set to false explicitly. ${pyRepr(this.refit)} was passed.`,
      );
    }
  }

  /**
   * Runs the search: every candidate on every split, then refits the best on all of X.
   *
   * @param X - the samples
   * @param y - the target
   * @param fitOptions - passed to every `fit` (arrays with one entry per sample are sliced);
   *   `groups` is taken out and used for the splits; `searchId` is taken out and given to the
   *   executor (a `QueueExecutor` resumes a search of the same id); `signal` (an AbortSignal)
   *   is taken out and aborts the search: it rejects with the signal's reason (a DOMException
   *   named 'AbortError' for `controller.abort()`), the running fits' worker threads are
   *   terminated (a QueueExecutor's queued jobs removed), and the signal never reaches the
   *   estimator's `fit` nor a worker
   * @returns this search, fitted
   * @throws ValueError for an invalid refit with several metrics, when every fit failed, or the
   *   first error with `errorScore: 'raise'` (TimeoutError for a fit past `timeout`,
   *   TerminatedWorkerError for a worker that died); InvalidParameterError for `executor` with
   *   `nJobs` other than null or 1; the signal's reason when it is aborted
   * @example
   * ```ts
   * await new GridSearchCV({ estimator: new Ridge(), paramGrid: { alpha: [0.1, 1] } }).fit(X, y);
   * ```
   */
  async fit(X: unknown, y?: unknown, fitOptions: Record<string, unknown> = {}): Promise<this> {
    const { groups, searchId, signal: signalOption, ...fitOpts } = fitOptions;
    const signal = checkSignal(signalOption, `${estimatorNameOf(this)}.fit`);
    throwIfAborted(signal);
    const timeout = checkTimeout(this.timeout, estimatorNameOf(this));
    const estimator = this.estimator;
    if (!estimator || typeof estimator.getParams !== 'function')
      throw new ValueError(
        `${estimatorNameOf(this)} needs an estimator, got ${pyRepr(estimator)}.`,
      );
    // nJobs > 1: the workers start now, their start overlapping the validation and splits below
    await prestartPool(this.nJobs, this.executor, estimator);
    const errorScore = checkErrorScore(this.errorScore);
    let refitMetric = 'score';
    const scoring: ResolvedScoring = resolveScoring(estimator, this.scoring);
    if (scoring.multimetric) {
      this.#checkRefitForMultimetric(scoring.scorers);
      refitMetric = this.refit as string;
    }
    checkConsistentLength(X, y ?? undefined, groups ?? undefined);
    const hasY = y !== undefined && y !== null;
    const cv = checkCv(this.cv, y, isClassifier(estimator));
    const nSplits = cv.getNSplits(X, y, groups);
    const base = clone(estimator);
    const candidates = this.candidates();
    const splits = [...cv.split(X, y, groups)];
    const tasks: FitTask[] = [];
    candidates.forEach((params, c) =>
      splits.forEach(([trainIdx, testIdx], s) =>
        tasks.push({
          taskIndex: tasks.length,
          candidateIndex: c,
          splitIndex: s,
          params,
          trainIdx,
          testIdx,
        }),
      ),
    );
    const reporter = new ProgressReporter({
      verbose: this.verbose,
      onProgress: this.onProgress,
      tasks,
      nSplits,
      nCandidates: candidates.length,
    });
    reporter.start();
    const executor = await resolveExecutor(estimatorNameOf(this), this.nJobs, this.executor, {
      timeout,
    });
    const out = await executor.run(
      {
        estimator: base,
        X,
        y,
        fitOptions: fitOpts,
        scoring,
        scoringParam: this.scoring,
        mode: 'score',
        returnTrainScore: this.returnTrainScore,
        returnEstimator: false,
        errorScore,
        tasks,
      },
      (r) => reporter.done(r),
      runOptions(searchId, signal, timeout),
    );
    reporter.finish();
    if (out.length < 1)
      throw new ValueError(
        'No fits were performed. Was the CV iterator empty? Were there no candidates?',
      );
    if (out.length !== candidates.length * nSplits) {
      throw new ValueError(
        `cv.split and cv.getNSplits returned inconsistent results. Expected ${nSplits} splits, got ${out.length / candidates.length}`,
      );
    }
    warnOrRaiseAboutFitFailures(out, errorScore);
    const results = formatResults(candidates, nSplits, out, this.returnTrainScore);
    this.multimetric_ = scoring.multimetric;

    if (this.refit || !scoring.multimetric) {
      if (typeof this.refit === 'function') {
        const best = this.refit(results);
        if (!Number.isInteger(best)) throw new TypeError('bestIndex_ returned is not an integer');
        if (best < 0 || best >= candidates.length)
          throw new RangeError('bestIndex_ index out of range');
        this.bestIndex_ = best;
      } else {
        const ranks = results[resultKey('rankTest', refitMetric)] as number[];
        this.bestIndex_ = ranks.indexOf(Math.min(...ranks));
        this.bestScore_ = (results[resultKey('meanTest', refitMetric)] as number[])[
          this.bestIndex_
        ];
      }
      this.bestParams_ = candidates[this.bestIndex_]! as BestParams<T>;
    }
    if (this.refit) {
      const t0 = performance.now();
      const best = (await refitBest({
        executor,
        base,
        params: this.bestParams_!,
        candidateIndex: this.bestIndex_!,
        X,
        y: hasY ? y : undefined,
        fitOptions: fitOpts,
        signal,
      })) as Est;
      this.refitTime_ = (performance.now() - t0) / 1000;
      this.dispose();
      this.bestEstimator_ = best as T & Est;
      const fitted = best as unknown as Record<string, unknown>;
      if (fitted.classes_ !== undefined) this.classes_ = fitted.classes_;
      if (fitted.nFeaturesIn_ !== undefined) this.nFeaturesIn_ = fitted.nFeaturesIn_ as number;
    }
    this.scorer_ = scoring.multimetric ? scoring.scorers : scoring.scorer;
    this.cvResults_ = results;
    this.nSplits_ = nSplits;
    return this;
  }

  #checkRefit(attr: string): void {
    if (!this.refit) {
      throw new ValueError(
        `This ${estimatorNameOf(this)} instance was initialized with \`refit=false\`. ${attr} is available only after refitting on the best parameters. You can refit an estimator manually using the \`bestParams_\` attribute`,
      );
    }
    checkIsFitted(this);
  }

  #best(method: 'predict' | 'predictProba'): Est {
    this.#checkRefit(method);
    const best = this.bestEstimator_!;
    if (typeof best[method] !== 'function') {
      throw new ValueError(
        `This ${estimatorNameOf(this)} has no attribute '${method}': ${estimatorNameOf(best)} does not provide it.`,
      );
    }
    return best;
  }

  /**
   * Predicts with the best estimator.
   *
   * @param X - the samples
   * @returns what `bestEstimator_.predict` returns (typed as the estimator's `predict`, awaited)
   * @throws ValueError with `refit: false`; NotFittedError before `fit`
   * @example
   * ```ts
   * await search.predict(XTest);
   * ```
   */
  async predict(X: unknown): Promise<PredictionOf<T>> {
    return this.#best('predict').predict!(X) as PredictionOf<T>;
  }

  /**
   * Class probabilities from the best estimator; `undefined` when the estimator has no
   * `predictProba` (scikit-learn's `available_if`), so `typeof search.predictProba` tells.
   *
   * @returns a function of X returning what `bestEstimator_.predictProba` returns
   * @throws ValueError with `refit: false` or when the estimator has no predictProba; NotFittedError before `fit`
   * @example
   * ```ts
   * await search.predictProba(XTest);
   * ```
   */
  get predictProba(): ((X: unknown) => Promise<unknown>) | undefined {
    const inner = (this.bestEstimator_ ?? this.estimator) as Est | null;
    if (typeof inner?.predictProba !== 'function') return undefined;
    return async (X: unknown) => this.#best('predictProba').predictProba!(X);
  }

  /**
   * The score of the best estimator on the given data, with the search's scorer (the refit
   * metric's with several metrics).
   *
   * @param X - the samples
   * @param y - the target
   * @returns the score
   * @throws ValueError with `refit: false`; NotFittedError before `fit`
   * @example
   * ```ts
   * await search.score(XTest, yTest);
   * ```
   */
  async score(X: unknown, y?: unknown): Promise<number> {
    this.#checkRefit('score');
    const scorer = (
      this.multimetric_
        ? (this.scorer_ as Record<string, Scorer>)[this.refit as string]
        : this.scorer_
    ) as Scorer;
    return scorer(this.bestEstimator_ as never, X, y);
  }

  /**
   * Frees what the refitted `bestEstimator_` holds (its `dispose()`, e.g. a tfjs model's
   * weights); a no-op for estimators without one. Called before a new refit replaces it.
   *
   * @example
   * ```ts
   * await search.fit(X, y);
   * search.dispose();
   * ```
   * @remarks Not part of scikit-learn: JavaScript has no destructors for tensor memory.
   */
  dispose(): void {
    const best = this.bestEstimator_ as { dispose?: () => void } | undefined;
    if (best && typeof best.dispose === 'function') best.dispose();
  }
}
