// The worker side: a BullMQ Worker whose jobs are fit-and-score tasks, run on task threads that
// imported only the modules the worker was started with.
import { hostname } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { InvalidParameterError } from '@scikeras/estimator-core';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { packBlob } from '../data/dataBlob';
import { createRedis, describeConnection, type RedisConnection } from '../redis/connection';
import { searchKeys, type SearchKeys } from '../redis/keys';
import { writeResult } from '../redis/searchStore';
import {
  parseTaskJobData,
  type StoredResult,
  type TaskJobData,
  type WorkerInfo,
} from '../tasks/payload';
import { TaskCancelledError, TaskThreads } from './TaskThreads';
import { formatTaskLine } from './formatTaskLine';

/** Options of {@link ScikerasWorker.start} (the `scikeras-worker` command's flags). */
export interface ScikerasWorkerOptions {
  /** Redis: a URL or ioredis options (`--redis`). */
  connection: RedisConnection;
  /** The queue to take tasks from (`--queue`). */
  queue: string;
  /** Modules to import in every task thread, where build functions and classes are registered (`--import`): paths (relative to `cwd`), file URLs or package names. */
  imports: string[];
  /** Tasks run at once, one task thread each (`--concurrency`). @defaultValue 1 */
  concurrency?: number;
  /** The tfjs backend of every task (`--backend`), instead of each search's. @defaultValue null */
  backend?: string | null;
  /** BullMQ's key prefix (`--prefix`). @defaultValue 'bull' */
  prefix?: string;
  /** This worker's name in logs and placements (`--name`). @defaultValue `host:pid` */
  name?: string;
  /** BullMQ's lock duration in ms (`--lock-duration`): a dead worker's task is taken again after about this long. @defaultValue 30000 */
  lockDuration?: number;
  /** BullMQ's stalled-job check interval in ms (`--stalled-interval`). @defaultValue 30000 */
  stalledInterval?: number;
  /** How often a task may be taken again after its worker died (`--max-stalled`). @defaultValue 2 */
  maxStalledCount?: number;
  /** Where the worker's lines go. @defaultValue console.log */
  log?: (line: string) => void;
  /** The directory relative imports are resolved from. @defaultValue process.cwd() */
  cwd?: string;
}

/**
 * A module to import, as a file URL: a path (relative to `cwd`), a `file:` URL, or a package
 * name resolved from `cwd` (as the user's own code would resolve it).
 *
 * @param spec - what `--import` was given
 * @param cwd - the directory to resolve from
 * @returns the file URL
 * @throws InvalidParameterError when a package name does not resolve
 * @example
 * ```ts
 * importUrl('./models.mjs', '/srv/app'); // 'file:///srv/app/models.mjs'
 * ```
 */
export function importUrl(spec: string, cwd: string): string {
  if (spec.startsWith('file:')) return spec;
  if (isAbsolute(spec) || spec.startsWith('.')) return pathToFileURL(resolve(cwd, spec)).href;
  try {
    return pathToFileURL(createRequire(resolve(cwd, 'noop.js')).resolve(spec)).href;
  } catch (e) {
    throw new InvalidParameterError(
      `Cannot find the module '${spec}' to import from ${cwd}: ${(e as Error).message}`,
    );
  }
}

/**
 * A scikeras worker: takes fit-and-score tasks from a BullMQ queue and runs them, at most
 * `concurrency` at once, each on a task thread. The `scikeras-worker` command runs one.
 *
 * @example
 * ```ts
 * const worker = await ScikerasWorker.start({
 *   connection: 'redis://localhost:6379', queue: 'grid', imports: ['./models.mjs'],
 * });
 * // ... later
 * await worker.close();
 * ```
 * @remarks Trust: a task can only name classes and functions that the `imports` modules (and
 * the packages they load) registered; the module URLs inside a task's TravelSpec are never
 * imported, unlike worker threads of `nJobs`, which import them.
 */
