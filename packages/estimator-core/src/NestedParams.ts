// Every settable param of an estimator, nested ones (`est__sub`) included, as one object type.
import type { SettableParams } from './BaseEstimator';

/** One less than each depth (recursion budget of {@link NestedParams}). */
type Prev = [never, 0, 1, 2, 3, 4, 5];

type IsAny<T> = 0 extends 1 & T ? true : false;

/** An object keeping the estimator protocol (what `getParams(true)` descends into). */
interface ProtocolLike {
  getParams(deep?: boolean): unknown;
  setParams(params: never): unknown;
}

/** Whether V is an estimator whose class typed its params (a `BaseEstimator<P, S>`). */
type HasKnownParams<V> =
  IsAny<V> extends true
    ? false
    : V extends ProtocolLike
      ? string extends keyof SettableParams<V>
        ? false
        : true
      : false;

/** The members of V with typed params. */
type KnownEstimators<V> = V extends unknown ? (HasKnownParams<V> extends true ? V : never) : never;

/** `[key, value]` for every own settable param of S (its index signatures kept as patterns). */
type OwnEntries<S> = {
  [K in keyof S & string]-?: [K, Exclude<S[K], undefined>];
}[keyof S & string];

/** Entries of a nested estimator, prefixed with `K__`. */
type Prefixed<K extends string, E> = E extends [infer N extends string, infer V]
  ? [`${K}__${N}`, V]
  : never;

/**
 * The nested entries of a param whose value type is V: those of its typed estimators; any
 * `K__name` when V may only be an estimator the compiler knows nothing of; none otherwise.
 */
type ValueEntries<K extends string, V, D extends number> =
  IsAny<V> extends true
    ? never
    : [KnownEstimators<V>] extends [never]
      ? V extends ProtocolLike
        ? [`${K}__${string}`, unknown]
        : never
      : Prefixed<K, KnownEstimators<V> extends infer T ? EntriesOf<T, D> : never>;

type NestedEntries<S, D extends number> = {
  [K in keyof S & string]-?: ValueEntries<K, Exclude<S[K], undefined>, D>;
}[keyof S & string];

type EntriesOf<T, D extends number> = T extends unknown
  ? | OwnEntries<SettableParams<T>>
    | ([D] extends [0] ? never : NestedEntries<SettableParams<T>, Prev[D]>)
  : never;

/**
 * Every param of an estimator by the name `setParams` and a param grid use, with its value type:
 * its own settable params (see {@link SettableParams}) and, for every estimator-valued param
 * `est`, the `est__sub` params of that estimator, down to depth `D` (`clf__model__hidden` through
 * a `Pipeline`). Routed prefixes a class accepts for any name stay patterns
 * (`` `model__${string}` ``); an estimator whose params the compiler does not know accepts any
 * `est__name`; an estimator that is not a typed `BaseEstimator` gives `Params` (any key).
 *
 * @typeParam T - the estimator instance type
 * @typeParam D - how many `__` levels below T are spelled out (default 3); deeper keys are not
 *   listed (which keeps type checking fast)
 * @example
 * ```ts
 * type Keys = keyof NestedParams<GridSearchCV<Pipeline<...>>>;
 * const p: Partial<NestedParams<typeof pipe>> = { clf__epochs: 5, clf__model__hidden: 8 };
 * ```
 */
export type NestedParams<T, D extends number = 3> = {
  [E in EntriesOf<T, D> as E[0]]: E[1];
};
