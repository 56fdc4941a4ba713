// What the fit machinery needs from a wrapper: its overridable hooks, bound to it.
import type * as tf from '@tensorflow/tfjs';
import type { ArrayND, CheckedY, ParameterConstraints, Params } from '@scikeras/estimator-core';
import type { BuildContext } from '../BuildContext';
import type { Transformer } from '../IdentityTransformer';
import type { CallbackSpec } from './buildCallbacks';
import type { KerasData } from './tensorData';

/**
 * A wrapper's hooks and class-level settings, bound to one instance, for the planner and the
 * runner of a fit (internal/FitPlanner.ts, internal/runFit.ts). Subclasses override the hooks
 * on the class (`preProcessX`, `fitSampleWeight`, ...); this is how the fit reaches them.
 */
export interface BoundHooks {
  /** The class's merged `parameterConstraints`. */
  constraints: ParameterConstraints;
  /** The unprefixed names forwarded to tfjs `fit`. */
  fitKwargs: ReadonlySet<string>;
  /** y must be numeric (regressors). */
  yNumeric: boolean;
  targetEncoder(): Transformer;
  featureEncoder(): Transformer;
  fitSampleWeight(y: CheckedY, sampleWeight: number[] | null): number[] | null;
  checkTargetMetadata(meta: Params, hasY: boolean): void;
  createCallbacks(params: Params): CallbackSpec[];
  /** The subclass's `buildModel`, or null when it does not override it. */
  buildModel: ((ctx: BuildContext<any>) => unknown) | null;
  beforeInitialize(): void;
  /** The loss `loss: 'auto'` picks (see `WrapperHooks.autoLoss`). */
  autoLoss(model: tf.LayersModel | null, meta: Params): string | null;
  getMetadata(): Params;
  preProcessX(X: ArrayND): [KerasData, Params];
  preProcessY(y: CheckedY): [KerasData, Params];
}
