// One run of a search on the queue: results already in Redis are taken first (a resumed search),
// the other tasks are queued as BullMQ jobs, and results are collected as BullMQ's queue events
// announce them, with a periodic poll and a check that every unfinished task still has a job
// (so nothing waits forever on an event that was missed or a job that was lost).
import {
  RuntimeError,
  fromTravelSpec,
  warn,
  type EstimatorLike,
  type TravelSpec,
} from '@scikeras/estimator-core';
import { fromErrorRecord, type TaskResult } from '@scikeras/model-selection';
import type { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { unpackBlob } from '../data/dataBlob';
import { taskJobId, type SearchKeys } from '../redis/keys';
import { refreshSearch, releaseSearch, storeData } from '../redis/searchStore';
import type { StoredResult, TaskJobData, WorkerInfo } from '../tasks/payload';
import type { PreparedSearch } from './prepareSearch';

/**
 * Where and how a task of a distributed run finished (QueueExecutor's `onTask`).
 *
 * @example
 * ```ts
 * new QueueExecutor({ connection, queue, onTask: (p) => console.log(p.candidateIndex, p.splitIndex, p.worker.host, p.worker.pid) });
 * ```
 */
export interface TaskPlacement {
  searchId: string;
  taskIndex: number;
  candidateIndex: number;
  splitIndex: number;
  /** The worker that ran it. */
  worker: WorkerInfo;
  /** Seconds of fit plus scoring. */
  seconds: number;
  /** True when the result was already in Redis (a resumed search): it was not run again. */
  resumed: boolean;
}

/** What a run needs from its executor. */
export interface SearchRunDeps {
  redis: Redis;
  queue: Queue;
  events: QueueEvents;
  keys: SearchKeys;
  ttl: number;
  pollMs: number;
  reconcileMs: number;
  onTask?: ((p: TaskPlacement) => void) | null;
}

const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true, attempts: 1 } as const;

/** A run of one search; `execute` resolves to the results in task order. */
export class SearchRun {
  readonly #d: SearchRunDeps;
  readonly #p: PreparedSearch;
  readonly #searchId: string;
  readonly #generation: string;
  readonly #returnEstimator: boolean;
  readonly #onResult?: (r: TaskResult) => void;
  readonly #results: TaskResult[];
  /** Unfinished tasks by job id. */
  readonly #pending = new Map<string, number>();
  #failure?: { error: unknown };
  #wake: () => void = () => undefined;
  /** Tasks whose result may be in Redis (an event said so, or a poll asks). */
  readonly #dirty = new Set<number>();
  #collecting = false;
  #reconciling = false;

  constructor(
    deps: SearchRunDeps,
    prepared: PreparedSearch,
    searchId: string,
    generation: string,
    onResult?: (r: TaskResult) => void,
  ) {
    this.#d = deps;
    this.#p = prepared;
    this.#searchId = searchId;
    this.#generation = generation;
    this.#returnEstimator = prepared.context.returnEstimator;
    this.#onResult = onResult;
    this.#results = new Array<TaskResult>(prepared.tasks.length);
    for (const t of prepared.tasks) this.#pending.set(this.#jobId(t.taskIndex), t.taskIndex);
  }

  #jobId(taskIndex: number): string {
    return taskJobId(this.#searchId, this.#generation, taskIndex);
  }

  #fail(error: unknown): void {
    if (!this.#failure) this.#failure = { error };
    this.#wake();
  }

