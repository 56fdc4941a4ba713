// One job on the worker pool (Node only): hands out tasks one at a time, times them, replaces a
// worker that timed out or died, and ends the job's workers when it fails or is aborted.
import { performance } from 'node:perf_hooks';
import type { ResourceLimits } from 'node:worker_threads';
import {
  TerminatedWorkerError,
  fromTravelSpec,
  warn,
  type EstimatorLike,
} from '@scikeras/estimator-core';
import { abortReason } from '../internal/abort';
import { fromErrorRecord, toErrorRecord } from './errorRecord';
import type { Job } from './Executor';
import type { TaskContextSpec, TaskResult, TaskSpec } from './FitTask';
import { describeTask, failedResult, timeoutFailure, workerDiedFailure } from './taskFailures';
import type { FromWorker } from './worker';
import { acquireWorkers, releaseWorker, type PoolWorker, type WorkerHolder } from './WorkerPool';

/** What a {@link PoolJob} runs. */
export interface PoolJobOptions {
  job: Job;
  jobId: number;
  context: TaskContextSpec;
  tasks: TaskSpec[];
  onResult?: (result: TaskResult) => void;
  /** Seconds a task may run, or null. */
  timeout: number | null;
  signal?: AbortSignal | null;
  resourceLimits?: ResourceLimits;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** How long a failed job waits for its workers to stop before it rejects anyway. */
const END_WAIT_MS = 1000;

/**
 * A job's run on the pool. Each worker gets the job's context once, then one task at a time;
 * the calling thread runs no task. `done` resolves to the results in task order.
 */
export class PoolJob implements WorkerHolder {
  readonly done: Promise<TaskResult[]>;
  readonly #o: PoolJobOptions;
  readonly #results: TaskResult[];
  readonly #workers = new Set<PoolWorker>();
  readonly #startedAt = new Map<PoolWorker, number>();
  #next = 0;
  #remaining: number;
  #settled = false;
  #chain: Promise<void> = Promise.resolve();
  #resolve!: (r: TaskResult[]) => void;
  #reject!: (e: unknown) => void;
  readonly #onAbort = () => this.#fail(abortReason(this.#o.signal!));

