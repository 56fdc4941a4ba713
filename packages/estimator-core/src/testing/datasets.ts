// Small deterministic data sets for the estimator checks (after scikit-learn's make_blobs and
// _regression_dataset in sklearn/utils/estimator_checks.py, BSD-3-Clause).

/**
 * A seeded uniform generator in [0, 1) (mulberry32): the same numbers on every run and platform,
 * for test data and benchmarks.
 *
 * @param seed - any 32-bit integer
 * @returns a function giving the next number
 * @example
 * ```ts
 * const r = makeRng(42);
 * r(); // the same first number on every run
 * ```
 */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded standard normal generator (Box-Muller). */
export function makeNormal(seed: number): () => number {
  const u = makeRng(seed);
  return () => {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    return r * Math.cos(2 * Math.PI * u());
  };
}

/** An `n x d` matrix of uniform values in `[0, scale)`. */
export function uniformX(n: number, d: number, seed: number, scale = 3): number[][] {
  const u = makeRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => scale * u()));
}

/** An `n x d` matrix of normal values with the given mean. */
export function normalX(n: number, d: number, seed: number, loc = 0): number[][] {
  const g = makeNormal(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => loc + g()));
}

const CENTERS = [
  [0, 2, 0],
  [2, -1.5, 1],
  [-2, -1.5, -1],
];

/**
 * Three well separated Gaussian blobs in 3 features; sample `i` belongs to class `i % 3`
 * (so every prefix holds every class), `nPerClass` samples each.
 */
export function blobs(nPerClass = 15, std = 0.6, seed = 0): { X: number[][]; y: number[] } {
  const g = makeNormal(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 3 * nPerClass; i++) {
    const c = i % 3;
    X.push(CENTERS[c]!.map((m) => m + std * g()));
    y.push(c);
  }
  return { X, y };
}

/** A linear regression problem: `y = 1.5 x0 - 2 x1 + 0.5 x2 + 0.3` plus a little noise. */
export function linearRegression(n = 40, seed = 1): { X: number[][]; y: number[]; Y: number[][] } {
  const X = normalX(n, 3, seed);
  const g = makeNormal(seed + 1000);
  const y = X.map((r) => 1.5 * r[0]! - 2 * r[1]! + 0.5 * r[2]! + 0.3 + 0.05 * g());
  const Y = X.map((r, i) => [y[i]!, -r[0]! + r[2]! + 0.05 * g()]);
  return { X, y, Y };
}

/** Labels for label transformers: 3 string classes in a non-sorted first-seen order. */
export function stringLabels(): string[] {
  return ['b', 'a', 'c', 'a', 'b', 'c', 'c', 'a', 'b', 'b', 'a', 'c'];
}

/** A seeded permutation of `0..n-1`. */
export function permutation(n: number, seed: number): number[] {
  const u = makeRng(seed);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}
