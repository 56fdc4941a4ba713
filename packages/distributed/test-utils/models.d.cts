// Types of models.cjs for the TypeScript tests.
import type { LayersModel } from '@tensorflow/tfjs';
import { BaseEstimator } from '@scikeras/estimator-core';

export declare function mlp(ctx: {
  nFeaturesIn_: number;
  nClasses_: number;
  hidden?: number;
}): LayersModel;
export declare class SlowRegressor extends BaseEstimator<{
  ms?: number;
  shrink?: number;
  slope?: number;
  fail?: boolean;
}> {
  get estimatorType(): 'regressor';
  fit(X: unknown, y: unknown): Promise<this>;
  predict(X: unknown): number[];
  score(X: unknown, y: unknown): number;
}
export declare class Standardize extends BaseEstimator {
  get estimatorType(): 'transformer';
  fit(X: unknown): this;
  transform(X: unknown): number[][];
}
export declare class ProtoProbe extends BaseEstimator {
  get estimatorType(): 'regressor';
  fit(X: unknown, y: unknown, options?: { meta?: unknown }): this;
  score(): number;
}
