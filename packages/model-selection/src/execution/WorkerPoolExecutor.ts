// Runs tasks on this thread and a pool of worker threads (piscina), data sent once per worker.
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import {
  RuntimeError,
  ValueError,
  fromTravelSpec,
  warn,
  type EstimatorLike,
} from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import type { Executor, Job } from './Executor';
import type { TaskContextSpec, TaskResult, TaskSpec } from './FitTask';
import { toTaskContextSpec, toTaskSpec } from './jobSpec';
import { runTask } from './runTask';
import type { DrainMessage, DrainRequest, PoolWorkerData } from './worker';

/** Options of {@link WorkerPoolExecutor}. */
export interface WorkerPoolExecutorOptions {
  /** Number of threads running tasks, this one included; -1 means every core. @defaultValue -1 */
  nJobs?: number;
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

/** Where the built worker entry is: beside this module in dist (ESM or CommonJS build), or in the package's dist when the sources run (ts-jest). */
export function workerFilename(): string {
  // MODULE_URL: this built module, or dist/index.mjs for the sources (packageModuleUrl)
  const dir = MODULE_URL?.startsWith('file:') ? dirname(fileURLToPath(MODULE_URL)) : undefined;
  const candidates = dir ? [join(dir, 'worker.mjs')] : [];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new RuntimeError(
    `The worker entry of @scikeras/model-selection was not found (looked for ${candidates.join(', ') || 'a file URL of this module'}). Build the package first.`,
  );
}

/** Lets the event loop run (worker messages, the pool's dispatch) between this thread's tasks. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What one run shares between this thread's loop and the workers' messages. */
interface RunState {
  job: Job;
  jobId: number;
  context: TaskContextSpec;
  /** The tasks with encoded params, for the workers. */
  encoded: TaskSpec[];
  /** `next[0]`: the position of the next task to take (shared with the workers). */
  next: Int32Array;
  results: TaskResult[];
  onResult?: (result: TaskResult) => void;
  failure?: { error: unknown };
  /** Resolves when a task raised (or a worker died). */
  failed: Promise<void>;
  signalFailure: () => void;
}

function fail(state: RunState, error: unknown): void {
  if (state.failure) return;
  state.failure = { error };
  Atomics.store(state.next, 0, state.job.tasks.length); // nobody takes another task
  state.signalFailure();
}

function accept(state: RunState, position: number, r: TaskResult): void {
  if (state.failure) return;
  state.results[position] = r;
  state.onResult?.(r);
}

/** Takes tasks in this thread until none is left (the calling thread is one of the nJobs). */
async function drainHere(state: RunState): Promise<void> {
  const { job, next } = state;
  while (!state.failure) {
    const position = Atomics.add(next, 0, 1);
    if (position >= job.tasks.length) return;
    let r: TaskResult;
    try {
      r = await runTask(job.tasks[position]!, job);
    } catch (e) {
      fail(state, e);
      return;
    }
    accept(state, position, r);
    await yieldToEventLoop();
  }
}

/** A worker's result in this thread: warnings re-emitted, a raised error re-thrown, estimators rebuilt. */
async function receive(state: RunState, position: number, r: TaskResult): Promise<void> {
  for (const w of r.warnings ?? []) warn(w.message, w.category);
  if (r.raised) {
    const e = new Error(r.raised.message);
    e.name = r.raised.name;
    if (r.raised.stack) e.stack = r.raised.stack;
    throw e;
  }
  if (state.job.returnEstimator && r.estimator)
    r.estimator = await fromTravelSpec<EstimatorLike>(r.estimator as never);
  accept(state, position, r);
}

/** Runs one worker's drain: its results arrive on a port as they finish. Never rejects. */
async function drainWorker(state: RunState, pool: Pool): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  let chain = Promise.resolve();
  const finished = new Promise<void>((resolve) => {
    port1.on('message', (m: DrainMessage) => {
      if ('done' in m) {
        port1.close();
        resolve();
      } else
        chain = chain
          .then(() => receive(state, m.position, m.result))
          .catch((e: unknown) => fail(state, e));
    });
    port1.on('close', () => resolve());
  });
  try {
    await Promise.all([
      pool.run(
        {
          jobId: state.jobId,
          context: state.context,
          tasks: state.encoded,
          next: state.next,
          port: port2,
        } satisfies DrainRequest,
        { transferList: [port2] },
      ),
      finished,
    ]);
    await chain;
  } catch (e) {
    fail(state, e);
  } finally {
    port1.close();
  }
}

