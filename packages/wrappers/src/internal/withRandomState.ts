// After scikeras's scikeras/_utils.py tensorflow_random_state (MIT), for tfjs.
import seedrandom from 'seedrandom';

let active = 0;

/**
 * Runs `fn` with `Math.random` replaced by a generator seeded with `seed`, and restores the
 * original in a `finally` block. tfjs has no global seed: its initializers, dropout and
 * `fit`'s shuffling draw their seeds from `Math.random` when none is given, so this makes
 * model building and training reproducible on one backend.
 *
 * @remarks Like TensorFlow's global seed in scikeras, this is process-wide while `fn` runs:
 * other code drawing from `Math.random` at the same time (another model training
 * concurrently in this thread) shares the stream. Nested calls keep their own generators.
 *
 * @param seed - the seed, or `null` to run `fn` unseeded
 * @param fn - the work to run
 * @returns what `fn` returns
 * @example
 * ```ts
 * const a = await withRandomState(0, () => Math.random());
 * const b = await withRandomState(0, () => Math.random());
 * a === b; // true
 * ```
 */
export async function withRandomState<T>(
  seed: number | null | undefined,
  fn: () => T | Promise<T>,
): Promise<T> {
  if (seed === null || seed === undefined) return await fn();
  const original = Math.random;
  const rng = seedrandom(String(seed));
  Math.random = () => rng();
  active++;
  try {
    return await fn();
  } finally {
    active--;
    Math.random = original;
  }
}

/** How many seeded sections are running (for tests). */
export function seededSections(): number {
  return active;
}
