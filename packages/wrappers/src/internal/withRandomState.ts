// After scikeras's scikeras/_utils.py tensorflow_random_state (MIT), for tfjs.
import seedrandom from 'seedrandom';
import { ValueError } from '@scikeras/estimator-core';
import type * as AsyncHooks from 'node:async_hooks';

/**
 * A generator usable as a seed: model-selection's `RandomState`, or any object with a
 * numpy-style `randint(high)` or a `random()` in [0, 1).
 */
export interface RandomSource {
  /** An integer in [low, high) (numpy's `randint`); one draw seeds a fit. */
  randint?(low: number, high?: number): number;
  /** A float in [0, 1); used when there is no `randint`. */
  random?(): number;
}

/** What keeps concurrent seeded sections apart (see {@link withRandomState}). */
export type SeedingMechanism = 'async-context' | 'serial';

/** One seeded section: its generator, closed when the section ends. */
interface Section {
  readonly next: () => number;
  open: boolean;
}

/** Tells which section the running code belongs to, and runs a section's work. */
interface Strategy {
  readonly name: SeedingMechanism;
  current(): Section | undefined;
  run<T>(section: Section, fn: () => T | Promise<T>): Promise<T>;
  /** Called when the last open section has ended. */
  idle(): void;
}

/** numpy's `np.iinfo(np.int32).max`, the bound scikit-learn draws seeds below. */
const MAX_INT32 = 2147483647;

let active = 0;
let original: () => number = Math.random;

/** The `Math.random` installed while a section is open: the current section's draw, or the original's. */
function dispatch(): number {
  const section = strategy.current();
  return section !== undefined && section.open ? section.next() : original();
}

function enter(): void {
  active++;
  // a Math.random replaced by someone else meanwhile becomes the one to restore
  if (Math.random !== dispatch) {
    original = Math.random;
    Math.random = dispatch;
  }
}

function leave(): void {
  if (--active > 0) return;
  // someone who replaced Math.random while we were installed keeps theirs
  if (Math.random === dispatch) Math.random = original;
  strategy.idle();
}

/** Node's AsyncLocalStorage (>= 20.16, 22, 24), loaded without a static import; else null. */
function asyncContextStrategy(): Strategy | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const hooks = proc?.getBuiltinModule?.('node:async_hooks') as typeof AsyncHooks | undefined;
  if (typeof hooks?.AsyncLocalStorage !== 'function') return null;
  const storage = new hooks.AsyncLocalStorage<Section>();
  return {
    name: 'async-context',
    current: () => storage.getStore(),
    run: async (section, fn) => await storage.run(section, fn),
    // turns Node 20's promise hooks off again while nothing is seeded
    idle: () => storage.disable(),
  };
}

/**
 * One section at a time: a section waits for the running one to end. A section started while
 * a section's function runs synchronously (before its first `await`) is nested and runs at once.
 */
function serialStrategy(): Strategy {
  const stack: Section[] = [];
  let tail: Promise<void> = Promise.resolve();
  let inSync = 0;
  const runIn = async <T>(section: Section, fn: () => T | Promise<T>): Promise<T> => {
    stack.push(section);
    try {
      inSync++;
      let result: T | Promise<T>;
      try {
        result = fn();
      } finally {
        inSync--;
      }
      return await result;
    } finally {
      stack.splice(stack.lastIndexOf(section), 1);
    }
  };
  return {
    name: 'serial',
    current: () => stack.at(-1),
    async run(section, fn) {
      if (inSync > 0) return await runIn(section, fn);
      const previous = tail;
      let release!: () => void;
      tail = new Promise<void>((resolve) => (release = resolve));
      await previous;
      try {
        return await runIn(section, fn);
      } finally {
        release();
      }
    },
    idle: () => undefined,
  };
}

let strategy: Strategy = asyncContextStrategy() ?? serialStrategy();

/**
 * Turns a `randomState` into an integer seed: an integer as is, a generator's one draw below
 * 2**31 - 1 (scikit-learn's `check_random_state(rs).randint(MAX_INT)`), `null`/`undefined` as is.
 * A caller that opens several seeded sections for one fit (building, then training) can draw
 * once here and pass the integer to each, as scikit-learn draws once per `fit`.
 *
 * @param randomState - an integer, a generator (`RandomSource`), or `null`/`undefined`
 * @returns the integer seed, or `null`/`undefined` unchanged
 * @throws ValueError for anything else, with scikit-learn's `check_random_state` message
 * @example
 * ```ts
 * resolveSeed(7); // 7
 * resolveSeed(new RandomState(0)); // an integer in [0, 2147483647), the same for every RandomState(0)
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.check_random_state.html
 */
export function resolveSeed(
  randomState: number | RandomSource | null | undefined,
): number | null | undefined {
  const seed = randomState;
  if (seed === null || seed === undefined) return seed;
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed;
  if (typeof seed === 'object') {
    if (typeof seed.randint === 'function') return seed.randint(MAX_INT32);
    if (typeof seed.random === 'function') return Math.floor(seed.random() * MAX_INT32);
  }
  throw new ValueError(`${String(seed)} cannot be used to seed a RandomState instance`);
}

