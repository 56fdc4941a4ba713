// scikeras's scikeras/wrappers.py _build_keras_model and _check_model_compatibility (MIT), for tfjs.
import * as tf from '@tensorflow/tfjs';
import { ValueError } from '@scikeras/estimator-core';
import type { BuildContext, BuildFn } from '../BuildContext';
import { AUTO_LOSS } from '../autoLoss';
import { LOSS_SOURCE, tfjsLossName, type CompileKwargs } from '../compileKwargs';
import { clearTopologicalSortCache } from './clearTopologicalSortCache';
import { cloneLayersModel } from './cloneLayersModel';
import { isLayersModel } from './isLayersModel';
import { withRandomState } from './withRandomState';

type ModelOf = (ctx: BuildContext<any>) => tf.LayersModel | Promise<tf.LayersModel>;

/**
 * The function that makes this fit's model (scikeras's `_build_keras_model` dispatch): the
 * `model` param when it is a function, a copy of it when it is a `LayersModel`, or the
 * subclass's `buildModel` when `model` is null.
 *
 * @param model - the `model` param
 * @param buildModel - the subclass's `buildModel`, or null when not overridden
 * @param copy - copy a prebuilt model (the `copyModel` param); false uses it as it is
 * @returns the maker
 * @throws ValueError / TypeError with scikeras's messages for a missing or invalid `model`
 * @example
 * ```ts
 * const make = modelMaker(est.model, null);
 * ```
 */
export function modelMaker(model: unknown, buildModel: ModelOf | null, copy = true): ModelOf {
  if (model === null || model === undefined) {
    if (!buildModel) {
      throw new ValueError(
        'If not using the `model` param, you must implement `buildModel` in a subclass.',
      );
    }
    return buildModel;
  }
  if (isLayersModel(model)) return copy ? () => cloneLayersModel(model) : () => model;
  if (typeof model === 'function') {
    if (buildModel) {
      throw new ValueError(
        'This class cannot implement `buildModel` if using the `model` parameter.',
      );
    }
    return model as BuildFn<any>;
  }
  throw new TypeError(
    `\`model\` must be a function, a tf.LayersModel instance or null; got ${typeof model}.`,
  );
}

/** Whether a model has been compiled (it has an optimizer). */
export function isCompiled(model: tf.LayersModel): boolean {
  return !!(model as unknown as { optimizer_?: unknown }).optimizer_;
}

/**
 * Runs the maker under `randomState` and checks that it made a model.
 *
 * @param make - from {@link modelMaker}
 * @param ctx - the build context
 * @param randomState - the seed, or null
 * @returns the model (the caller owns it)
 * @throws TypeError "The model-building function must return a tf.LayersModel; got null."
 * @example
 * ```ts
 * const model = await makeModel(make, ctx, 0);
 * ```
 */
export async function makeModel(
  make: ModelOf,
  ctx: BuildContext<any>,
  randomState: number | null,
): Promise<tf.LayersModel> {
  const model = await withRandomState(randomState, () => make(ctx));
  if (!isLayersModel(model)) {
    throw new TypeError(
      `The model-building function must return a tf.LayersModel; got ${model === null ? 'null' : typeof model}.`,
    );
  }
  return model;
}

/**
 * The error of a model that would train without a loss (scikeras's "No valid loss function
 * found" message).
 *
 * @returns the ValueError to throw
 * @example
 * ```ts
 * throw noLossError();
 * ```
 */
export function noLossError(): ValueError {
  return new ValueError(
    'No valid loss function found. You must provide a loss or a compiled model.' +
      '\n\nTo resolve this issue, do one of the following:' +
      '\n 1. Provide a loss function via the loss parameter.' +
      '\n 2. Compile your model with a loss function inside the model-building function.' +
      '\n\nSee https://www.adriangb.com/scikeras/stable/advanced.html#compilation-of-model' +
      ' for more information on compiling SciKeras models.',
  );
}

/**
 * Compiles a model with the wrapper's compile arguments unless it is compiled already.
 *
 * @param model - a model the estimator owns
 * @param kw - the compile arguments (their optimizer is used, not copied)
 * @param requireLoss - false for `initialize`: with no loss the model stays uncompiled (it can
 *   predict; Keras compiles with `loss=None` and scikeras refuses only when training starts)
 * @returns whether `kw.optimizer` now belongs to the model
 * @throws ValueError scikeras's "No valid loss function found. ..." when there is no loss, and
 *   "You must provide an optimizer or a compiled model..." when the `optimizer` param is null
 * @example
 * ```ts
 * if (!compileModel(model, kw)) kw.optimizer.dispose();
 * ```
 */
export function compileModel(
  model: tf.LayersModel,
  kw: CompileKwargs,
  requireLoss = true,
): boolean {
  if (isCompiled(model))
    return (model as unknown as { optimizer_?: unknown }).optimizer_ === kw.optimizer;
  if (kw.loss === null || kw.loss === undefined) {
    if (!requireLoss) return false;
    throw noLossError();
  }
  if (!kw.optimizer) {
    throw new ValueError(
      'You must provide an optimizer or a compiled model: the `optimizer` param is null and' +
        ' the model is not compiled. Pass an optimizer (e.g. `optimizer: "adam"`) or compile the' +
        ' model in the model-building function.',
    );
  }
  const metrics = perOutputMetrics(model, kw.metrics);
  model.compile({ optimizer: kw.optimizer, loss: kw.loss as any, metrics: metrics as any });
  return true;
}