  constructor(options: PoolJobOptions) {
    this.#o = options;
    this.#results = new Array<TaskResult>(options.tasks.length);
    this.#remaining = options.tasks.length;
    this.done = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** Starts the job on `n` workers. */
  start(n: number): void {
    this.#o.signal?.addEventListener('abort', this.#onAbort, { once: true });
    for (const w of acquireWorkers(n, this.#o.resourceLimits)) this.#attach(w);
  }

  #attach(w: PoolWorker): void {
    w.holder = this;
    this.#workers.add(w);
    if (w.jobId !== this.#o.jobId) {
      w.post({ type: 'context', jobId: this.#o.jobId, context: this.#o.context });
      w.jobId = this.#o.jobId;
    }
    this.#dispatch(w);
  }

  #dispatch(w: PoolWorker): void {
    if (this.#settled) return;
    const position = this.#next;
    if (position >= this.#o.tasks.length) {
      this.#workers.delete(w);
      releaseWorker(w);
      return;
    }
    this.#next++;
    w.running = position;
    w.post({ type: 'task', jobId: this.#o.jobId, position, task: this.#o.tasks[position]! });
  }

  /** A worker for the tasks left, in place of one that timed out or died. */
  #replace(): void {
    if (this.#settled || this.#next >= this.#o.tasks.length) return;
    const [w] = acquireWorkers(1, this.#o.resourceLimits);
    this.#attach(w!);
  }

  onMessage(w: PoolWorker, m: FromWorker): void {
    if (m.jobId !== this.#o.jobId || this.#settled) return;
    if (m.type === 'started') {
      w.started = true;
      this.#startedAt.set(w, performance.now());
      const { timeout } = this.#o;
      if (timeout !== null) {
        // setTimeout takes at most 2^31 - 1 ms (24.8 days): longer is no limit at all
        const ms = Math.min(timeout * 1000, MAX_TIMER_MS);
        w.timer = setTimeout(() => this.#timedOut(w, m.position), ms);
      }
      return;
    }
    clearTimeout(w.timer);
    w.running = null;
    this.#dispatch(w);
    this.#receive(m.position, m.result, w.threadId);
  }

  onExit(w: PoolWorker, code: number, error: unknown): void {
    this.#workers.delete(w);
    const position = w.running;
    w.running = null;
    if (w.ending || this.#settled) return;
    if (position === null) return this.#replace(); // it died between two tasks
    const task = this.#o.job.tasks[position]!;
    const cause = error === undefined ? undefined : toErrorRecord(error);
    if (!w.started) {
      // it never got to a fit: the job's context (the estimator's modules) ends every worker
      const e = new TerminatedWorkerError(
        `A worker thread exited with code ${code} while loading the job (importing the estimator's modules, rebuilding it and the data) before fitting ${describeTask(task)}${cause?.stack ? `: ${cause.stack}` : ''}`,
      );
      return this.#fail(e);
    }
    const since = this.#startedAt.get(w);
    const fitTime = since === undefined ? 0 : (performance.now() - since) / 1000;
    this.#failTask(position, workerDiedFailure(task, code, cause), fitTime);
    this.#replace();
  }

  #timedOut(w: PoolWorker, position: number): void {
    if (this.#settled || w.running !== position) return;
    const { timeout, job } = this.#o;
    this.#workers.delete(w);
    w.running = null;
    w.holder = null;
    void w.end('timeout');
    this.#failTask(
      position,
      timeoutFailure(job.tasks[position]!, timeout!, 'its worker thread was terminated'),
      timeout!,
    );
    this.#replace();
  }

  /** A task that timed out or whose worker died: `errorScore`, or the job fails with `'raise'`. */
  #failTask(position: number, error: Error, fitTime: number): void {
    const { job } = this.#o;
    if (job.errorScore === 'raise') return this.#fail(error);
    const result = failedResult(
      job.tasks[position]!,
      job,
      `${error.name}: ${error.message}`,
      fitTime,
    );
    this.#chain = this.#chain
      .then(() => this.#accept(position, result))
      .catch((e: unknown) => this.#fail(e));
  }

  /** A worker's result: warnings emitted here, a raised error thrown here, estimators rebuilt. */
  #receive(position: number, r: TaskResult, threadId: number): void {
    this.#chain = this.#chain
      .then(async () => {
        if (this.#settled) return;
        for (const w of r.warnings ?? []) warn(w.message, w.category);
        delete r.warnings;
        if (r.raised) return this.#fail(fromErrorRecord(r.raised, `in worker thread ${threadId}`));
        if (this.#o.job.returnEstimator && r.estimator)
          r.estimator = await fromTravelSpec<EstimatorLike>(r.estimator as never);
        this.#accept(position, r);
      })
      .catch((e: unknown) => this.#fail(e));
  }

  #accept(position: number, r: TaskResult): void {
    if (this.#settled) return;
    this.#results[position] = r;
    this.#remaining--;
    this.#o.onResult?.(r); // a throwing onResult fails the job (caught by the chain)
    if (this.#remaining === 0) this.#finish();
  }

  #finish(): void {
    this.#settled = true;
    this.#o.signal?.removeEventListener('abort', this.#onAbort);
    for (const w of this.#workers) releaseWorker(w);
    this.#workers.clear();
    this.#resolve(this.#results);
  }

  /** Fails the job: busy workers are ended (their fits stopped, their memory freed), idle ones kept. */
  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#o.signal?.removeEventListener('abort', this.#onAbort);
    const ending: Promise<void>[] = [];
    for (const w of this.#workers) {
      clearTimeout(w.timer);
      if (w.running === null) releaseWorker(w);
      else {
        w.holder = null;
        ending.push(w.end('failed'));
      }
    }
    this.#workers.clear();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, END_WAIT_MS)));
    void Promise.race([Promise.allSettled(ending), cap]).then(() => {
      clearTimeout(timer);
      this.#reject(error);
    });
  }
}
