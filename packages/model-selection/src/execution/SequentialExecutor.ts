// The default executor: every task in this thread, one after the other.
import type { Executor, Job } from './Executor';
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
 */
export class SequentialExecutor implements Executor {
  /**
   * @param job - the shared context and tasks
   * @param onResult - called after each task
   * @returns the results in task order
   * @throws the first task error when `errorScore` is `'raise'`
   */
  async run(job: Job, onResult?: (result: TaskResult) => void): Promise<TaskResult[]> {
    const out: TaskResult[] = [];
    for (const task of job.tasks) {
      const r = await runTask(task, job);
      out.push(r);
      onResult?.(r);
    }
    return out;
  }
}
