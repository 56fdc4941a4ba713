// Param grids typed by the searched estimator's params (keys and value types), nested keys included.
import type { NestedParams } from '@scikeras/estimator-core';
import type { Distribution } from './distributions';

/**
 * A param grid for the estimator type T: each key a param of T (its own, `est__sub` keys of its
 * estimator-valued params, and routed `prefix__name` keys, see `NestedParams`), each value an
 * array of that param's values. Any key when T's params are unknown to the compiler (an object
 * that keeps the estimator protocol without a typed `BaseEstimator` class).
 *
 * @typeParam T - the searched estimator's instance type
 * @example
 * ```ts
 * const grid: ParamGridFor<typeof pipe> = { clf__model__hidden: [8, 16], clf__epochs: [5, 10] };
 * // { clf__epoch: [5] } and { clf__epochs: ['5'] } do not compile
 * ```
 */
export type ParamGridFor<T> = {
  [K in keyof NestedParams<T>]?: readonly NestedParams<T>[K][] | ArrayLike<NestedParams<T>[K]>;
};

/**
 * Param distributions for the estimator type T (`RandomizedSearchCV`): each key a param of T as
 * in {@link ParamGridFor}, each value a distribution of that param's values (`uniform`,
 * `loguniform`, `randint`, anything with `rvs`) or an array of them.
 *
 * @typeParam T - the searched estimator's instance type
 * @example
 * ```ts
 * const dists: ParamDistributionsFor<KerasRegressor> = { optimizer__learningRate: loguniform(1e-4, 1e-1), epochs: [5, 10] };
 * ```
 */
export type ParamDistributionsFor<T> = {
  [K in keyof NestedParams<T>]?:
    | Distribution<NestedParams<T>[K]>
    | readonly NestedParams<T>[K][]
    | ArrayLike<NestedParams<T>[K]>;
};

/**
 * One candidate's params for the estimator type T: what `bestParams_` holds (the keys of the
 * grid that produced it, each with a value of that param's type).
 *
 * @typeParam T - the searched estimator's instance type
 * @example
 * ```ts
 * const best: BestParams<typeof pipe> = gs.bestParams_!; // best.clf__model__hidden: unknown, best.clf__epochs: number | undefined
 * ```
 */
export type BestParams<T> = { [K in keyof NestedParams<T>]?: NestedParams<T>[K] };
