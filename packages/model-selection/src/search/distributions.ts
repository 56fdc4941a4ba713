// The scipy.stats distributions scikit-learn's ParameterSampler is used with (uniform, loguniform, randint).
import { ValueError } from '@scikeras/estimator-core';
import { checkRandomState, type RandomState, type RandomStateLike } from '../RandomState';

/** A distribution to sample a param from: anything with `rvs(rng)` (scipy's frozen distributions). */
export interface Distribution<T = number> {
  /** Draws one value using `randomState`. */
  rvs(randomState?: RandomStateLike): T;
}

/**
 * The uniform distribution on `[loc, loc + scale]` (scipy.stats' `uniform(loc, scale)`).
 *
 * @param loc - lower bound @defaultValue 0
 * @param scale - width @defaultValue 1
 * @returns a distribution with `rvs(rng)`
 * @throws ValueError for a negative scale
 * @example
 * ```ts
 * uniform(0.1, 0.8).rvs(new RandomState(0)); // in [0.1, 0.9]
 * ```
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.uniform.html
 */
export function uniform(loc = 0, scale = 1): Distribution<number> & { loc: number; scale: number } {
  if (!(scale >= 0)) throw new ValueError(`uniform: scale must be >= 0, got ${scale}.`);
  return {
    loc,
    scale,
    rvs: (rs?: RandomStateLike) => loc + scale * checkRandomState(rs).random(),
  };
}

/**
 * The log-uniform (reciprocal) distribution on `[a, b]` (scipy.stats' `loguniform(a, b)`):
 * `log(x)` is uniform on `[log a, log b]`.
 *
 * @param a - lower bound, > 0
 * @param b - upper bound, > a
 * @returns a distribution with `rvs(rng)`
 * @throws ValueError unless 0 < a < b
 * @example
 * ```ts
 * loguniform(1e-4, 1e-1).rvs(new RandomState(0)); // e.g. 0.0031
 * ```
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.loguniform.html
 */
export function loguniform(a: number, b: number): Distribution<number> & { a: number; b: number } {
  if (!(a > 0 && b > a)) throw new ValueError(`loguniform: needs 0 < a < b, got a=${a}, b=${b}.`);
  const la = Math.log(a);
  const lb = Math.log(b);
  return {
    a,
    b,
    rvs: (rs?: RandomStateLike) => Math.exp(la + (lb - la) * checkRandomState(rs).random()),
  };
}

/**
 * The discrete uniform distribution on the integers `low, ..., high - 1` (scipy.stats'
 * `randint(low, high)`).
 *
 * @param low - lowest value (inclusive)
 * @param high - highest value (exclusive)
 * @returns a distribution with `rvs(rng)`
 * @throws ValueError unless `low < high` are integers
 * @example
 * ```ts
 * randint(1, 11).rvs(new RandomState(0)); // 1..10
 * ```
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.randint.html
 */
export function randint(
  low: number,
  high: number,
): Distribution<number> & { low: number; high: number } {
  if (!Number.isInteger(low) || !Number.isInteger(high) || !(high > low))
    throw new ValueError(`randint: needs integers low < high, got low=${low}, high=${high}.`);
  return { low, high, rvs: (rs?: RandomStateLike) => checkRandomState(rs).randint(low, high) };
}

/** Whether a value is a distribution (has `rvs`). */
export function isDistribution(v: unknown): v is Distribution<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as Distribution).rvs === 'function';
}

export type { RandomState };