export class ScikerasWorker {
  /** This worker's identity in placements and logs. */
  readonly info: Omit<WorkerInfo, 'thread'>;
  readonly #worker: Worker;
  readonly #threads: TaskThreads;
  readonly #redis: Redis;
  readonly #subscriber: Redis;
  readonly #keys: SearchKeys;
  readonly #log: (line: string) => void;
  /** Blob bytes per data hash, in SharedArrayBuffers every thread reads (a few kept). */
  readonly #blobs = new Map<string, Promise<Uint8Array>>();
  readonly #contexts = new Map<string, Promise<Uint8Array>>();
  /** The jobs running here, by id. */
  readonly #active = new Map<string, TaskJobData>();
  readonly #bullRedis: Redis;

  private constructor(o: ScikerasWorkerOptions, threads: TaskThreads) {
    const prefix = o.prefix ?? 'bull';
    this.info = {
      id: o.name ?? `${hostname()}:${process.pid}`,
      host: hostname(),
      pid: process.pid,
    };
    this.#log = o.log ?? ((l) => console.log(l));
    this.#keys = searchKeys(prefix, o.queue);
    this.#threads = threads;
    this.#redis = createRedis(o.connection, `scikeras-worker:${this.info.id}`);
    this.#subscriber = createRedis(o.connection, `scikeras-worker-cancel:${this.info.id}`);
    for (const r of [this.#redis, this.#subscriber]) r.on('error', () => undefined);
    this.#bullRedis = createRedis(o.connection, `scikeras-worker-bullmq:${this.info.id}`);
    this.#bullRedis.on('error', () => undefined);
    this.#worker = new Worker(o.queue, (job, _token, signal) => this.#process(job, signal), {
      connection: this.#bullRedis,
      prefix,
      name: this.info.id,
      concurrency: o.concurrency ?? 1,
      lockDuration: o.lockDuration ?? 30000,
      stalledInterval: o.stalledInterval ?? 30000,
      maxStalledCount: o.maxStalledCount ?? 2,
      autorun: false,
    });
    this.#worker.on('error', (e) => this.#log(`${this.info.id} queue error: ${e.message}`));
  }

