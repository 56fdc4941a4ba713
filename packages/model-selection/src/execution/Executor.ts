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
 * Runs the tasks of a job and reports each finished one. `run` resolves to the results in
 * task order. Implementations: {@link SequentialExecutor} (this thread) and
 * {@link WorkerPoolExecutor} (worker threads); a distributed executor consumes the same
 * {@link FitTask}s with a {@link TaskContextSpec}.
 */
export interface Executor {
  run(job: Job, onResult?: (result: TaskResult) => void): Promise<TaskResult[]>;
}
