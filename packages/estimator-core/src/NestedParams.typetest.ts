// Type-level tests of SettableParams and NestedParams (issue 16), checked by `pnpm typecheck`
// (tsc --noEmit over src/): each `@ts-expect-error` line must fail to compile, every other line
// must compile. Nothing here runs.
import { BaseEstimator, type Params, type SettableParams } from './BaseEstimator';
import type { EstimatorLike } from './isEstimator';
import type { NestedParams } from './NestedParams';

interface RidgeParams {
  alpha?: number;
  solver?: 'auto' | 'svd';
}
class Ridge extends BaseEstimator<RidgeParams> {}

interface BaggingParams {
  estimator?: Ridge | null;
  nEstimators?: number;
  /** Routed keys, accepted for any name. */
  [key: `fit__${string}`]: unknown;
}
class Bagging extends BaseEstimator<BaggingParams> {}

interface MetaParams {
  inner?: Bagging;
  other?: EstimatorLike;
}
class Meta extends BaseEstimator<MetaParams> {}

export const settable: [SettableParams<Ridge>, SettableParams<EstimatorLike>] = [
  { alpha: 1 },
  { anything: 'goes' },
];

export const nested: Partial<NestedParams<Meta>>[] = [
  { inner__nEstimators: 3, inner__estimator__alpha: 0.5, inner__estimator__solver: 'svd' },
  { inner__fit__anything: 1, other__any__key: 'x' },
  // @ts-expect-error `alpha` is a number
  { inner__estimator__alpha: 'big' },
  // @ts-expect-error `alpah` is not a Ridge param
  { inner__estimator__alpah: 1 },
  // @ts-expect-error `fot__` is not a routing prefix of Bagging
  { inner__fot__x: 1 },
];

// depth: own params only at D = 0, one level down at D = 1
export const depth: Partial<NestedParams<Meta, 1>>[] = [
  { inner__nEstimators: 3 },
  // @ts-expect-error two levels down is past the depth
  { inner__estimator__alpha: 0.5 },
];

// an untyped BaseEstimator takes any key
export const untyped: Partial<NestedParams<BaseEstimator<Params>>> = { x: 1, y__z: 2 };

// BaseEstimator<P> stays assignable to BaseEstimator (the settable type is carried bivariantly)
export const assignable: BaseEstimator[] = [new Ridge(), new Bagging(), new Meta()];
