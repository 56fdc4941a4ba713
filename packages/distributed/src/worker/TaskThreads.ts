// A scikeras-worker's task threads: one per concurrent job (BullMQ's `concurrency`), so that a
// fit never blocks the main thread, which keeps renewing BullMQ's locks and hearing cancels.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RuntimeError } from '@scikeras/estimator-core';
import type { TaskResult } from '@scikeras/model-selection';
import type { ThreadData, ThreadReply, ThreadRequest } from './threadProtocol';

/** The built thread entry, beside this module in dist (both builds). */
export function threadFilename(): string {
  // __dirname: tsup's shim in the ESM build
  const file = join(__dirname, 'taskThread.mjs');
  if (!existsSync(file))
    throw new RuntimeError(
      `The task thread of @scikeras/distributed was not found at ${file}. Build the package first.`,
    );
  return file;
}

interface Slot {
  thread: number;
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  /** Replaced (stopped by a cancel, or died): never given a task again. */
  retired?: boolean;
  pending?: { id: number; resolve: (r: TaskResult) => void; reject: (e: Error) => void };
}

/** The error of a task stopped by a cancel. */
export class TaskCancelledError extends Error {
  override name = 'TaskCancelledError';
}

/**
 * `n` task threads, each importing the worker's modules once; `run` gives a task to a free one.
 * A thread that dies (or is stopped by a cancel) is replaced.
 */
export class TaskThreads {
  readonly #slots: Slot[] = [];
  readonly #imports: string[];
  readonly #backend: string | null;
  readonly #waiting: (() => void)[] = [];
  #nextId = 0;
  #closed = false;

  constructor(n: number, imports: string[], backend: string | null) {
    this.#imports = imports;
    this.#backend = backend;
    for (let t = 0; t < n; t++) this.#slots.push(this.#spawn(t));
  }

  /** Resolves when every thread has imported its modules; rejects with the first import error. */
  async ready(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.ready));
  }

  #spawn(thread: number): Slot {
    const data: ThreadData = { imports: this.#imports, backend: this.#backend, thread };
    const worker = new Worker(threadFilename(), { workerData: data });
    const slot = { thread, worker, busy: false } as Slot;
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: ThreadReply) => {
        if ('ready' in m) resolve();
        else if ('initError' in m)
          reject(new RuntimeError(`A task thread could not import its modules: ${m.initError}`));
        else if (slot.pending?.id === m.id) this.#settle(slot, (p) => p.resolve(m.result));
      });
      worker.on('error', (e) => {
        reject(e);
        this.#settle(slot, (p) => p.reject(e));
      });
      worker.on('exit', (code) => {
        const e = new RuntimeError(`A task thread stopped (exit code ${code}).`);
        reject(e);
        this.#settle(slot, (p) => p.reject(e));
        this.#retire(slot);
      });
    });
    slot.ready.catch(() => undefined);
    return slot;
  }

  #settle(slot: Slot, fn: (p: NonNullable<Slot['pending']>) => void): void {
    const p = slot.pending;
    if (!p) return;
    slot.pending = undefined;
    slot.busy = false;
    fn(p);
    this.#waiting.shift()?.();
  }

  /** Takes a thread out of service (stopping it) and starts its replacement. */
  #retire(slot: Slot): void {
    if (slot.retired) return;
    slot.retired = true;
    slot.busy = true;
    void slot.worker.terminate();
    if (this.#closed) return;
    const at = this.#slots.indexOf(slot);
    if (at >= 0) this.#slots[at] = this.#spawn(slot.thread);
    this.#waiting.shift()?.();
  }

  async #freeSlot(): Promise<Slot> {
    for (;;) {
      const free = this.#slots.find((s) => !s.busy);
      if (free && !free.retired) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  /**
   * Runs a task on a free thread.
   *
   * @param req - the task (its id is set here)
   * @param signal - a cancel stops the thread at once (it is replaced)
   * @returns the result and the thread that ran it
   * @throws TaskCancelledError when cancelled; RuntimeError when the thread died
   */
  async run(
    req: Omit<ThreadRequest, 'id'>,
    signal?: AbortSignal,
  ): Promise<{ result: TaskResult; thread: number }> {
    const cancelled = () => new TaskCancelledError(String(signal?.reason ?? 'cancelled'));
    if (signal?.aborted) throw cancelled();
    const slot = await this.#freeSlot();
    try {
      await slot.ready;
    } catch (e) {
      slot.busy = false;
      throw e;
    }
    const id = ++this.#nextId;
    const result = await new Promise<TaskResult>((resolve, reject) => {
      slot.pending = { id, resolve, reject };
      const onAbort = () => {
        this.#settle(slot, (p) => p.reject(cancelled()));
        this.#retire(slot);
      };
      if (signal?.aborted) {
        slot.busy = false;
        this.#waiting.shift()?.();
        return reject(cancelled());
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      slot.worker.postMessage({ ...req, id } satisfies ThreadRequest);
    });
    return { result, thread: slot.thread };
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
