// The default executor: every task in this thread, one after the other.
import { ValueError } from '@scikeras/estimator-core';
import { raceAbort, throwIfAborted } from '../internal/abort';
import type { Executor, Job, ExecutorRunOptions } from './Executor';
import type { TaskResult } from './FitTask';
import { runTask } from './runTask';

/**
 * Runs tasks one after the other in the calling thread (what `nJobs: 1` uses). Estimators
 * need not travel: any object keeping the estimator protocol works.
 *
 * @example
 * ```ts
 * const results = await new SequentialExecutor().run(job, (r) => console.log(r.taskIndex));
 * ```
 * @remarks A fit in this thread cannot be preempted: with a `signal`, `run` rejects as soon as
 * the signal fires and the event loop runs (an async fit, e.g. a tfjs wrapper's, yields to it
 * between batches; a synchronous fit holds it until it returns), no other task starts, and the
 * fit that was running finishes in the background, its result dropped (and disposed). A
 * `timeout` needs a fit that can be ended, so this executor refuses it: `makeExecutor` runs
 * `nJobs: 1` with a timeout on one worker thread instead.
 */
export class SequentialExecutor implements Executor {
  /**
   * @param job - the shared context and tasks
   * @param onResult - called after each task
   * @param options - `signal` (see the remarks); `timeout` is refused
   * @returns the results in task order
   * @throws the first task error when `errorScore` is `'raise'`; the signal's reason when it
   *   fires; ValueError when given a timeout
   */
  async run(
    job: Job,
    onResult?: (result: TaskResult) => void,
    options: ExecutorRunOptions = {},
  ): Promise<TaskResult[]> {
    if (options.timeout !== undefined && options.timeout !== null)
      throw new ValueError(
        'SequentialExecutor cannot stop a fit that runs longer than timeout: a fit in the calling ' +
          'thread cannot be preempted. Use makeExecutor(nJobs, { timeout }), which runs the tasks ' +
          'on worker threads (one for nJobs: 1).',
      );
    const { signal } = options;
    const out: TaskResult[] = [];
    for (const task of job.tasks) {
      throwIfAborted(signal);
      const r = await raceAbort(runTask(task, job), signal, disposeResult);
      out.push(r);
      onResult?.(r);
    }
    throwIfAborted(signal);
    return out;
  }
}

/** Frees what a dropped result holds (a fitted estimator with `returnEstimator`). */
function disposeResult(r: TaskResult): void {
  (r.estimator as { dispose?: () => void } | undefined)?.dispose?.();
}