  /** Takes a stored result: warnings re-emitted, a raised error fails the run. */
  async #accept(taskIndex: number, bytes: Buffer, resumed: boolean): Promise<void> {
    const jobId = this.#jobId(taskIndex);
    if (!this.#pending.has(jobId) || this.#failure) return;
    this.#pending.delete(jobId);
    const { result, worker } = unpackBlob(bytes) as StoredResult;
    for (const w of result.warnings ?? []) warn(w.message, w.category);
    if (result.raised)
      return this.#fail(fromErrorRecord(result.raised, 'in a scikeras-worker task thread'));
    if (this.#returnEstimator && result.estimator) {
      // rebuilt with this process's registries only: a result from Redis never makes it import a module
      const spec = result.estimator as TravelSpec;
      result.estimator = await fromTravelSpec<EstimatorLike>({ ...spec, modules: [] });
    }
    delete result.warnings;
    this.#results[taskIndex] = result;
    this.#onResult?.(result);
    this.#d.onTask?.({
      searchId: this.#searchId,
      taskIndex,
      candidateIndex: result.candidateIndex,
      splitIndex: result.splitIndex,
      worker,
      seconds: result.fitTime + result.scoreTime,
      resumed,
    });
    if (this.#pending.size === 0) this.#wake();
  }

  /** Reads the results of unfinished tasks that are in Redis. */
  async #collect(taskIndices: number[], resumed = false): Promise<void> {
    if (taskIndices.length === 0) return;
    const fields = taskIndices.map(String);
    const got = await this.#d.redis.hmgetBuffer(this.#d.keys.results(this.#searchId), ...fields);
    for (let i = 0; i < taskIndices.length; i++) {
      const b = got[i];
      if (b) await this.#accept(taskIndices[i]!, b, resumed);
    }
  }

  #pendingTasks(): number[] {
    return [...this.#pending.values()];
  }

  async #enqueue(taskIndices: number[]): Promise<void> {
    const byIndex = new Map(this.#p.tasks.map((t) => [t.taskIndex, t]));
    const jobs = taskIndices.map((i) => ({
      name: 'fit',
      data: {
        v: 1,
        searchId: this.#searchId,
        generation: this.#generation,
        dataHash: this.#p.dataHash,
        task: byIndex.get(i)!,
      } satisfies TaskJobData,
      opts: { ...JOB_OPTIONS, jobId: this.#jobId(i) },
    }));
    for (let k = 0; k < jobs.length; k += 500) await this.#d.queue.addBulk(jobs.slice(k, k + 500));
  }

  /** Unfinished tasks whose job is gone (lost with a Redis that lost its data): queued again. */
  async #reconcile(): Promise<void> {
    const { redis, queue, keys } = this.#d;
    const pending = this.#pendingTasks();
    if (pending.length === 0) return;
    if (!(await redis.exists(keys.data(this.#p.dataHash))))
      await storeData(redis, keys, this.#p.dataHash, this.#p.blob, this.#searchId, this.#d.ttl);
    const multi = redis.multi();
    for (const i of pending) multi.exists(queue.toKey(this.#jobId(i)));
    const exists = (await multi.exec()) ?? [];
    const missing = pending.filter((_, k) => exists[k]?.[1] === 0);
    await this.#collect(missing);
    const still = missing.filter((i) => this.#pending.has(this.#jobId(i)));
    if (still.length > 0) await this.#enqueue(still);
  }

  /** Reads the results of the dirty tasks, one read at a time (Redis may be away for a while). */
  #flush(taskIndices: number[]): void {
    for (const i of taskIndices) this.#dirty.add(i);
    if (this.#collecting || this.#failure) return;
    this.#collecting = true;
    void (async () => {
      while (this.#dirty.size > 0 && !this.#failure) {
        const batch = [...this.#dirty];
        this.#dirty.clear();
        // on a connection error, the tasks stay dirty for the next poll (ioredis reconnects)
        await this.#collect(batch).catch(() => batch.forEach((i) => this.#dirty.add(i)));
        if (this.#dirty.size > 0) await new Promise((r) => setTimeout(r, 50));
      }
    })().finally(() => (this.#collecting = false));
  }

  #tickReconcile(): void {
    if (this.#reconciling || this.#failure) return;
    this.#reconciling = true;
    this.#reconcile()
      .catch(() => undefined) // the next check tries again
      .finally(() => (this.#reconciling = false));
  }

  /**
   * Runs the search: takes stored results, queues the rest, waits for them.
   *
   * @param resumed - whether the search id was resumed (its stored results are read first)
   * @param signal - cancels the run
   * @returns the results in task order
   * @throws the first raised task error, a job that failed on a worker, or the signal's reason
   */
  async execute(resumed: boolean, signal?: AbortSignal): Promise<TaskResult[]> {
    const { events, ttl } = this.#d;
    const onCompleted = ({ jobId }: { jobId: string }) => {
      const i = this.#pending.get(jobId);
      if (i !== undefined) this.#flush([i]);
    };
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
      const i = this.#pending.get(jobId);
      if (i === undefined) return;
      const t = this.#p.tasks[i]!;
      this.#fail(
        new RuntimeError(
          `Task ${i} (candidate ${t.candidateIndex}, split ${t.splitIndex}) of search '${this.#searchId}' failed on a worker: ${failedReason}`,
        ),
      );
    };
    const onAbort = () => this.#fail(signal!.reason);
    events.on('completed', onCompleted);
    events.on('failed', onFailed);
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = new Promise<void>((resolve) => (this.#wake = resolve));
    const timers: ReturnType<typeof setInterval>[] = [];
    try {
      if (resumed) await this.#collect(this.#pendingTasks(), true);
      if (this.#pending.size > 0 && !this.#failure) await this.#enqueue(this.#pendingTasks());
      timers.push(setInterval(() => this.#flush(this.#pendingTasks()), this.#d.pollMs));
      timers.push(setInterval(() => this.#tickReconcile(), this.#d.reconcileMs));
      const refresh = () =>
        refreshSearch(this.#d.redis, this.#d.keys, this.#searchId, this.#p.dataHash, ttl);
      timers.push(setInterval(() => void refresh().catch(() => undefined), (ttl * 1000) / 3));
      if (this.#pending.size > 0 && !this.#failure) await done;
    } finally {
      for (const t of timers) clearInterval(t);
      events.off('completed', onCompleted);
      events.off('failed', onFailed);
      signal?.removeEventListener('abort', onAbort);
    }
    if (this.#failure) {
      await this.#cancel();
      throw this.#failure.error;
    }
    await releaseSearch(
      this.#d.redis,
      this.#d.keys,
      this.#searchId,
      this.#generation,
      this.#p.dataHash,
    );
    return this.#results;
  }

  /** Ends the search in Redis, removes its queued jobs and tells the workers to stop its running ones. */
  async #cancel(): Promise<void> {
    const { redis, queue, keys } = this.#d;
    await releaseSearch(redis, keys, this.#searchId, this.#generation, this.#p.dataHash);
    await Promise.all([...this.#pending.keys()].map((id) => queue.remove(id).catch(() => 0)));
    await redis.publish(
      keys.cancelChannel,
      JSON.stringify({ searchId: this.#searchId, generation: this.#generation }),
    );
  }
}
