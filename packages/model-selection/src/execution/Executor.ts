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

/** What a search or a cross-validation passes to {@link Executor.run} besides the job. */
export interface ExecutorRunOptions {
  /**
   * The caller's name for this run (`search.fit(X, y, { searchId })`): an executor that keeps
   * results outside the process (e.g. `QueueExecutor` of `@scikeras/distributed`) resumes a run
   * of the same id instead of starting over. Executors that keep nothing ignore it.
   */
  searchId?: string;
  /** Cancels the run: the executor stops taking tasks and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Runs the tasks of a job and reports each finished one. `run` resolves to the results in
 * task order. Implementations: {@link SequentialExecutor} (this thread) and
 * {@link "@scikeras/model-selection/node"!WorkerPoolExecutor} (worker threads); a distributed executor consumes the same
 * {@link FitTask}s with a {@link TaskContextSpec}.
 */
export interface Executor {
  /** Runs the job's tasks; `onResult` hears each finished one. Resolves to the results in task order. */
  run(
    job: Job,
    onResult?: (result: TaskResult) => void,
    options?: ExecutorRunOptions,
  ): Promise<TaskResult[]>;
}
