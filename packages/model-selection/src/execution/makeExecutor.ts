// Picks the executor for an `nJobs` param (or the `executor` param).
import { InvalidParameterError, ValueError, pyRepr } from '@scikeras/estimator-core';
import type { Executor, ExecutorRunOptions } from './Executor';
import { SequentialExecutor } from './SequentialExecutor';
import { loadWorkerPool } from './loadWorkerPool';

/**
 * The executor for `nJobs`: `null`/`1` run in this thread; `n > 1` on `n` threads (this one
 * and a pool of `n - 1` worker threads, from the Node-only entry `@scikeras/model-selection/node`,
 * loaded only then); negative values count back from every core (-1: all of them), like joblib.
 * An Executor object is used as is (e.g. a distributed one).
 *
 * @param nJobs - the nJobs param, or an Executor
 * @returns the executor
 * @throws ValueError for 0 or a non-integer; for `n > 1` outside Node
 * @example
 * ```ts
 * const ex = await makeExecutor(2); // WorkerPoolExecutor with 2 threads
 * ```
 */
export async function makeExecutor(nJobs: number | null | undefined | Executor): Promise<Executor> {
  if (typeof nJobs === 'object' && nJobs !== null) return nJobs;
  if (nJobs === null || nJobs === undefined || nJobs === 1) return new SequentialExecutor();
  if (!Number.isInteger(nJobs) || nJobs === 0)
    throw new ValueError(`nJobs must be a non-zero integer or null, got ${String(nJobs)}.`);
  const { WorkerPoolExecutor } = await loadWorkerPool();
  const ex = new WorkerPoolExecutor({ nJobs });
  return ex.nJobs === 1 ? new SequentialExecutor() : ex;
}

/**
 * The executor of a search or cross-validation: its `executor` param when set (nJobs must then
 * be null or 1), else the one {@link makeExecutor} picks for `nJobs`.
 *
 * @param owner - the search's or function's name, for the message
 * @param nJobs - the nJobs param
 * @param executor - the executor param
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
): Promise<Executor> {
  if (executor === null || executor === undefined) return makeExecutor(nJobs);
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
 * The options a search or cross-validation gives {@link Executor.run}: `undefined` when it has
 * neither a searchId nor a signal.
 *
 * @param searchId - the run's id (from the search's fit options or crossValidate's options)
 * @param signal - an AbortSignal
 * @returns the options
 * @example
 * ```ts
 * runOptions('grid-1', undefined); // { searchId: 'grid-1' }
 * ```
 */
export function runOptions(searchId: unknown, signal: unknown): ExecutorRunOptions | undefined {
  if (searchId === undefined && signal === undefined) return undefined;
  const out: ExecutorRunOptions = {};
  if (searchId !== undefined) out.searchId = searchId as string;
  if (signal !== undefined) out.signal = signal as AbortSignal;
  return out;
}
