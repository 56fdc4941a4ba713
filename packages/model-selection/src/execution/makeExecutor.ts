// Picks the executor for an `nJobs` param (and a timeout), or takes the `executor` param.
import { InvalidParameterError, ValueError, pyRepr } from '@scikeras/estimator-core';
import type { Executor, ExecutorRunOptions } from './Executor';
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

/**
 * The executor of a search or cross-validation: its `executor` param when set (nJobs must then
 * be null or 1; the `timeout` then goes to its `run`), else the one {@link makeExecutor} picks
 * for `nJobs` and the `timeout`.
 *
 * @param owner - the search's or function's name, for the message
 * @param nJobs - the nJobs param
 * @param executor - the executor param
 * @param options - `timeout`
 * @returns the executor
 * @throws InvalidParameterError when both are set; what makeExecutor throws
 * @example
 * ```ts
 * await resolveExecutor('GridSearchCV', null, new QueueExecutor({ connection, queue })); // the QueueExecutor
 * ```
 */
export async function resolveExecutor(
  owner: string,
  nJobs: number | null | undefined | Executor,
  executor: Executor | null | undefined,
  options: MakeExecutorOptions = {},
): Promise<Executor> {
  if (executor === null || executor === undefined) return makeExecutor(nJobs, options);
  if (typeof (executor as Partial<Executor>).run !== 'function')
    throw new InvalidParameterError(
      `The 'executor' parameter of ${owner} must be an Executor (an object with a 'run' method) or null. Got ${pyRepr(executor)} instead.`,
    );
  if (nJobs !== null && nJobs !== undefined && nJobs !== 1)
    throw new InvalidParameterError(
      `The 'executor' and 'nJobs' parameters of ${owner} cannot be used together: the executor decides where the fits run. ` +
        `Got nJobs=${typeof nJobs === 'object' ? 'an Executor' : pyRepr(nJobs)}; set nJobs to null (or 1), or executor to null.`,
    );
  return executor;
}

/**
 * The options a search or cross-validation gives {@link Executor.run}: only those it has
 * (`undefined` when it has none of a searchId, a signal and a timeout).
 *
 * @param searchId - the run's id (from the search's fit options or crossValidate's options)
 * @param signal - an AbortSignal
 * @param timeout - seconds per task, or null
 * @returns the options
 * @example
 * ```ts
 * runOptions('grid-1', undefined, null); // { searchId: 'grid-1' }
 * ```
 */
export function runOptions(
  searchId: unknown,
  signal: AbortSignal | null | undefined,
  timeout: number | null = null,
): ExecutorRunOptions | undefined {
  if (searchId === undefined && (signal === undefined || signal === null) && timeout === null)
    return undefined;
  const out: ExecutorRunOptions = {};
  if (searchId !== undefined) out.searchId = searchId as string;
  if (signal !== undefined && signal !== null) out.signal = signal;
  if (timeout !== null) out.timeout = timeout;
  return out;
}
