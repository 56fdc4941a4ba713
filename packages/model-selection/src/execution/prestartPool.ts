// Starts a search's worker threads as soon as its fit is called (Node, nJobs > 1), so that their
// start (the thread, the estimator's imports, its backend) overlaps the caller's validation and
// splitting instead of following it.
import type { EstimatorLike } from '@scikeras/estimator-core';
import type { Executor } from './Executor';
import { loadWorkerPool } from './loadWorkerPool';

/**
 * Whether a run with these params will use the worker pool of `nJobs > 1` (without a
 * timeout, `nJobs` 1 or null runs in this thread).
 */
function wantsPool(nJobs: unknown, executor: unknown): nJobs is number {
  if (executor !== null && executor !== undefined) return false;
  if (typeof nJobs !== 'number' || !Number.isInteger(nJobs)) return false;
  if (nJobs === 0 || nJobs === 1) return false;
  const g = globalThis as { process?: { versions?: { node?: string } } };
  return g.process?.versions?.node !== undefined;
}

/**
 * Starts the worker threads a run with `nJobs` will take (see `WorkerPoolExecutor.prestart`),
 * with `estimator` rebuilt in each at once. Does nothing outside Node, for `nJobs` 1 or null,
 * an `executor`, or params the run will reject (the run reports them).
 *
 * @param nJobs - the run's nJobs param
 * @param executor - the run's executor param
 * @param estimator - the estimator the run fits
 * @returns when the threads are started (not yet ready)
 * @example
 * ```ts
 * await prestartPool(this.nJobs, this.executor, this.estimator); // first thing in fit
 * ```
 */
export async function prestartPool(
  nJobs: number | null | undefined | Executor,
  executor: Executor | null | undefined,
  estimator: EstimatorLike | null | undefined,
): Promise<void> {
  if (!wantsPool(nJobs, executor)) return;
  try {
    const { WorkerPoolExecutor } = await loadWorkerPool();
    await WorkerPoolExecutor.prestart(nJobs, estimator ?? undefined);
  } catch {
    // the run itself reports what is wrong (the pool not loadable, ...)
  }
}
