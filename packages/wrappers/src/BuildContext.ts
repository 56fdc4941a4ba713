// The argument of a model-building function: scikeras's build_fn keyword arguments, as one object.
import type * as tf from '@tensorflow/tfjs';
import type { ArrayND, Label, Params } from '@scikeras/estimator-core';
import type { ClassifierTargetType, TargetType } from '@scikeras/target-utils';
import type { CompileKwargs } from './compileKwargs';
import type { RandomSource } from './internal/withRandomState';

/** What every build context holds, whatever the wrapper's params (see {@link BuildContext}). */
export interface BuildContextBase {
  /** The validated training X (`{ data, shape }`; `X.shape[1]` is the number of features). */
  X: ArrayND;
  /** The validated training y (labels as given). */
  y: unknown;
  nFeaturesIn_: number;
  XShape_: number[];
  /** X's numpy dtype (`'float32'`, `'int32'`, `'float64'`, ...; see the wrappers README). */
  XDtype_: string;
  yDtype_: string;
  /** Number of target columns (1 for 1-D y). */
  nOutputs_: number;
  /** Number of model outputs the target encoder expects. */
  nOutputsExpected_: number;
  /**
   * Classifiers: the class count (`number`), or one per output (`number[]`, for
   * 'multilabel-indicator' and 'multiclass-multioutput' targets); absent for regressors.
   * Narrow it before use (`units: nClasses_ as number` where the target is single-output).
   */
  nClasses_?: number | number[];
  /** Classifiers: the labels (`Label[]`), or one array per output (`Label[][]`); absent for regressors. */
  classes_?: Label[] | Label[][];
  /**
   * `typeOfTarget` of y, as refined by the target encoder ('multiclass-onehot' for a one-hot y
   * given to a classifier).
   */
  targetType_: TargetType | ClassifierTargetType;
  /** Every fitted attribute (scikeras's `meta`). */
  meta: Params;
  /** What the wrapper compiles an uncompiled model with (the one optimizer of this fit). */
  compileKwargs: CompileKwargs;
  /** Every param (`getParams()`). */
  params: Params;
  /** The wrapper params, as the build function sees them (`model__x` overriding `x`). */
  epochs: number;
  batchSize: number | null;
  verbose: number;
  randomState: number | RandomSource | null;
  loss: unknown;
  optimizer: unknown;
  metrics: unknown;
}

/**
 * No declared params: the default of a wrapper's and a build context's `E` type argument
 * (only the wrapper's own params and routed keys are accepted).
 */
export type NoParams = Record<never, never>;

/**
 * Everything a model-building function receives (scikeras's build_fn arguments, as one object):
 * the fit data, the fitted metadata, every param (`model__x` overriding `x`), `meta`,
 * `compileKwargs` and `params`. The type argument declares the build function's own params
 * (`hidden` below): the wrapper's constructor then accepts them, and only them, besides its
 * own params and the routed `model__*`, `fit__*`, ... keys.
 *
 * @typeParam E - the build function's own params (none by default: a typo such as
 *   `new KerasClassifier({ model: build, epoch: 5 })` is a type error). `BuildContext<Params>`
 *   accepts any key (the escape hatch, e.g. for params chosen at run time).
 * @remarks The wrapper records which params the function reads from the context; after `fit`,
 * a param that nothing read gives one warning naming it (see the package README).
 * @example
 * ```ts
 * const build = ({ nFeaturesIn_, nClasses_, hidden }: BuildContext<{ hidden: number }>) => {
 *   const m = tf.sequential();
 *   m.add(tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }));
 *   m.add(tf.layers.dense({ units: nClasses_ as number, activation: 'softmax' }));
 *   return m;
 * };
 * new KerasClassifier({ model: build, hidden: 16 }); // ok; `hiden: 16` does not compile
 * ```
 * @see https://adriangb.com/scikeras/stable/advanced.html#model-building-function
 */
export type BuildContext<E extends object = NoParams> = BuildContextBase & E;

/** A model-building function: gets the {@link BuildContext}, returns a (compiled or not) model. */
export type BuildFn<E extends object = NoParams> = {
  /** Builds the model (bivariant in `ctx`, so build functions typed for a narrower context fit). */
  bivarianceHack(ctx: BuildContext<E>): tf.LayersModel | Promise<tf.LayersModel>;
}['bivarianceHack'];
