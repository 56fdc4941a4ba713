// The Redis keys of the searches on one queue, beside BullMQ's own keys of that queue.
import { ValueError } from '@scikeras/estimator-core';

/**
 * The keys and channel of one queue's searches ({@link searchKeys} makes them).
 *
 * @example
 * ```ts
 * const keys: SearchKeys = searchKeys('bull', 'grid');
 * ```
 */
export interface SearchKeys {
  /** A search's meta hash: fingerprint, generation, data hash, context, number of tasks. */
  meta(searchId: string): string;
  /** A search's results hash: task index to the packed result. */
  results(searchId: string): string;
  /** A data blob, by content hash. */
  data(hash: string): string;
  /** The searches using a data blob (the blob goes when none is left). */
  refs(hash: string): string;
  /** The pub/sub channel that tells workers to stop a search's running tasks. */
  cancelChannel: string;
}

/**
 * The keys of a queue's searches: `<prefix>:<queue>:scikeras:...` (BullMQ's job keys are
 * `<prefix>:<queue>:<jobId>`, and job ids never contain ':'), so `queue.obliterate()` removes
 * them too, and a Redis Cluster keeps them in the queue's slot when the prefix is a hash tag
 * (`{bull}`).
 *
 * @param prefix - BullMQ's prefix
 * @param queue - the queue name
 * @returns the keys
 * @example
 * ```ts
 * searchKeys('bull', 'grid').meta('s1'); // 'bull:grid:scikeras:search:s1:meta'
 * ```
 */
export function searchKeys(prefix: string, queue: string): SearchKeys {
  const base = `${prefix}:${queue}:scikeras`;
  return {
    meta: (id) => `${base}:search:${id}:meta`,
    results: (id) => `${base}:search:${id}:results`,
    data: (hash) => `${base}:data:${hash}`,
    refs: (hash) => `${base}:data:${hash}:refs`,
    cancelChannel: `${base}:cancel`,
  };
}

/** What a search id may be made of (it names Redis keys and BullMQ job ids). */
export const SEARCH_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * Throws unless `searchId` is 1 to 128 letters, digits, '_', '-' or '.' (not first).
 *
 * @param searchId - the id
 * @returns the id
 * @throws ValueError naming the id
 * @example
 * ```ts
 * checkSearchId('grid-2026-01'); // 'grid-2026-01'
 * ```
 */
export function checkSearchId(searchId: unknown): string {
  if (typeof searchId === 'string' && SEARCH_ID.test(searchId)) return searchId;
  throw new ValueError(
    `searchId must be 1 to 128 letters, digits, '_', '-' or '.' (not first), got ${JSON.stringify(searchId)}.`,
  );
}

/**
 * The BullMQ job id of a task: one per (search, generation, task), so adding a task again (a
 * resumed search) never duplicates it while it waits or runs.
 *
 * @param searchId - the search
 * @param generation - the search's generation (a new one each time the id starts afresh)
 * @param taskIndex - the task
 * @returns the job id
 * @example
 * ```ts
 * taskJobId('s1', '9f2c...', 4); // 'sk.s1.9f2c....4'
 * ```
 */
export function taskJobId(searchId: string, generation: string, taskIndex: number): string {
  return `sk.${searchId}.${generation}.${taskIndex}`;
}
