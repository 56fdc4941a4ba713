// The role of numpy's RandomState in scikit-learn's sklearn/utils/validation.py check_random_state (BSD-3-Clause), on seedrandom.
import seedrandom from 'seedrandom';
import { ValueError } from './errors';

/**
 * A seeded pseudo-random generator (seedrandom's ARC4 `alea`-free default), the TypeScript
 * counterpart of numpy's `RandomState` as scikit-learn uses it: `random()`, `uniform`,
 * `randint(n)`, `standardNormal()`, `normal`, `shuffle`, `permutation`.
 *
 * @example
 * ```ts
 * const rng = new RandomState(42);
 * rng.permutation(5); // the same order every run with seed 42
 * ```
 * @remarks The stream differs from numpy's Mersenne Twister: the same seed gives the same
 * numbers on every run and platform here, but not the numbers numpy gives. The distributions
 * are numpy's: uniform doubles in [0, 1), and normal deviates by the same Marsaglia polar
 * method as numpy's legacy `RandomState.standard_normal`.
 * @see https://numpy.org/doc/stable/reference/random/legacy.html
 */
export class RandomState {
  #next: seedrandom.StatefulPRNG<seedrandom.State.Arc4>;
  /** The second value of the last polar-method pair, kept for the next `standardNormal()`. */
  #gauss: number | null = null;

  /**
   * @param seed - an integer seed; `null`/`undefined` seeds from the platform's entropy
   */
  constructor(seed?: number | null) {
    this.#next = seedrandom(seed === null || seed === undefined ? undefined : `scikeras:${seed}`, {
      state: true,
    });
  }

  /**
   * An independent generator in this one's current state: both give the same numbers from
   * here on, and drawing from one does not advance the other (what `copy.deepcopy` of a numpy
   * `RandomState` gives; `clone` copies a `RandomState` param this way, as scikit-learn's
   * clone deep-copies it).
   *
   * @returns the copy
   * @example
   * ```ts
   * const a = new RandomState(0);
   * a.random();
   * const b = a.copy();
   * a.random() === b.random(); // true
   * ```
   */
  copy(): RandomState {
    const out = new RandomState(0);
    out.#next = seedrandom('', { state: this.#next.state() });
    out.#gauss = this.#gauss;
    return out;
  }

  /**
   * A float in [0, 1).
   *
   * @returns the next uniform number
   * @example
   * ```ts
   * new RandomState(0).random(); // 0 <= x < 1
   * ```
   */
  random(): number {
    return this.#next();
  }

  /**
   * A float in [low, high) (numpy's `uniform(low, high)`).
   *
   * @param low - lower bound (inclusive)
   * @param high - upper bound (exclusive)
   * @returns `low + (high - low) * random()`
   * @example
   * ```ts
   * new RandomState(0).uniform(-10, 10); // -10 <= x < 10
   * ```
   */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.#next();
  }

  /**
   * A standard normal deviate (numpy's legacy `standard_normal`): Marsaglia's polar method, which
   * draws two uniforms per pair of deviates and keeps the second deviate for the next call.
   *
   * @returns a draw from N(0, 1)
   * @example
   * ```ts
   * new RandomState(0).standardNormal(); // e.g. -0.7
   * ```
   */
  standardNormal(): number {
    if (this.#gauss !== null) {
      const g = this.#gauss;
      this.#gauss = null;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.#next() - 1;
      x2 = 2 * this.#next() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.#gauss = f * x1;
    return f * x2;
  }

  /**
   * A normal deviate with mean `loc` and standard deviation `scale` (numpy's `normal`).
   *
   * @param loc - the mean
   * @param scale - the standard deviation
   * @returns `loc + scale * standardNormal()`
   * @example
   * ```ts
   * new RandomState(0).normal(5, 2);
   * ```
   */
  normal(loc = 0, scale = 1): number {
    return loc + scale * this.standardNormal();
  }

  /**
   * An integer in [low, high), or [0, low) when `high` is omitted (numpy's `randint`).
   *
   * @param low - lower bound (inclusive), or the exclusive upper bound when `high` is omitted
   * @param high - exclusive upper bound
   * @returns the integer
   * @throws ValueError when the range is empty
   * @example
   * ```ts
   * new RandomState(0).randint(10); // 0..9
   * ```
   */
  randint(low: number, high?: number): number {
    const [lo, hi] = high === undefined ? [0, low] : [low, high];
    if (!(hi > lo)) throw new ValueError(`low >= high (low=${lo}, high=${hi})`);
    return lo + Math.floor(this.#next() * (hi - lo));
  }

  /**
   * Shuffles an array in place (Fisher-Yates from the end, like numpy).
   *
   * @param arr - the array to shuffle
   * @returns the same array
   * @example
   * ```ts
   * new RandomState(1).shuffle([1, 2, 3]);
   * ```
   */
  shuffle<T extends { length: number; [i: number]: any }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.#next() * (i + 1));
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
    return arr;
  }

  /**
   * A shuffled copy of `0..n-1` (or of an array).
   *
   * @param n - the length, or an array to permute
   * @returns the permutation
   * @example
   * ```ts
   * new RandomState(0).permutation(4); // e.g. [2, 0, 3, 1]
   * ```
   */
  permutation(n: number): number[];
  permutation<T>(n: readonly T[]): T[];
  permutation<T>(n: number | readonly T[]): (number | T)[] {
    const arr: (number | T)[] =
      typeof n === 'number' ? Array.from({ length: n }, (_, i) => i) : [...n];
    return this.shuffle(arr);
  }
}

/** What `randomState` params accept: an integer seed, `null` (fresh entropy) or a generator. */
export type RandomStateLike = number | null | undefined | RandomState;

/**
 * Turns a `randomState` param into a generator (scikit-learn's `check_random_state`): an
 * integer seeds a new one, `null` uses fresh entropy, a `RandomState` is returned as is.
 *
 * @param seed - the param value
 * @returns a generator
 * @throws ValueError for anything else
 * @example
 * ```ts
 * checkRandomState(0).random();
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.check_random_state.html
 */
export function checkRandomState(seed: RandomStateLike): RandomState {
  if (seed instanceof RandomState) return seed;
  if (seed === null || seed === undefined) return new RandomState(null);
  if (typeof seed === 'number' && Number.isInteger(seed)) return new RandomState(seed);
  throw new ValueError(`${String(seed)} cannot be used to seed a RandomState instance`);
}