/**
 * Runs `fn` with `Math.random` drawing from a generator seeded with `seed`, so that model
 * building and training are reproducible on one backend. tfjs has no global seed: its
 * initializers, dropout and `fit`'s shuffling draw their seeds from `Math.random` when none is
 * given (so does the lean loop's `tf.util.shuffle`).
 *
 * While at least one seeded section is open, `Math.random` is a dispatcher: code that belongs
 * to a section draws from that section's generator, any other code from the original
 * `Math.random`. When the last section ends (normally or by a throw), the original is put back
 * (identity-equal). Which code belongs to a section:
 *
 * - `'async-context'` (Node >= 20.16, 22, 24: `AsyncLocalStorage`, reached through
 *   `process.getBuiltinModule` so that browser bundles never import `node:async_hooks`): the
 *   section's function and everything it starts (awaits, promise chains, timers). Concurrent
 *   sections keep running concurrently, and each draws exactly what it would draw alone;
 *   unseeded code running at the same time draws from the original `Math.random`.
 * - `'serial'` (browsers, older Node): a section waits until the running one has ended, so
 *   concurrent seeded fits run one after the other, each exact as long as no unseeded code draws
 *   from `Math.random` while it runs (such code draws from the running section's stream, as with
 *   TensorFlow's global seed). A section started synchronously inside a running one (before its
 *   first `await`) is nested and runs at once; one started after an `await` waits for the
 *   running section to end, so a section must not await a seeded section it starts after its
 *   own first `await` (it would wait for itself).
 *
 * A section nested in another draws from its own generator and leaves the outer one's stream
 * untouched (in `'serial'`, as long as the outer one waits for it). A generator drawn from after
 * its section has ended (a timer left behind) gives way to the original `Math.random`.
 *
 * @remarks scikeras sets TensorFlow's process-wide seed for the duration of `fit`; JavaScript
 * fits share a thread, so a global replacement would let concurrent fits (`Promise.all`, two
 * searches at once) consume each other's draws (and, restored out of order, leave a seeded
 * `Math.random` installed). Why this mechanism: `AsyncLocalStorage` keeps concurrent fits
 * concurrent and keeps unseeded code out of the seeded streams; its cost on Node 20/22 (promise
 * hooks: ~1.2 µs per promise while a section is open, ~600 promises per 5-epoch fit, so <1 ms
 * against 30-800 ms of training) is nil on Node 24. The queue is the exact option that works
 * everywhere. Seeding tfjs explicitly (initializers' `seed`, our own shuffles) cannot reach the
 * layers a user's build function makes: their initializers and dropout draw from `Math.random`
 * (a 5-epoch fit of 256 rows draws ~1,300 times). A `RandomState` object is used as a generator,
 * as scikit-learn does with `check_random_state(rs).randint(MAX_INT)`: each section draws one
 * seed from it (so successive fits differ; scikeras copies the state and always draws 0).
 *
 * @param seed - an integer, a generator (`RandomSource`: model-selection's `RandomState`),
 *   or `null`/`undefined` to run `fn` as is (inside a seeded section it keeps that section's stream)
 * @param fn - the work to run; may be async
 * @returns what `fn` returns (awaited)
 * @throws ValueError when `seed` is none of the above (scikit-learn's `check_random_state`
 *   message); whatever `fn` throws, after restoring `Math.random`
 * @example
 * ```ts
 * const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
 * const [a, b] = await Promise.all([
 *   withRandomState(0, async () => { await tick(); return Math.random(); }),
 *   withRandomState(0, () => Math.random()),
 * ]);
 * a === b; // true: each section draws from its own generator
 * ```
 * @see https://github.com/adriangb/scikeras/blob/master/scikeras/_utils.py
 */
export async function withRandomState<T>(
  seed: number | RandomSource | null | undefined,
  fn: () => T | Promise<T>,
): Promise<T> {
  const resolved = resolveSeed(seed);
  if (resolved === null || resolved === undefined) return await fn();
  const section: Section = { next: seedrandom(String(resolved)), open: true };
  enter();
  try {
    return await strategy.run(section, fn);
  } finally {
    section.open = false;
    leave();
  }
}

/** How many seeded sections are open, waiting ones included (for tests). */
export function seededSections(): number {
  return active;
}

/** The mechanism in use: `'async-context'` where Node's AsyncLocalStorage exists, else `'serial'`. */
export function seedingMechanism(): SeedingMechanism {
  return strategy.name;
}

/**
 * Switches the mechanism (tests and benchmarks use it to run the browser's `'serial'` one in Node).
 *
 * @param name - the mechanism
 * @throws Error while a seeded section is open, or for `'async-context'` where it is unavailable
 */
export function setSeedingMechanism(name: SeedingMechanism): void {
  if (active > 0) throw new Error('Cannot switch the seeding mechanism while a section is open.');
  const next = name === 'serial' ? serialStrategy() : asyncContextStrategy();
  if (next === null) throw new Error('AsyncLocalStorage is not available here.');
  strategy = next;
}
