// Runs tasks on a pool of worker threads (piscina), data sent once per worker.
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import {
  RuntimeError,
  ValueError,
  clone,
  warn,
  type EstimatorLike,
} from '@scikeras/estimator-core';
import type { Executor, Job } from './Executor';
import type { FitTask, TaskContextSpec, TaskResult } from './FitTask';
import { scoringForTravel } from './internal/scoring';
import { encodeTravelValue, fromTravelSpec, toTravelSpec } from './travel';

/** Options of {@link WorkerPoolExecutor}. */
export interface WorkerPoolExecutorOptions {
  /** Number of worker threads; -1 means every core. @defaultValue -1 */
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
  // __dirname: CommonJS's own; in the ESM build, src/internal/esmDirnameShim.mjs (tsup.config.ts)
  const candidates = [join(__dirname, 'worker.mjs'), join(__dirname, '..', 'dist', 'worker.mjs')];
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

/**
 * Runs tasks on a pool of worker threads (piscina), one task per thread at a time. The shared
 * context (the estimator's TravelSpec, X, y, fit options, scorer names) is sent once to each
 * worker; each task carries only its params and row indices. Each worker rebuilds the
 * estimator from its TravelSpec (see the README, "Estimators in worker threads").
 *
 * @example
 * ```ts
 * const results = await new WorkerPoolExecutor({ nJobs: 2 }).run(job);
 * ```
 * @remarks Node only. Matrices and tensors reach the workers as `{ data, shape }` (or typed
 * arrays for 1-D); a task error with `errorScore: 'raise'` is re-thrown here with the
 * worker's name, message and stack.
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
   * @throws ValueError when the estimator, a param or scoring cannot travel
   */
  async run(job: Job, onResult?: (result: TaskResult) => void): Promise<TaskResult[]> {
    const context = await contextSpec(job);
    const owner = (job.estimator as object).constructor.name;
    const tasks = await Promise.all(job.tasks.map((t) => encodeTask(t, owner)));
    const threads = Math.max(1, Math.min(this.nJobs, tasks.length));
    const { Piscina } = await loadPiscina();
    const pool = new Piscina({
      filename: workerFilename(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60000,
      workerData: { context },
    });
    try {
      return await Promise.all(
        tasks.map(async (task) => {
          const r = (await pool.run(task)) as TaskResult;
          for (const w of r.warnings ?? []) warn(w.message, w.category);
          if (r.raised) {
            const e = new Error(r.raised.message);
            e.name = r.raised.name;
            if (r.raised.stack) e.stack = r.raised.stack;
            throw e;
          }
          if (job.returnEstimator && r.estimator)
            r.estimator = (await fromTravelSpec(r.estimator as never)) as EstimatorLike;
          onResult?.(r);
          return r;
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
}
