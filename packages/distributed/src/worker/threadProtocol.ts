// The messages between a scikeras-worker's main thread and its task threads.
import type { TaskResult } from '@scikeras/model-selection';
import type { TaskRef } from '../tasks/payload';

/** A task thread's `workerData`. */
export interface ThreadData {
  /** File URLs of the modules to import (in order) before any task. */
  imports: string[];
  /** The tfjs backend to use for every task (`--backend`), or null to follow each search's. */
  backend: string | null;
  /** This thread's number. */
  thread: number;
}

/** One task for a thread. */
export interface ThreadRequest {
  id: number;
  /** `searchId/generation`: the context cache key. */
  searchKey: string;
  /** The search's packed context. */
  context: Uint8Array;
  dataHash: string;
  /** The packed data (a view of a SharedArrayBuffer, shared with every thread). */
  blob: Uint8Array;
  task: TaskRef;
}

/** What a thread posts: ready (or not) after its imports, then one result per task. */
export type ThreadReply =
  { ready: true } | { initError: string } | { id: number; result: TaskResult };
