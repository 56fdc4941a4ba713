// Picks the executor for an `nJobs` param (and a timeout).
import { ValueError } from '@scikeras/estimator-core';
import type { Executor } from './Executor';
import { SequentialExecutor } from './SequentialExecutor';
import { loadWorkerPool } from './loadWorkerPool';

/** Options of {@link makeExecutor}. */
export interface MakeExecutorOptions {
  /** The run's timeout (seconds per task): set, even `nJobs: 1` runs on a worker thread. */
  timeout?: number | null;
}

/**
 * The executor for `nJobs`: `null`/`1` run in this thread; `n > 1` on `n` worker threads (from
 * the Node-only entry `@scikeras/model-selection/node`, loaded only then); negative values count
 * back from every core (-1: all of them), like joblib. With a `timeout`, `null`/`1` run on one
 * worker thread: a fit in this thread cannot be stopped. An Executor object is used as is
 * (e.g. a distributed one).
 *
 * @param nJobs - the nJobs param, or an Executor
 * @param options - `timeout`
 * @returns the executor
 * @throws ValueError for 0 or a non-integer; for `n > 1` or a timeout outside Node
 * @example
 * ```ts
 * const ex = await makeExecutor(2); // WorkerPoolExecutor with 2 worker threads
 * ```
 */
export async function makeExecutor(
  nJobs: number | null | undefined | Executor,
  options: MakeExecutorOptions = {},
): Promise<Executor> {
  if (typeof nJobs === 'object' && nJobs !== null) return nJobs;
  const timed = options.timeout !== undefined && options.timeout !== null;
  if ((nJobs === null || nJobs === undefined || nJobs === 1) && !timed)
    return new SequentialExecutor();
  if (nJobs !== null && nJobs !== undefined && (!Number.isInteger(nJobs) || nJobs === 0))
    throw new ValueError(`nJobs must be a non-zero integer or null, got ${String(nJobs)}.`);
  const { WorkerPoolExecutor } = await loadWorkerPool(timed ? 'timeout' : 'nJobs');
  const ex = new WorkerPoolExecutor({ nJobs: nJobs ?? 1 });
  return ex.nJobs === 1 && !timed ? new SequentialExecutor() : ex;
}