/**
 * Keras's list of per-output metric lists (`[[m1], [m2]]` for a 2-output model) as the record
 * by output name that tfjs's `compile` takes (tfjs applies a list to every output); anything
 * else as it is.
 *
 * @param model - the model to compile
 * @param metrics - the resolved `metrics`
 * @returns what `model.compile` gets
 * @example
 * ```ts
 * perOutputMetrics(twoOutputs, [['accuracy'], ['mse']]); // { out1: ['accuracy'], out2: ['mse'] }
 * ```
 */
export function perOutputMetrics(
  model: tf.LayersModel,
  metrics: CompileKwargs['metrics'],
): CompileKwargs['metrics'] {
  const n = model.outputs.length;
  if (!Array.isArray(metrics) || n < 2 || metrics.length !== n) return metrics;
  if (!metrics.every((m) => Array.isArray(m))) return metrics;
  return Object.fromEntries(model.outputNames.map((name, i) => [name, metrics[i]!]));
}

/**
 * Frees an optimizer and every tensor it holds: tfjs's `MomentumOptimizer.dispose` forgets its
 * learning-rate scalar, which leaks one tensor per momentum optimizer otherwise.
 *
 * @param optimizer - the optimizer
 * @param alreadyDisposed - its `dispose` ran already (a model that owns it did): free what it left
 * @example
 * ```ts
 * disposeOptimizer(tf.train.momentum(0.01, 0.9)); // frees both of its scalars
 * ```
 */
export function disposeOptimizer(optimizer: tf.Optimizer | null, alreadyDisposed = false): void {
  if (!optimizer) return;
  if (!alreadyDisposed) optimizer.dispose();
  for (const v of Object.values(optimizer)) {
    if (v instanceof tf.Tensor && !v.isDisposed) v.dispose();
  }
}

/**
 * Frees a model and the optimizer it was compiled with (tfjs frees neither by itself), and
 * empties tfjs-layers' topological-sort caches, which would keep the model's graph alive.
 *
 * @param model - the model
 * @example
 * ```ts
 * disposeModel(est.model_!);
 * ```
 */
export function disposeModel(model: tf.LayersModel): void {
  const m = model as unknown as { optimizer_?: tf.Optimizer; isOptimizerOwned?: boolean };
  const opt = m.optimizer_;
  const owned = m.isOptimizerOwned;
  try {
    model.dispose();
  } catch {
    // already disposed
  }
  if (opt) disposeOptimizer(opt, !!owned);
  clearTopologicalSortCache();
}

/** A single loss's canonical name (scikeras's `loss_name`), or null for lists, records, null. */
function lossKey(loss: unknown): string | null {
  if (typeof loss === 'string') {
    try {
      return tfjsLossName(loss);
    } catch {
      return loss;
    }
  }
  const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
  if (typeof loss === 'function') {
    const source = (loss as { [LOSS_SOURCE]?: { name: string } })[LOSS_SOURCE];
    return lower(source ? source.name : loss.name);
  }
  if (loss && typeof loss === 'object' && !Array.isArray(loss)) {
    const o = loss as { call?: unknown; name?: unknown };
    if (typeof o.call !== 'function') return null;
    return typeof o.name === 'string' ? o.name : lower(loss.constructor?.name ?? '');
  }
  return null;
}

function describeLoss(loss: unknown): string {
  return typeof loss === 'function' ? loss.name : String(loss);
}

/**
 * Checks that a model suits the target (scikeras's `_check_model_compatibility`): as many
 * outputs as the encoder expects, and, for a single loss (a name, function, class or loss
 * object), that the model was compiled with the `loss` param's unless that param is the class
 * default or `'auto'`.
 *
 * @param model - the compiled model
 * @param nOutputsExpected - from the target encoder
 * @param loss - the `loss` param (after `compile__loss`)
 * @param defaultLoss - the class's default `loss` (no check when `loss` equals it)
 * @throws ValueError with scikeras's messages
 * @example
 * ```ts
 * checkModelCompatibility(model, 1, 'mse');
 * ```
 */
export function checkModelCompatibility(
  model: tf.LayersModel,
  nOutputsExpected: number | undefined,
  loss: unknown,
  defaultLoss: unknown = null,
): void {
  if (nOutputsExpected && nOutputsExpected !== model.outputs.length) {
    throw new ValueError(
      `Detected a Keras model input of size ${nOutputsExpected}, but ${model.name} has ${model.outputs.length} outputs`,
    );
  }
  if (loss === AUTO_LOSS) return; // the wrapper picked the loss, or the user compiled the model
  const got = (model as unknown as { loss?: unknown }).loss;
  const given = lossKey(loss);
  const compiled = lossKey(got);
  if (given === null || compiled === null || loss === got) return;
  if (given !== lossKey(defaultLoss) && given !== compiled) {
    throw new ValueError(
      `loss=${describeLoss(loss)} but model compiled with ${describeLoss(got)}. Data may not match loss function!`,
    );
  }
}
