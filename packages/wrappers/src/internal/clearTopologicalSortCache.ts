// tfjs-layers keeps the topological sort of the last 100 graphs it ran (engine/executor.ts's
// cachedSorted / cachedRecipientCounts LRU caches), holding each graph's layers after dispose.
import * as tf from '@tensorflow/tfjs';

/** tfjs-layers' flag that sizes its topological-sort caches (its setter resizes them). */
const FLAG = 'TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES';

/**
 * Empties tfjs-layers' topological-sort caches (keyed by tensor names, one entry per graph a
 * model ran), keeping their size: a disposed model's entries would otherwise hold its layers,
 * symbolic tensors and variables (their JavaScript objects; the tensors' memory is freed) until
 * 100 newer graphs push them out, i.e. up to 100 dead models per thread. Models still in use
 * sort their graph again on their next call (once per call signature; a fit's batches share one).
 *
 * @example
 * ```ts
 * model.dispose();
 * clearTopologicalSortCache(); // the model's graph is no longer reachable from tfjs-layers
 * ```
 * @remarks tfjs-layers has no public way to drop one model's entries; its flag's setter
 * (`LruCache.setMaxEntries`) evicts the oldest entries when the size shrinks, so setting it to 0
 * and back empties both caches.
 */
export function clearTopologicalSortCache(): void {
  const env = tf.env();
  let size: number;
  try {
    size = env.getNumber(FLAG);
  } catch {
    return; // a tfjs-layers without the flag (before 4.2): nothing to resize
  }
  env.set(FLAG, 0);
  env.set(FLAG, size);
}