type Pool = Piscina;

/**
 * How long an idle pool is kept for the next job (joblib's loky executor likewise reuses its
 * workers between calls): a later search skips the workers' start, their imports (tfjs...) and
 * their JIT warm-up. Its timer does not keep the process alive, nor do idle workers.
 */
const POOL_KEEP_ALIVE_MS = 30_000;

interface KeptPool {
  pool: Pool;
  threads: number;
  inUse: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** The pool kept between jobs (one at a time; a job running beside another gets its own). */
let kept: KeptPool | undefined;
let lastJobId = 0;

/** A pool with at least `threads` workers for a job: the kept one when free and big enough, else a new one. */
async function acquirePool(
  threads: number,
  first: PoolWorkerData['first'],
): Promise<{
  pool: Pool;
  release: (healthy: boolean, settled?: Promise<unknown>) => Promise<void>;
}> {
  if (kept && !kept.inUse) {
    if (kept.threads >= threads) {
      const entry = kept;
      clearTimeout(entry.timer);
      entry.inUse = true;
      return {
        pool: entry.pool,
        release: (healthy, settled) => releaseKept(entry, healthy, settled),
      };
    }
    const old = kept.pool;
    kept = undefined;
    await old.destroy();
  }
  const workerData: PoolWorkerData = { first };
  const pool = new Piscina({
    filename: workerFilename(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: POOL_KEEP_ALIVE_MS,
    // a worker runs one long task per job (its drain); with atomics, an idle worker blocks in
    // Atomics.wait, which would stall the estimator's import started at worker load
    atomics: 'disabled',
    workerData,
  });
  // the workers have their copy; a worker started later (after a crash) gets jobs by message
  workerData.first = null;
  if (kept) {
    // another job holds the kept pool: this one lives for this job only
    return {
      pool,
      release: async (_healthy, settled) => {
        await settled;
        await pool.destroy();
      },
    };
  }
  const entry: KeptPool = { pool, threads, inUse: true };
  kept = entry;
  return { pool, release: (healthy, settled) => releaseKept(entry, healthy, settled) };
}

/**
 * Gives a job's pool back: kept for the next job when the job went well, else (or when another
 * pool is kept) destroyed once `settled` resolves (the workers' running tasks have ended).
 */
async function releaseKept(
  entry: KeptPool,
  healthy: boolean,
  settled?: Promise<unknown>,
): Promise<void> {
  entry.inUse = false;
  if (!healthy || kept !== entry) {
    // a failed job's workers are not reused: the next job starts a new pool at once
    if (kept === entry) kept = undefined;
    await settled;
    await entry.pool.destroy();
    return;
  }
  entry.timer = setTimeout(() => {
    if (kept === entry && !entry.inUse) {
      kept = undefined;
      void entry.pool.destroy();
    }
  }, POOL_KEEP_ALIVE_MS);
  entry.timer.unref?.();
}

/**
 * Runs tasks on `nJobs` threads: this one and a pool of `nJobs - 1` worker threads (piscina).
 * The shared context (the estimator's TravelSpec, X, y, fit options, scorer names) and the
 * task list are sent once to each worker; every thread then takes the next task from a shared
 * counter (SharedArrayBuffer) until none is left, so no thread waits for a dispatch. Each
 * worker rebuilds the estimator from its TravelSpec (see the README, "Estimators in worker
 * threads"); this thread runs its tasks on the estimator itself, as nJobs: 1 does.
 *
 * @example
 * ```ts
 * const results = await new WorkerPoolExecutor({ nJobs: 2 }).run(job);
 * ```
 * @remarks Node only. Matrices and tensors reach the workers as `{ data, shape }` (or typed
 * arrays for 1-D); a task error with `errorScore: 'raise'` is re-thrown here with the
 * worker's name, message and stack. The calling thread counts as one of the `nJobs` (joblib
 * runs `n_jobs` worker processes besides the caller): it is already warm (modules imported,
 * code compiled), where a new worker pays its start-up, and it would otherwise sit idle.
 * The workers are kept 30 s after a job for the next one (as joblib's loky executor keeps its
 * processes), so a later search skips their start, imports and warm-up; see
 * {@link WorkerPoolExecutor.closeIdlePool}.
 */
export class WorkerPoolExecutor implements Executor {
  readonly nJobs: number;

  /** @param options - `nJobs` */
  constructor(options: WorkerPoolExecutorOptions = {}) {
    this.nJobs = effectiveNJobs(options.nJobs ?? -1);
  }

  /**
   * @param job - the shared context and tasks
   * @param onResult - called after each task, in completion order
   * @returns the results in task order
   * @throws ValueError when the estimator, a param or scoring cannot travel; the first task
   *   error with `errorScore: 'raise'`
   */
  async run(job: Job, onResult?: (result: TaskResult) => void): Promise<TaskResult[]> {
    // checked (and encoded) even when every task ends up in this thread: nJobs > 1 behaves the same for any data
    const context = await toTaskContextSpec(job);
    const tasks = await Promise.all(job.tasks.map((t) => toTaskSpec(t, job.estimator)));
    let signalFailure!: () => void;
    const failed = new Promise<void>((resolve) => (signalFailure = resolve));
    const state: RunState = {
      job,
      jobId: ++lastJobId,
      context,
      encoded: tasks,
      next: new Int32Array(new SharedArrayBuffer(4)),
      results: new Array<TaskResult>(tasks.length),
      onResult,
      failed,
      signalFailure,
    };
    const workers = Math.max(0, Math.min(this.nJobs - 1, tasks.length - 1));
    const acquired =
      workers > 0 ? await acquirePool(workers, { jobId: state.jobId, context }) : undefined;
    const drained: Promise<void>[] = [];
    for (let w = 0; w < workers; w++) drained.push(drainWorker(state, acquired!.pool));
    try {
      // a throwing onResult fails the job too (and its workers are not reused)
      await drainHere(state).catch((e: unknown) => fail(state, e));
      await Promise.race([Promise.all(drained), failed]);
      if (state.failure) throw state.failure.error;
      return state.results;
    } finally {
      if (acquired && state.failure) {
        // Fail now, but destroy the pool once its workers have finished the task they are
        // running (they take no new one): destroying it under a running task lets that task's
        // answer reach a closed pool, which piscina reports as an unhandled 'error' event.
        void acquired.release(false, Promise.allSettled(drained)).catch(() => undefined);
      } else await acquired?.release(true);
    }
  }

  /**
   * Ends the worker pool kept between jobs now; it otherwise ends after 30 s without a job.
   * Idle workers never keep the process alive: this only frees their memory (e.g. their tfjs
   * backends) at once. A pool a job is using is left alone.
   *
   * @returns when the workers have stopped
   * @example
   * ```ts
   * await search.fit(X, y);
   * await WorkerPoolExecutor.closeIdlePool();
   * ```
   */
  static async closeIdlePool(): Promise<void> {
    if (!kept || kept.inUse) return;
    const entry = kept;
    kept = undefined;
    clearTimeout(entry.timer);
    await entry.pool.destroy();
  }
}
