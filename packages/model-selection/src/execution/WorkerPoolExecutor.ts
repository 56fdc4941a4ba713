// Runs tasks on a pool of worker threads (Node only), none on the calling thread (as joblib's loky).
import { availableParallelism, cpus } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import {
  ValueError,
  clone,
  toTravelSpec,
  type EstimatorLike,
  type TravelSpec,
} from '@scikeras/estimator-core';
import { throwIfAborted } from '../internal/abort';
import { checkTimeout } from '../internal/validateParams';
import type { Executor, Job, ExecutorRunOptions } from './Executor';
import type { TaskResult } from './FitTask';
import { toTaskContextSpec, toTaskSpec } from './jobSpec';
import { packContext } from './packedData';
import { PoolJob } from './PoolJob';
import { closeIdleWorkers, idleThreadIds, prestartWorkers } from './WorkerPool';

/** Options of {@link WorkerPoolExecutor}. */
export interface WorkerPoolExecutorOptions {
  /** Number of worker threads running tasks; -1 means every core. @defaultValue -1 */
  nJobs?: number;
  /**
   * Node's limits of each worker thread (`maxOldGenerationSizeMb`, ...): a fit past them ends
   * its worker (ERR_WORKER_OUT_OF_MEMORY), which the job reports as a failed fit.
   * @defaultValue undefined (Node's defaults)
   */
  resourceLimits?: ResourceLimits;
}

/** The number of threads `nJobs` asks for (-1: every core, -2: all but one, ...). */
export function effectiveNJobs(nJobs: number | null | undefined): number {
  if (nJobs === null || nJobs === undefined) return 1;
  if (!Number.isInteger(nJobs) || nJobs === 0)
    throw new ValueError(`nJobs must be a non-zero integer or null, got ${String(nJobs)}.`);
  if (nJobs > 0) return nJobs;
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, cores + 1 + nJobs);
}

let lastJobId = 0;

/**
 * Runs tasks on `nJobs` worker threads; the calling thread runs none (as joblib's loky runs
 * `n_jobs` worker processes), so a fit that calls `process.exit`, crashes its thread or runs out
 * of memory never ends the caller. The shared context (the estimator's TravelSpec, X, y, fit
 * options, scorer names) is sent once to each worker, which starts rebuilding it (importing the
 * estimator's modules) at once; then each worker gets one task at a time. Each worker rebuilds
 * the estimator from its TravelSpec (see the README, "Estimators in worker threads").
 *
 * @example
 * ```ts
 * const results = await new WorkerPoolExecutor({ nJobs: 2 }).run(job, undefined, { timeout: 60 });
 * ```
 * @remarks Node only. Matrices and tensors reach the workers as `{ data, shape }` (or typed
 * arrays for 1-D). A task error with `errorScore: 'raise'` is thrown here with its class
 * (estimator-core's errors and JavaScript's built-in ones; a subclass as its nearest known
 * class, keeping its name), message and the worker's stack. `timeout`: a task that runs longer
 * has its worker terminated and replaced. A worker that dies under a task (exit, uncaught
 * error, out of memory) is replaced; the task gets `errorScore` (a `TerminatedWorkerError` with
 * `'raise'`). `signal`: the job's running workers are terminated and `run` rejects with the
 * signal's reason. Workers are kept 30 s after a job for the next one (as loky keeps its
 * processes), so a later search skips their start and imports; idle workers never keep the
 * process alive; see {@link WorkerPoolExecutor.closeIdlePool}. Under `node --expose-gc` a worker
 * also collects its garbage when its job is over (the calling thread's `gc()` cannot reach a
 * worker's heap), so the process's RSS between searches shows what is retained.
 */
export class WorkerPoolExecutor implements Executor {
  /** A search's refit runs as one more task on the pool (see {@link Executor.refitTasks}). */
  readonly refitTasks = true;
  readonly nJobs: number;
  readonly resourceLimits?: ResourceLimits;

