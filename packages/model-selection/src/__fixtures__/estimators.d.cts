// Types of estimators.cjs for the TypeScript tests.
import { BaseEstimator, ValueError } from '@scikeras/estimator-core';

export declare class ThresholdClassifier extends BaseEstimator<{
  feature?: number;
  offset?: number;
}> {
  feature: number;
  offset: number;
  classes_?: unknown[];
  threshold_?: number;
  nFeaturesIn_?: number;
  get estimatorType(): 'classifier';
  fit(X: unknown, y: unknown): this;
  predict(X: unknown): unknown[];
  predictProba(X: unknown): number[][];
  score(X: unknown, y: unknown): number;
}
export declare class Ridge1D extends BaseEstimator<{ alpha?: number; feature?: number }> {
  alpha: number;
  feature: number;
  coef_?: number;
  intercept_?: number;
  get estimatorType(): 'regressor';
  fit(X: unknown, y: unknown): Promise<this>;
  predict(X: unknown): Promise<number[]>;
  score(X: unknown, y: unknown): Promise<number>;
}
export declare class BusyEstimator extends BaseEstimator<{ work?: number; c?: number }> {
  get estimatorType(): 'regressor';
  fit(X: unknown, y?: unknown): this;
  predict(X: unknown): number[];
  score(): number;
}
export declare class GcProbeEstimator extends BaseEstimator<{ c?: number }> {
  collected_?: number;
  get estimatorType(): 'regressor';
  fit(X: unknown, y?: unknown): this;
  predict(X: unknown): number[];
  score(): number;
}
export declare class ThreadIdEstimator extends BaseEstimator<{ ms?: number; c?: number }> {
  threadId_?: number;
  get estimatorType(): 'regressor';
  fit(X: unknown, y?: unknown): this;
  predict(X: unknown): number[];
  score(): number;
}
export declare class FailingClassifier extends ThresholdClassifier {
  constructor(params?: { fail?: boolean; feature?: number; offset?: number });
}
export declare class FunctionParamClassifier extends ThresholdClassifier {
  constructor(params?: { transform?: (v: number) => number; feature?: number; offset?: number });
}
export declare class CentroidClassifier extends BaseEstimator<{ shrink?: number }> {
  classes_?: unknown[];
  get estimatorType(): 'classifier';
  fit(X: unknown, y: unknown): this;
  predict(X: unknown): unknown[];
  predictProba(X: unknown): number[][];
  score(X: unknown, y: unknown): number;
}
export declare class StepClassifier extends BaseEstimator<{
  step?: BaseEstimator | 'passthrough';
}> {
  step: BaseEstimator | 'passthrough';
  classes_?: unknown[];
  get estimatorType(): 'classifier';
  fit(X: unknown, y: unknown): this;
  predict(X: unknown): unknown[];
  score(X: unknown, y: unknown): number;
}
export declare function identity(v: number): number;
export declare function negate(v: number): number;
export declare class TransformClassifier extends ThresholdClassifier {
  constructor(params?: { transform?: (v: number) => number; feature?: number; offset?: number });
}
export declare class CustomValueError extends ValueError {}
export declare class MisbehavingEstimator extends BaseEstimator<{
  how?: string;
  code?: number;
  ms?: number;
  minRows?: number;
}> {
  threadId_?: number;
  get estimatorType(): 'regressor';
  fit(X: unknown, y?: unknown): this | Promise<this>;
  predict(X: unknown): number[];
  score(): number;
}
