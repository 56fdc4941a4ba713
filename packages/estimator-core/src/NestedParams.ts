// Every settable param of an estimator, nested ones (`est__sub`) included, as one object type.
import type { SettableParams } from './BaseEstimator';

/** One less than each depth (recursion budget of {@link NestedParams}). */
type Prev = [never, 0, 1, 2, 3, 4, 5];

type IsAny<T> = 0 extends 1 & T ? true : false;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;

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

/**
 * The own settable params of S, each required and without `undefined`. A homomorphic mapped
 * type: it keeps both a declared `model__hidden` and the `` `model__${string}` `` pattern it
 * matches (a union of their keys would keep the pattern only).
 */
type OwnParams<S> = { [K in keyof S]-?: Exclude<S[K], undefined> };

/** N's keys prefixed with `K__`. */
type Prefixed<K extends string, N> = { [J in keyof N as `${K}__${J & string}`]: N[J] };

/**
 * The nested params of a param `K` whose value type is V: those of its typed estimators; any
 * `K__name` when V may only be an estimator the compiler knows nothing of; none otherwise.
 */
type ValueParams<K extends string, V, D extends number> =
  IsAny<V> extends true
    ? never
    : [KnownEstimators<V>] extends [never]
      ? V extends ProtocolLike
        ? { [J in `${K}__${string}`]: unknown }
        : never
      : KnownEstimators<V> extends infer T
        ? T extends unknown
          ? Prefixed<K, ParamsOf<T, D>>
          : never
        : never;

type NestedOf<S, D extends number> = UnionToIntersection<
  { [K in keyof S & string]-?: ValueParams<K, Exclude<S[K], undefined>, D> }[keyof S & string]
>;

type ParamsOf<T, D extends number> = [D] extends [0]
  ? OwnParams<SettableParams<T>>
  : OwnParams<SettableParams<T>> & NestedOf<SettableParams<T>, Prev[D]>;

/**
 * Every param of an estimator by the name `setParams` and a param grid use, with its value type:
 * its own settable params (see {@link SettableParams}) and, for every estimator-valued param
 * `est`, the `est__sub` params of that estimator, down to depth `D` (`clf__model__hidden` through
 * a `Pipeline`). Routed prefixes a class accepts for any name stay patterns
 * (`` `model__${string}` ``); an estimator whose params the compiler does not know accepts any
 * `est__name`; an estimator that is not a typed `BaseEstimator` gives `Params` (any key).
 *
 * @typeParam T - the estimator instance type
 * @typeParam D - how many `__` levels below T's own params are spelled out (default 3); deeper
 *   keys are not listed, which keeps type checking fast
 * @example
 * ```ts
 * const pipe = new Pipeline({ steps: [['scaler', new StandardScaler()], ['clf', clf]] });
 * const p: Partial<NestedParams<typeof pipe>> = { clf__epochs: 5, scaler__withMean: false };
 * ```
 */
export type NestedParams<T, D extends number = 3> =
  ParamsOf<T, D> extends infer R ? { [K in keyof R]: R[K] } : never;