  /** @param options - `nJobs`, `resourceLimits` */
  constructor(options: WorkerPoolExecutorOptions = {}) {
    this.nJobs = effectiveNJobs(options.nJobs ?? -1);
    if (options.resourceLimits) this.resourceLimits = options.resourceLimits;
  }

  /**
   * @param job - the shared context and tasks
   * @param onResult - called after each task, in completion order
   * @param options - `signal` and `timeout` (seconds per task)
   * @returns the results in task order
   * @throws ValueError when the estimator, a param or scoring cannot travel; the first task
   *   error with `errorScore: 'raise'` (TimeoutError / TerminatedWorkerError for a task that
   *   timed out / whose worker died); the signal's reason when it fires
   */
  async run(
    job: Job,
    onResult?: (result: TaskResult) => void,
    options: ExecutorRunOptions = {},
  ): Promise<TaskResult[]> {
    const { signal } = options;
    const timeout = checkTimeout(options.timeout ?? null, 'WorkerPoolExecutor.run');
    throwIfAborted(signal);
    // X and y packed once for every worker (a shared buffer: no copy per worker)
    const context = packContext(await toTaskContextSpec(job));
    const tasks = await Promise.all(job.tasks.map((t) => toTaskSpec(t, job.estimator)));
    throwIfAborted(signal);
    if (tasks.length === 0) return [];
    const run = new PoolJob({
      job,
      jobId: ++lastJobId,
      context,
      tasks,
      onResult,
      timeout,
      signal,
      resourceLimits: this.resourceLimits,
    });
    run.start(Math.min(this.nJobs, tasks.length));
    return run.done;
  }

  /**
   * Starts the workers of a job that is coming (what a search's `fit` calls first, before it
   * validates and splits the data), so that their start overlaps that work: `nJobs` workers,
   * less the idle ones, kept idle until the job takes them (ended after 30 s otherwise). With an
   * estimator, each worker rebuilds it at once: its modules are imported and its backend started
   * before the job's data arrives. Does nothing for an `nJobs` of one thread.
   *
   * @param nJobs - as the executor's option (-1: every core)
   * @param estimator - the estimator the job will fit, or undefined
   * @param resourceLimits - as the executor's option
   * @returns when the workers are started (not yet ready)
   * @example
   * ```ts
   * await WorkerPoolExecutor.prestart(2, estimator);
   * ```
   */
  static async prestart(
    nJobs: number,
    estimator?: EstimatorLike,
    resourceLimits?: ResourceLimits,
  ): Promise<void> {
    const n = effectiveNJobs(nJobs);
    if (n < 2) return;
    let spec: TravelSpec | undefined;
    try {
      spec = estimator ? await toTravelSpec(clone(estimator)) : undefined;
    } catch {
      // an estimator that cannot travel fails the job, with the message naming the fix
    }
    prestartWorkers(n, spec, resourceLimits);
  }

  /**
   * Ends the idle workers kept between jobs now; they otherwise end after 30 s without a job.
   * Idle workers never keep the process alive: this only frees their memory (e.g. their tfjs
   * backends) at once. Workers a job is using are left alone.
   *
   * @returns when the workers have stopped
   * @example
   * ```ts
   * await search.fit(X, y);
   * await WorkerPoolExecutor.closeIdlePool();
   * ```
   */
  static async closeIdlePool(): Promise<void> {
    await closeIdleWorkers();
  }

  /**
   * The thread ids of the idle workers kept for the next job (oldest first): a task's
   * `threadId` in a worker is one of them once its job is over.
   *
   * @returns the ids
   * @example
   * ```ts
   * await search.fit(X, y);
   * WorkerPoolExecutor.idleThreadIds(); // [1, 2] with nJobs: 2
   * ```
   */
  static idleThreadIds(): number[] {
    return idleThreadIds();
  }
}
