// Runs tasks on this thread and a pool of worker threads (piscina), data sent once per worker.
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import {
  RuntimeError,
  ValueError,
  clone,
  warn,
  type EstimatorLike,
} from '@scikeras/estimator-core';
import type { Executor, Job } from './Executor';
import type { FitTask, TaskContextSpec, TaskResult } from './FitTask';
import { scoringForTravel } from './scoring';
import { runTask } from './runTask';
import { encodeTravelValue, fromTravelSpec, toTravelSpec } from './travel';
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

/** Data in a form structured clone keeps: Matrix and tensors become `{ data, shape }` / typed arrays. */
export function toTransferable(v: unknown, name: string): unknown {
  if (v === null || v === undefined || Array.isArray(v) || ArrayBuffer.isView(v)) return v;
  const o = v as {
    data?: unknown;
    shape?: number[];
    rank?: number;
    dataSync?: () => ArrayLike<number>;
    rows?: number;
    columns?: number;
    get?: (i: number, j: number) => number;
  };
  if (ArrayBuffer.isView(o.data) && Array.isArray(o.shape) && o.rank === undefined) return v;
  if (typeof o.dataSync === 'function' && Array.isArray(o.shape)) {
    const raw = o.dataSync();
    const data =
      raw instanceof Float32Array || raw instanceof Int32Array
        ? raw.slice()
        : Float64Array.from(raw);
    if (o.shape.length === 1) return data;
    if (o.shape.length === 2) return { data, shape: [o.shape[0], o.shape[1]] };
    throw new ValueError(
      `Cannot send ${name} to worker threads: a tensor of rank ${o.shape.length} (only rank 1 or 2).`,
    );
  }
  if (typeof o.rows === 'number' && typeof o.columns === 'number' && typeof o.get === 'function') {
    const data = new Float64Array(o.rows * o.columns);
    for (let i = 0; i < o.rows; i++)
      for (let j = 0; j < o.columns; j++) data[i * o.columns + j] = o.get(i, j);
    return { data, shape: [o.rows, o.columns] };
  }
  throw new ValueError(
    `Cannot send ${name} to worker threads: ${(v as object).constructor?.name ?? typeof v} is not an array, typed array, { data, shape }, Matrix or tensor.`,
  );
}

/** Where the built worker entry is (next to this module in dist, or the package's dist from source). */
export function workerFilename(): string {
  // __dirname: CommonJS's own; in the ESM build, src/execution/esmDirnameShim.mjs (tsup.config.ts)
  // dist/ when built; src/execution/ when tests run the sources (ts-jest)
  const candidates = [
    join(__dirname, 'worker.mjs'),
    join(__dirname, '..', '..', 'dist', 'worker.mjs'),
  ];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new RuntimeError(
    `The worker entry of @scikeras/model-selection was not found (looked for ${candidates.join(', ')}). Build the package first.`,
  );
}

/** The context sent once to each worker. */
export async function contextSpec(job: Job): Promise<TaskContextSpec> {
  if (
    job.returnEstimator &&
    typeof (job.estimator as { toTravelSpec?: unknown }).toTravelSpec !== 'function'
  ) {
    throw new ValueError(
      `returnEstimator with nJobs > 1 needs the fitted estimators to travel back: ${(job.estimator as object).constructor.name} has no toTravelSpec(). Use nJobs: 1.`,
    );
  }
  // an unfitted copy travels: a fitted estimator's spec would carry its weights for nothing
  const estimator = await toTravelSpec(clone(job.estimator));
  const fitOptions: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(job.fitOptions))
    fitOptions[k] = await encodeTravelValue(v, ['fitOptions', k]);
  return {
    estimator,
    X: toTransferable(job.X, 'X'),
    y: toTransferable(job.y, 'y'),
    fitOptions,
    scoring: scoringForTravel(job.scoringParam) as TaskContextSpec['scoring'],
    mode: job.mode,
    returnTrainScore: job.returnTrainScore,
    returnEstimator: job.returnEstimator,
    errorScore: job.errorScore,
  };
}

async function encodeTask(task: FitTask, owner: string): Promise<FitTask> {
  if (!task.params) return task;
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(task.params))
    params[k] = await encodeTravelValue(v, [owner, k]);
  return { ...task, params };
}

/**
 * piscina, loaded only when a pool is needed (it is Node-only). The CommonJS build requires it
 * (a dynamic import() fails in CommonJS hosts such as jest without vm-modules); the ESM build,
 * where `module` does not exist, imports it.
 */
async function loadPiscina(): Promise<typeof import('piscina')> {
  if (typeof module === 'object' && module !== null && typeof module.require === 'function')
    return module.require('piscina') as typeof import('piscina');
  return import('piscina');
}

/** Lets the event loop run (worker messages, the pool's dispatch) between this thread's tasks. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What one run shares between this thread's loop and the workers' messages. */
interface RunState {
  job: Job;
  jobId: number;
  context: TaskContextSpec;
  /** The tasks with encoded params, for the workers. */
  encoded: FitTask[];
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
    r.estimator = (await fromTravelSpec(r.estimator as never)) as EstimatorLike;
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

type Pool = import('piscina').Piscina;

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
  const { Piscina } = await loadPiscina();
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
    const context = await contextSpec(job);
    const owner = (job.estimator as object).constructor.name;
    const tasks = await Promise.all(job.tasks.map((t) => encodeTask(t, owner)));
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
