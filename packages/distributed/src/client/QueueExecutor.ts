// The client side: a model-selection Executor whose tasks run on scikeras-worker processes
// anywhere, through a BullMQ queue on Redis.
import { randomBytes, randomUUID } from 'node:crypto';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import type { Executor, ExecutorRunOptions, Job, TaskResult } from '@scikeras/model-selection';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis, describeConnection, type RedisConnection } from '../redis/connection';
import { checkSearchId, searchKeys, type SearchKeys } from '../redis/keys';
import { claimSearch, storeData } from '../redis/searchStore';
import { prepareSearch } from './prepareSearch';
import { SearchRun, type TaskPlacement } from './SearchRun';

/** Options of {@link QueueExecutor}. */
export interface QueueExecutorOptions {
  /** Redis: a URL (`redis://user:pass@host:6379/0`, `rediss://` for TLS) or ioredis options. */
  connection: RedisConnection;
  /** The BullMQ queue the workers (`scikeras-worker --queue NAME`) take tasks from. */
  queue: string;
  /** BullMQ's key prefix (the workers' `--prefix`). @defaultValue 'bull' */
  prefix?: string;
  /**
   * Seconds a search's data, context and results stay in Redis after its client stopped
   * refreshing them (a client that died; a resumed search must come back within this time).
   * @defaultValue 86400
   */
  ttl?: number;
  /** Milliseconds between two reads of the results, besides BullMQ's events. @defaultValue 1000 */
  pollInterval?: number;
  /** Milliseconds between two checks that every unfinished task still has its job. @defaultValue 5000 */
  reconcileInterval?: number;
  /** Called for each finished task with the worker that ran it (id, host, pid, thread). */
  onTask?: ((placement: TaskPlacement) => void) | null;
}

interface Connected {
  redis: Redis;
  queue: Queue;
  events: QueueEvents;
  eventsRedis: Redis;
}

function positive(name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new InvalidParameterError(
      `The '${name}' option of QueueExecutor must be a positive integer. Got ${String(v)} instead.`,
    );
  return v;
}

/**
 * Runs the fit-and-score tasks of a search or cross-validation on `scikeras-worker` processes,
 * on this machine or any other, through a BullMQ queue on Redis (or Valkey). Pass it as the
 * `executor` of `GridSearchCV`/`RandomizedSearchCV` or of `crossValidate` and friends.
 *
 * The data (X, y, fit options) go to Redis once per search as one binary blob, by content hash;
 * each task is a small job. BullMQ's stalled-job handling gives a killed worker's task to
 * another worker; results are kept in Redis per search id and task, so a search run again with
 * the same `searchId` (`search.fit(X, y, { searchId })`) after its client died runs only what
 * never finished. Everything of a search leaves Redis when it ends (or after `ttl` seconds
 * without its client).
 *
 * @example
 * ```ts
 * import { QueueExecutor } from '@scikeras/distributed';
 * const executor = new QueueExecutor({ connection: 'redis://localhost:6379', queue: 'grid' });
 * const search = new GridSearchCV({ estimator, paramGrid, cv: 3, executor });
 * await search.fit(X, y, { searchId: 'mlp-grid-1' }); // workers: scikeras-worker --redis ... --queue grid --import ./models.mjs
 * await executor.close();
 * ```
 * @remarks joblib's dask and ray backends play this part for scikit-learn; here the queue,
 * retries, stalled-job recovery and persistence are BullMQ's and Redis's. Node only.
 * @see https://docs.bullmq.io/
 */
export class QueueExecutor implements Executor {
  readonly connection: RedisConnection;
  readonly queue: string;
  readonly prefix: string;
  readonly ttl: number;
  readonly pollInterval: number;
  readonly reconcileInterval: number;
  /** Called when a task is placed on the queue (its search, task, candidate and split), or `null`. */
  readonly onTask: ((placement: TaskPlacement) => void) | null;
  readonly #keys: SearchKeys;
  #connected?: Promise<Connected>;

