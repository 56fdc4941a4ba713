// The worker threads behind WorkerPoolExecutor (Node only): started on demand, kept idle between
// jobs for a while (as joblib's loky keeps its processes), never keeping the process alive idle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { RuntimeError, type TravelSpec } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import type { FromWorker, ToWorker } from './worker';

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

/** Options of the parent that a worker thread rejects or must not inherit, with whether a value follows. */
const NOT_FOR_WORKERS: Record<string, boolean> = {
  '--input-type': true,
  '-e': true,
  '--eval': true,
  '-p': true,
  '--print': true,
};

/**
 * The parent's `execArgv` a worker inherits, less the options of a script given inline
 * (`node --input-type=module -e ...`), which a worker thread refuses (ERR_INPUT_TYPE_NOT_ALLOWED).
 *
 * @param argv - the parent's execArgv
 * @returns the options for the worker
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.split('=')[0]!;
    if (!(name in NOT_FOR_WORKERS)) out.push(a);
    else if (NOT_FOR_WORKERS[name] && !a.includes('=')) i++; // skip its value too
  }
  return out;
}

/**
 * A worker thread on the built entry. It inherits the parent's execArgv (loaders, conditions...)
 * unless that has an inline script's options, which a worker refuses: then it gets the rest, less
 * the V8 and process-wide flags Node refuses when they are given explicitly (`--expose-gc`, ...),
 * which the thread has anyway.
 */
function spawnWorker(resourceLimits: ResourceLimits | undefined): Worker {
  const options = resourceLimits ? { resourceLimits } : {};
  const argv = workerExecArgv(process.execArgv);
  if (argv.length === process.execArgv.length) return new Worker(workerFilename(), options);
  try {
    return new Worker(workerFilename(), { ...options, execArgv: argv });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    // "Initiated Worker with invalid execArgv flags: --expose-gc, --max-old-space-size=100"
    const refused = String(err.message).split(': ').pop()!.split(', ');
    const execArgv = argv.filter((a) => !refused.includes(a));
    return new Worker(workerFilename(), { ...options, execArgv });
  }
}

/** Whoever holds a worker (a running job) hears its messages and its end. */
export interface WorkerHolder {
  onMessage(w: PoolWorker, m: FromWorker): void;
  /** The worker ended: exited, crashed (`error`: the uncaught error), or was terminated. */
  onExit(w: PoolWorker, code: number, error: unknown): void;
}

/**
 * One worker thread. It keeps the context of the last job it served (`jobId`) until that job
 * releases it, so a job sends its context once per worker.
 */
export class PoolWorker {
  readonly worker: Worker;
  readonly threadId: number;
  readonly limitsKey: string;
  /** The job whose context this worker has (0: none). */
  jobId = 0;
  /** The task position it runs now (`null`: none). */
  running: number | null = null;
  /** Whether it has started a task of the current job (its context was rebuilt). */
  started = false;
  /** Set when this side ends it (a timeout, an abort, a failed job, the idle timer). */
  ending: string | null = null;
  exited = false;
  holder: WorkerHolder | null = null;
  idleTimer?: ReturnType<typeof setTimeout>;
  timer?: ReturnType<typeof setTimeout>;
  #error: unknown;

  constructor(resourceLimits: ResourceLimits | undefined) {
    this.limitsKey = JSON.stringify(resourceLimits ?? {});
    this.worker = spawnWorker(resourceLimits);
    this.threadId = this.worker.threadId;
    this.worker.on('message', (m: FromWorker) => this.holder?.onMessage(this, m));
    this.worker.on('error', (e) => (this.#error ??= e));
    this.worker.on('exit', (code) => {
      this.exited = true;
      clearTimeout(this.timer);
      clearTimeout(this.idleTimer);
      removeIdle(this);
      this.holder?.onExit(this, code, this.#error);
    });
  }

  /** Posts a message to the thread. */
  post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  /** Ends the thread (for `reason`); resolves when it has stopped. */
  async end(reason: string): Promise<void> {
    this.ending ??= reason;
    if (this.exited) return;
    await this.worker.terminate();
  }
}

/** How long an idle worker is kept for the next job. Its timer does not keep the process alive. */
const KEEP_ALIVE_MS = 30_000;

const idle: PoolWorker[] = [];

function removeIdle(w: PoolWorker): void {
  const i = idle.indexOf(w);
  if (i >= 0) idle.splice(i, 1);
}

/**
 * `n` workers for a job: idle ones first (the most recently used, warm), new ones for the rest.
 * They keep the process alive until released.
 *
 * @param n - how many
 * @param resourceLimits - Node's limits of each thread (an idle worker is reused only with the same)
 * @returns the workers
 */
export function acquireWorkers(n: number, resourceLimits?: ResourceLimits): PoolWorker[] {
  const key = JSON.stringify(resourceLimits ?? {});
  const out: PoolWorker[] = [];
  for (let i = idle.length - 1; i >= 0 && out.length < n; i--) {
    const w = idle[i]!;
    if (w.limitsKey !== key || w.exited) continue;
    idle.splice(i, 1);
    clearTimeout(w.idleTimer);
    out.push(w);
  }
  while (out.length < n) out.push(new PoolWorker(resourceLimits));
  for (const w of out) {
    w.worker.ref();
    w.ending = null;
    w.started = false;
    w.running = null;
  }
  return out;
}

/**
 * Gives a worker back after a job: it drops the job's context and waits, idle and unreferenced,
 * for the next job (ended after 30 s without one).
 *
 * @param w - the worker (an ended one is dropped)
 */
export function releaseWorker(w: PoolWorker): void {
  w.holder = null;
  w.running = null;
  if (w.exited || w.ending) return;
  if (w.jobId !== 0) w.post({ type: 'release', jobId: w.jobId });
  w.jobId = 0;
  keepIdle(w);
}

function keepIdle(w: PoolWorker): void {
  w.worker.unref();
  w.idleTimer = setTimeout(() => void w.end('idle'), KEEP_ALIVE_MS);
  w.idleTimer.unref?.();
  idle.push(w);
}

/**
 * Starts workers ahead of a job, idle (as {@link releaseWorker} leaves them) until the job takes
 * them, so that their start overlaps the caller's work before the job (validation, splits); with
 * `preload` (an estimator's TravelSpec) they rebuild it at once and so import its modules and
 * start its backend. Idle workers count: only the missing ones are started.
 *
 * @param n - how many workers the job will take
 * @param preload - the estimator's TravelSpec, or undefined
 * @param resourceLimits - Node's limits of each thread (as {@link acquireWorkers} will ask)
 */
export function prestartWorkers(
  n: number,
  preload?: TravelSpec,
  resourceLimits?: ResourceLimits,
): void {
  const key = JSON.stringify(resourceLimits ?? {});
  const have = idle.filter((w) => w.limitsKey === key && !w.exited && !w.ending).length;
  for (let i = have; i < n; i++) {
    const w = new PoolWorker(resourceLimits);
    if (preload) w.post({ type: 'preload', estimator: preload });
    keepIdle(w);
  }
}

/**
 * Ends every idle worker now.
 *
 * @returns when they have stopped
 */
export async function closeIdleWorkers(): Promise<void> {
  const all = idle.splice(0, idle.length);
  await Promise.all(all.map((w) => w.end('closed')));
}

/** The thread ids of the idle workers (kept for the next job), oldest first. */
export function idleThreadIds(): number[] {
  return idle.map((w) => w.threadId);
}
