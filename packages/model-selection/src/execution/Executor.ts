// The executors that run fit-and-score tasks: in this thread, or on a pool of worker threads.
import type { EstimatorLike } from '@scikeras/estimator-core';
import type { FitTask, TaskResult } from './FitTask';
import type { Scoring } from './scoring';
import type { LiveTaskContext } from './runTask';

/** A job: the shared context and the tasks to run. */
export interface Job extends LiveTaskContext {
  /** `scoring` as the user gave it (names travel to workers; resolved scorers do not). */
  scoringParam: Scoring;
  tasks: FitTask[];
  /** The estimator the tasks clone. */
  estimator: EstimatorLike;
}

/**
 * What a search or a cross-validation passes to {@link Executor.run} besides the job: the run's
 * id, and how it is bounded and stopped. Every option is optional: an executor written before
 * one keeps working, and one that cannot honour an option it is given must say so (throw)
 * rather than ignore it.
 */
export interface ExecutorRunOptions {
  /**
   * The caller's name for this run (`search.fit(X, y, { searchId })`): an executor that keeps
   * results outside the process (e.g. `QueueExecutor` of `@scikeras/distributed`) resumes a run
   * of the same id instead of starting over. Executors that keep nothing ignore it.
   */
  searchId?: string;
  /**
   * Aborts the run: `run` rejects with `signal.reason` (a DOMException named `'AbortError'`
   * unless the caller gave another reason) as soon as it can, no new task starts, and the
   * tasks running elsewhere are ended (worker threads terminated, queued jobs removed). The
   * signal itself never reaches an estimator nor another thread.
   */
  signal?: AbortSignal | null;
  /**
   * Seconds one task may run (joblib's `Parallel(timeout=)`, but per task): a task that runs
   * longer is ended and its result is the job's `errorScore` with a `fitError` naming the
   * candidate, the fold and the timeout ({@link timeoutFailure}); with `errorScore: 'raise'`
   * the run rejects with estimator-core's `TimeoutError`. The clock starts when the task
   * starts, not when it is queued (a worker's start-up is not counted). `null`: no limit.
   */
  timeout?: number | null;
}

/**
 * Runs the tasks of a job and reports each finished one. `run` resolves to the results in
 * task order. Implementations: {@link SequentialExecutor} (this thread) and
 * {@link "@scikeras/model-selection/node"!WorkerPoolExecutor} (worker threads); a distributed executor consumes the same
 * {@link FitTask}s with a {@link TaskContextSpec}.
 *
 * @example
 * ```ts
 * const results = await executor.run(job, (r) => console.log(r.taskIndex), { timeout: 60 });
 * ```
 */
export interface Executor {
  /**
   * Whether `run` takes a job of mode `'fit'` (one task fitting a clone on every row and
   * returning it): a search then refits its best candidate as one more task on this executor
   * ({@link "@scikeras/model-selection/node"!WorkerPoolExecutor}: on a warm worker thread, never the calling one). Absent or
   * false: the refit runs in the calling thread (e.g. `QueueExecutor`, whose workers run
   * fit-and-score and prediction tasks only).
   */
  readonly refitTasks?: boolean;
  /**
   * @param job - the shared context and the tasks
   * @param onResult - called after each finished task, in completion order
   * @param options - `searchId`, `signal` and `timeout` (see {@link ExecutorRunOptions}); optional
   * @returns the results in task order
   */
  run(
    job: Job,
    onResult?: (result: TaskResult) => void,
    options?: ExecutorRunOptions,
  ): Promise<TaskResult[]>;
}
