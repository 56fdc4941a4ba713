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
 * How a run is bounded and stopped (the third argument of {@link Executor.run}). Both are
 * optional: an executor written before them keeps working, and one that cannot honour an
 * option it is given must say so (throw) rather than ignore it.
 */
export interface RunOptions {
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
 * {@link WorkerPoolExecutor} (worker threads); a distributed executor consumes the same
 * {@link FitTask}s with a {@link TaskContextSpec}.
 *
 * @example
 * ```ts
 * const results = await executor.run(job, (r) => console.log(r.taskIndex), { timeout: 60 });
 * ```
 */
export interface Executor {
  /**
   * @param job - the shared context and the tasks
   * @param onResult - called after each finished task, in completion order
   * @param options - `signal` and `timeout` (see {@link RunOptions}); optional
   * @returns the results in task order
   */
  run(
    job: Job,
    onResult?: (result: TaskResult) => void,
    options?: RunOptions,
  ): Promise<TaskResult[]>;
}