  /**
   * Stores the options; connects on the first `run`.
   *
   * @param options - `connection`, `queue`, and optional `prefix`, `ttl`, `pollInterval`,
   *   `reconcileInterval`, `onTask`
   * @throws InvalidParameterError for a missing queue name or a bad connection or option
   * @example
   * ```ts
   * new QueueExecutor({ connection: { host: 'redis', port: 6380, password, tls: {} }, queue: 'grid' });
   * ```
   */
  constructor(options: QueueExecutorOptions) {
    const { connection, queue } = options ?? ({} as QueueExecutorOptions);
    if (typeof queue !== 'string' || queue.length === 0 || queue.includes(':'))
      throw new InvalidParameterError(
        `The 'queue' option of QueueExecutor must be a non-empty queue name without ':'. Got ${JSON.stringify(queue)} instead.`,
      );
    describeConnection(connection); // fails early for a value that is not a connection
    if (typeof connection === 'string' && !/^rediss?:\/\//.test(connection))
      throw new InvalidParameterError(
        `The 'connection' option of QueueExecutor must be a redis:// or rediss:// URL or ioredis options. Got ${JSON.stringify(describeConnection(connection))} instead.`,
      );
    this.connection = connection;
    this.queue = queue;
    this.prefix = options.prefix ?? 'bull';
    this.ttl = positive('ttl', options.ttl, 86400);
    this.pollInterval = positive('pollInterval', options.pollInterval, 1000);
    this.reconcileInterval = positive('reconcileInterval', options.reconcileInterval, 5000);
    this.onTask = options.onTask ?? null;
    this.#keys = searchKeys(this.prefix, queue);
  }

  #connect(): Promise<Connected> {
    this.#connected ??= (async () => {
      const redis = createRedis(this.connection, `scikeras-client:${this.queue}`);
      const eventsRedis = createRedis(this.connection, `scikeras-client-events:${this.queue}`);
      for (const r of [redis, eventsRedis]) r.on('error', () => undefined); // ioredis reconnects
      const queue = new Queue(this.queue, { connection: redis, prefix: this.prefix });
      const events = new QueueEvents(this.queue, {
        connection: eventsRedis,
        prefix: this.prefix,
      });
      queue.on('error', () => undefined);
      events.on('error', () => undefined);
      await events.waitUntilReady();
      return { redis, queue, events, eventsRedis };
    })();
    return this.#connected;
  }

  /**
   * Runs a job's tasks on the workers of the queue.
   *
   * @param job - the tasks and what they share
   * @param onResult - called for each finished task (stored results of a resumed search first)
   * @param options - `searchId` (resume a search of this id), `signal` (cancel); a `timeout`
   *   is refused (see the throws)
   * @returns the results in task order
   * @throws InvalidParameterError for a `timeout` (the workers cannot stop a running fit
   *   yet: the Executor contract asks an executor to refuse what it cannot honour);
   *   ValueError when something cannot travel or the search id is used by another
   *   search; the first task error with `errorScore: 'raise'`; RuntimeError when a job failed on
   *   a worker; the signal's reason (an `AbortError`) when aborted
   * @example
   * ```ts
   * // what GridSearchCV does with its executor param; users pass the executor to the search
   * const results = await executor.run(job, (r) => reporter.done(r), { searchId: 'grid-1', signal });
   * ```
   */
  async run(
    job: Job,
    onResult?: (result: TaskResult) => void,
    options: ExecutorRunOptions = {},
  ): Promise<TaskResult[]> {
    if (options.timeout !== undefined && options.timeout !== null)
      throw new InvalidParameterError(
        `QueueExecutor cannot bound a task's time: its workers do not stop a fit that runs too long. Got timeout=${String(options.timeout)}; set the timeout to null, or use nJobs (worker threads) for a timeout.`,
      );
    const signal = options.signal ?? (job as { signal?: AbortSignal }).signal;
    signal?.throwIfAborted();
    const searchId =
      options.searchId === undefined ? `run-${randomUUID()}` : checkSearchId(options.searchId);
    const prepared = await prepareSearch(job);
    const c = await this.#connect();
    const claim = await claimSearch(
      c.redis,
      this.#keys,
      searchId,
      {
        fingerprint: prepared.fingerprint,
        dataHash: prepared.dataHash,
        context: prepared.contextBytes,
        tasks: prepared.tasks.length,
      },
      this.ttl,
      randomBytes(16).toString('hex'),
    );
    if (claim.status === 'conflict')
      throw new ValueError(
        `The searchId '${searchId}' is in use by another search (other data, estimator, candidates or splits) on queue '${this.queue}'. ` +
          'Use another searchId, or wait for that search to end.',
      );
    await storeData(c.redis, this.#keys, prepared.dataHash, prepared.blob, searchId, this.ttl);
    const run = new SearchRun(
      {
        redis: c.redis,
        queue: c.queue,
        events: c.events,
        keys: this.#keys,
        ttl: this.ttl,
        pollMs: this.pollInterval,
        reconcileMs: this.reconcileInterval,
        onTask: this.onTask,
      },
      prepared,
      searchId,
      claim.generation,
      onResult,
    );
    return run.execute(claim.status === 'resumed', signal);
  }

  /**
   * Closes this executor's Redis connections (a later `run` opens new ones).
   *
   * @returns when closed
   * @example
   * ```ts
   * await executor.close();
   * ```
   */
  async close(): Promise<void> {
    const c = this.#connected;
    this.#connected = undefined;
    if (!c) return;
    const { redis, queue, events, eventsRedis } = await c;
    await events.close();
    await queue.close();
    await Promise.all([redis.quit(), eventsRedis.quit()]);
  }

  /**
   * The executor as text (in a search's repr), its password hidden.
   *
   * @returns e.g. `QueueExecutor(queue='grid', connection='redis://:***@host:6379')`
   * @example
   * ```ts
   * String(executor); // "QueueExecutor(queue='grid', connection='redis://:***@cache:6379')"
   * ```
   */
  toString(): string {
    return `QueueExecutor(queue='${this.queue}', connection='${describeConnection(this.connection)}')`;
  }
}
