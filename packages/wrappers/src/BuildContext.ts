// The argument of a model-building function: scikeras's build_fn keyword arguments, as one object.
import type * as tf from '@tensorflow/tfjs';
import type { Array2D, Params } from '@scikeras/estimator-core';
import type { CompileKwargs } from './compileKwargs';

/**
 * Everything a model-building function receives (scikeras's build_fn arguments, as one object):
 * the fit data, the fitted metadata, every param (`model__x` overriding `x`), `meta`,
 * `compileKwargs` and `params`.
 *
 * @example
 * ```ts
 * const build = ({ nFeaturesIn_, nClasses_, hidden }: BuildContext) => {
 *   const m = tf.sequential();
 *   m.add(tf.layers.dense({ units: Number(hidden), activation: 'relu', inputShape: [nFeaturesIn_] }));
 *   m.add(tf.layers.dense({ units: nClasses_, activation: 'softmax' }));
 *   return m;
 * };
 * ```
 * @see https://adriangb.com/scikeras/stable/advanced.html#model-building-function
 */
export interface BuildContext extends Params {
  /** The validated training X (`{ data, shape }`; `X.shape[1]` is the number of features). */
  X: Array2D;
  /** The validated training y (labels as given). */
  y: unknown;
  nFeaturesIn_: number;
  XShape_: number[];
  XDtype_: string;
  yDtype_: string;
  /** Number of target columns (1 for 1-D y). */
  nOutputs_: number;
  /** Number of model outputs the target encoder expects. */
  nOutputsExpected_: number;
  /** Classifiers: the class count (`number`), or one per output (`number[]`); absent for regressors. */
  nClasses_: any;
  /** Classifiers: the labels (`Label[]`), or one array per output (`Label[][]`); absent for regressors. */
  classes_: any;
  /** `typeOfTarget` of y, as refined by the target encoder. */
  targetType_: string;
  /** Every fitted attribute (scikeras's `meta`). */
  meta: Params;
  /** What the wrapper would compile an uncompiled model with (a fresh optimizer). */
  compileKwargs: CompileKwargs;
  /** Every param (`getParams()`). */
  params: Params;
}

/** A model-building function: gets the {@link BuildContext}, returns a (compiled or not) model. */
export type BuildFn = {
  /** Builds the model (bivariant in `ctx`, so build functions typed for a narrower context fit). */
  bivarianceHack(ctx: BuildContext): tf.LayersModel | Promise<tf.LayersModel>;
}['bivarianceHack'];
