// Type-level tests of typed param grids (issue 16), checked by `pnpm typecheck` (tsc --noEmit
// over src/): each `@ts-expect-error` line must fail to compile, every other line must compile.
// Nothing here runs. (The Keras wrappers and Pipeline cases are in
// packages/pipeline/src/kerasGrids.typetest.ts.)
import { BaseEstimator, type NestedParams, type Params } from '@scikeras/estimator-core';
import { GridSearchCV } from './GridSearchCV';
import { RandomizedSearchCV } from './RandomizedSearchCV';
import { loguniform, randint } from './distributions';
import type { BestParams, ParamGridFor } from './typedParamGrid';

interface RidgeParams {
  alpha?: number;
  solver?: 'auto' | 'svd' | 'cholesky';
  fitIntercept?: boolean;
}
interface Ridge extends Required<RidgeParams> {}
class Ridge extends BaseEstimator<RidgeParams> {
  static override defaults = { alpha: 1, solver: 'auto', fitIntercept: true };
  fit(): this {
    return this;
  }
  predict(X: number[][]): number[] {
    return X.map(() => this.alpha);
  }
}
/** An estimator of the protocol that the compiler knows nothing of: any key. */
declare const plain: {
  getParams(deep?: boolean): Params;
  setParams(params: Params): unknown;
  fit(X: unknown, y?: unknown): unknown;
};
/** A BaseEstimator subclass with untyped params (`Params`): any key. */
class Loose extends BaseEstimator {
  fit(): this {
    return this;
  }
}

const ridge = new Ridge();
export const ownKeys = [
  new GridSearchCV({ estimator: ridge, paramGrid: { alpha: [0.1, 1], solver: ['svd'] } }),
  new GridSearchCV({ estimator: ridge, paramGrid: [{ alpha: [1] }, { fitIntercept: [false] }] }),
  new GridSearchCV({ estimator: ridge, paramGrid: { alpha: new Float64Array([0.1, 1]) } }),
  // @ts-expect-error `alpah` is not a Ridge param
  new GridSearchCV({ estimator: ridge, paramGrid: { alpah: [1] } }),
  // @ts-expect-error `alpha` is a number
  new GridSearchCV({ estimator: ridge, paramGrid: { alpha: ['1'] } }),
  // @ts-expect-error `solver` is one of three strings
  new GridSearchCV({ estimator: ridge, paramGrid: { solver: ['lsqr'] } }),
  // @ts-expect-error a single value must be wrapped in a list, as in scikit-learn
  new GridSearchCV({ estimator: ridge, paramGrid: { alpha: 1 } }),
  new RandomizedSearchCV({ estimator: ridge, paramDistributions: { alpha: loguniform(1e-3, 1) } }),
  // @ts-expect-error `randint` draws numbers, `fitIntercept` is a boolean
  new RandomizedSearchCV({ estimator: ridge, paramDistributions: { fitIntercept: randint(0, 2) } }),
];

export const unknownParams = [
  new GridSearchCV({ estimator: plain, paramGrid: { anything: [1], at__all: ['x'] } }),
  new GridSearchCV({ estimator: new Loose(), paramGrid: { whatever: [1] } }),
  new GridSearchCV({ paramGrid: { noEstimatorYet: [1] } }),
];

// a search nested in a search: its own params, and `estimator__*` typed through it
const inner = new GridSearchCV({ estimator: ridge, paramGrid: { alpha: [1, 2] } });
export const nested = [
  new GridSearchCV({
    estimator: inner,
    paramGrid: { cv: [3, 5], estimator__alpha: [0.5], estimator__solver: ['svd'] },
  }),
  // @ts-expect-error `estimator__alpah` is not a Ridge param
  new GridSearchCV({ estimator: inner, paramGrid: { estimator__alpah: [1] } }),
  // @ts-expect-error `estimator__alpha` is a number
  new GridSearchCV({ estimator: inner, paramGrid: { estimator__alpha: [true] } }),
  new GridSearchCV({
    estimator: new GridSearchCV({ estimator: plain }),
    paramGrid: { estimator__x: [1] },
  }),
];

export async function predictTypes(gs: GridSearchCV<Ridge>, X: number[][]): Promise<void> {
  const yPred: number[] = await gs.predict(X);
  // @ts-expect-error Ridge predicts numbers
  const labels: string[] = await gs.predict(X);
  const anything: unknown = await new GridSearchCV({ estimator: plain }).predict(X);
  void [yPred, labels, anything];
}

export function bestParamsTypes(gs: GridSearchCV<Ridge>): void {
  const alpha: number | undefined = gs.bestParams_?.alpha;
  // @ts-expect-error `alpha` is a number
  const wrong: string | undefined = gs.bestParams_?.alpha;
  const best: Ridge | undefined = gs.bestEstimator_;
  const p: BestParams<Ridge> = { solver: 'svd' };
  const grid: ParamGridFor<Ridge> = { alpha: [1] };
  const keys: (keyof NestedParams<GridSearchCV<Ridge>>)[] = ['estimator__alpha', 'paramGrid'];
  void [alpha, wrong, best, p, grid, keys];
}

// a typed search is still a GridSearchCV, a BaseEstimator and an estimator of the protocol
export const widened: [GridSearchCV, BaseEstimator, RandomizedSearchCV] = [
  new GridSearchCV({ estimator: ridge, paramGrid: { alpha: [1] } }),
  new GridSearchCV({ estimator: inner }),
  new RandomizedSearchCV({ estimator: ridge, paramDistributions: { alpha: [1, 2] } }),
];
