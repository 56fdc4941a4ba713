// Loads the Node-only entry (the worker pool) on demand: only `nJobs > 1` needs it, and only in
// Node. The specifier is not a string literal at the import, so bundlers leave it alone and a
// browser bundle of the universal entry contains no Node built-ins.
import { ValueError } from '@scikeras/estimator-core';

/** The package's Node-only entry (a self-reference, resolved from this package's own folder). */
const NODE_ENTRY = '@scikeras/model-selection/node';

type NodeEntry = typeof import('../node');

function importEntry(specifier: string): Promise<NodeEntry> {
  // The CommonJS build (and jest, whose vm rejects import()) requires it through its own
  // `module` (esbuild's ESM output has no `module`, and its `require` shim throws); the ESM
  // build imports it.
  if (typeof module === 'object' && module !== null && typeof module.require === 'function')
    return Promise.resolve(module.require(specifier) as NodeEntry);
  return import(/* @vite-ignore */ specifier) as Promise<NodeEntry>;
}

/**
 * The worker-pool executor of `@scikeras/model-selection/node`, loaded on first use.
 *
 * @param why - what needs it, for the message outside Node: `nJobs > 1` or a `timeout`
 * @returns the Node entry's exports
 * @throws ValueError outside Node, or when the entry cannot be loaded
 * @example
 * ```ts
 * const { WorkerPoolExecutor } = await loadWorkerPool();
 * ```
 */
export async function loadWorkerPool(why: 'nJobs' | 'timeout' = 'nJobs'): Promise<NodeEntry> {
  const g = globalThis as { process?: { versions?: { node?: string } } };
  if (!g.process?.versions?.node) {
    throw new ValueError(
      why === 'nJobs'
        ? 'nJobs > 1 runs tasks on worker threads, which need Node.js. Use nJobs: null (or 1) here, ' +
            'or pass an Executor as nJobs.'
        : 'timeout stops a fit that runs too long by ending its worker thread, which needs Node.js ' +
            '(a fit in this thread cannot be preempted). Use timeout: null here, or pass an Executor as nJobs.',
    );
  }
  try {
    return await importEntry(NODE_ENTRY);
  } catch (e) {
    throw new ValueError(
      `${why === 'nJobs' ? 'nJobs > 1' : 'timeout'} needs the worker pool of @scikeras/model-selection (${NODE_ENTRY}), ` +
        `which could not be loaded: ${(e as Error).message}`,
    );
  }
}