  /**
   * Starts a worker: its task threads import the modules, then it takes tasks.
   *
   * @param options - connection, queue, imports, concurrency, backend, ...
   * @returns the running worker
   * @throws InvalidParameterError for bad options; the import error of a module that fails
   * @example
   * ```ts
   * const w = await ScikerasWorker.start({ connection: 'redis://127.0.0.1:6379', queue: 'q', imports: ['./models.mjs'] });
   * ```
   */
  static async start(options: ScikerasWorkerOptions): Promise<ScikerasWorker> {
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new InvalidParameterError(
        `concurrency must be a positive integer, got ${concurrency}.`,
      );
    if (typeof options.queue !== 'string' || !options.queue || options.queue.includes(':'))
      throw new InvalidParameterError(
        `The queue must be a name without ':', got ${JSON.stringify(options.queue)}.`,
      );
    const cwd = options.cwd ?? process.cwd();
    const imports = options.imports.map((s) => importUrl(s, cwd));
    const threads = new TaskThreads(concurrency, imports, options.backend ?? null);
    try {
      await threads.ready();
    } catch (e) {
      await threads.close();
      throw e;
    }
    const w = new ScikerasWorker(options, threads);
    await w.#subscriber.subscribe(w.#keys.cancelChannel);
    w.#subscriber.on('message', (_channel: string, message: string) => w.#onCancel(message));
    void w.#worker.run().catch((e: Error) => w.#log(`${w.info.id} stopped: ${e.message}`));
    await w.#worker.waitUntilReady();
    w.#log(
      `scikeras-worker ${w.info.id} ready: queue '${options.queue}' on ${describeConnection(options.connection)}, ` +
        `${concurrency} thread(s), imports ${imports.join(', ') || '(none)'}${options.backend ? `, backend ${options.backend}` : ''}`,
    );
    return w;
  }

  /** A search was cancelled: its running tasks here are stopped. */
  #onCancel(message: string): void {
    let m: { searchId?: unknown; generation?: unknown };
    try {
      m = JSON.parse(message);
    } catch {
      return;
    }
    if (typeof m?.searchId !== 'string' || typeof m.generation !== 'string') return;
    const prefix = `sk.${m.searchId}.${m.generation}.`;
    for (const [jobId] of this.#active)
      if (jobId.startsWith(prefix)) this.#worker.cancelJob(jobId, 'search cancelled');
  }

  #cachedBytes(
    map: Map<string, Promise<Uint8Array>>,
    key: string,
    fetch: () => Promise<Buffer | null>,
    what: string,
  ): Promise<Uint8Array> {
    let p = map.get(key);
    if (!p) {
      p = fetch().then((b) => {
        if (!b)
          throw new UnrecoverableError(
            `${what} is not in Redis (the search ended, or its client died more than its ttl ago).`,
          );
        const shared = new Uint8Array(new SharedArrayBuffer(b.byteLength));
        shared.set(b);
        return shared;
      });
      p.catch(() => map.delete(key));
      map.set(key, p);
      while (map.size > 2) map.delete(map.keys().next().value!);
    }
    return p;
  }

  async #process(job: Job, signal?: AbortSignal): Promise<{ taskIndex: number }> {
    let data: TaskJobData;
    try {
      data = parseTaskJobData(job.data);
    } catch (e) {
      this.#log(`${this.info.id} refused job ${job.id}: ${(e as Error).message}`);
      throw new UnrecoverableError((e as Error).message);
    }
    const { searchId, generation, dataHash, task } = data;
    const meta = this.#keys.meta(searchId);
    // known as running from now on: a cancel that comes while it starts aborts its signal
    this.#active.set(job.id!, data);
    try {
      if ((await this.#redis.hget(meta, 'generation')) !== generation) {
        this.#log(
          `${this.info.id} skipped task ${task.taskIndex} of search '${searchId}': the search ended or was restarted`,
        );
        throw new UnrecoverableError(`The search '${searchId}' ended or was restarted.`);
      }
      const searchKey = `${searchId}/${generation}`;
      const context = await this.#cachedBytes(
        this.#contexts,
        searchKey,
        () => this.#redis.hgetBuffer(meta, 'context'),
        `The context of search '${searchId}'`,
      );
      const blob = await this.#cachedBytes(
        this.#blobs,
        dataHash,
        () => this.#redis.getBuffer(this.#keys.data(dataHash)),
        `The data of search '${searchId}'`,
      );
      const { result, thread } = await this.#threads.run(
        { searchKey, context, dataHash, blob, task },
        signal,
      );
      const stored: StoredResult = { result, worker: { ...this.info, thread } };
      const kept = await writeResult(
        this.#redis,
        this.#keys,
        searchId,
        generation,
        task.taskIndex,
        packBlob(stored),
      );
      this.#log(formatTaskLine(this.info.id, thread, searchId, result, kept));
      return { taskIndex: task.taskIndex };
    } catch (e) {
      if (e instanceof UnrecoverableError) throw e;
      if (e instanceof TaskCancelledError) {
        this.#log(
          `${this.info.id} cancelled task ${task.taskIndex} (candidate ${task.candidateIndex}, fold ${task.splitIndex}) of search '${searchId}'`,
        );
        throw new UnrecoverableError(`cancelled: ${e.message}`);
      }
      this.#log(
        `${this.info.id} failed task ${task.taskIndex} of search '${searchId}': ${(e as Error)?.message ?? String(e)}`,
      );
      throw e;
    } finally {
      this.#active.delete(job.id!);
    }
  }

  /**
   * Stops taking tasks, waits for the running ones, and closes the connections and threads.
   *
   * @param force - do not wait for running tasks (BullMQ gives them to another worker later)
   * @returns when closed
   * @example
   * ```ts
   * process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
   * ```
   */
  async close(force = false): Promise<void> {
    await this.#worker.close(force);
    await this.#threads.close();
    await Promise.all(
      [this.#redis.quit(), this.#subscriber.quit(), this.#bullRedis.quit()].map((p) =>
        p.catch(() => undefined),
      ),
    );
  }
}
