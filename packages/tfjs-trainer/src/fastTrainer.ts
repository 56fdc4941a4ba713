// The default trainer: the lean loop where it trains the model exactly, model.fit on the fast
// kernels elsewhere, stock model.fit when tfjs's internals are not the ones it was written for.
import * as tf from '@tensorflow/tfjs';
import { withFastKernels } from './kernels/installFastKernels';
import { missingInternal } from './missingInternal';
import { modelFitTrainer } from './modelFitTrainer';
import type { Trainer, TrainerFitArgs } from './Trainer';
import { leanFit, type LeanFitArgs } from './training/leanFit';
import { planLeanFit, type LeanFitPlan } from './training/planLeanFit';

/** Warnings already given in this process (each is given once). */
const warned = new Set<string>();

function warnOnce(message: string, onWarning: (message: string) => void): void {
  if (warned.has(message)) return;
  warned.add(message);
  onWarning(message);
}

/** The warning when {@link missingInternal} finds a field missing. */
function failoverMessage(missing: string): string {
  return (
    `@scikeras/tfjs-trainer: ${missing} is not what the fast trainer reads in TensorFlow.js ` +
    `${tf.version.tfjs} (it was written for 4.22). The fast path (lean fit loop and fast ` +
    'kernels) is off: models train through model.fit.'
  );
}

/** `model.fit`'s callbacks argument as a list of callback objects. */
function callbackList(
  callbacks: tf.ModelFitArgs['callbacks'],
): (tf.Callback | tf.CustomCallback)[] {
  const list = callbacks == null ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
  return list.map((c) =>
    typeof (c as tf.Callback).setParams === 'function'
      ? (c as tf.Callback)
      : new tf.CustomCallback(c as tf.CustomCallbackArgs),
  );
}

/** The lean plan for this call, or why `model.fit` trains instead. */
function leanPlan(
  model: tf.LayersModel,
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor | tf.Tensor[],
  args: Omit<tf.ModelFitArgs, 'sampleWeight'>,
): LeanFitPlan | string {
  const validation = args.validationData;
  const single =
    x instanceof tf.Tensor &&
    y instanceof tf.Tensor &&
    x.dtype === 'float32' &&
    (!validation || (validation[0] instanceof tf.Tensor && validation[1] instanceof tf.Tensor));
  if (!single) return 'several inputs or outputs, or non-float32 inputs';
  if (validation && validation.length > 2) return 'validation sample weights';
  return planLeanFit(model, args as Parameters<typeof planLeanFit>[1]);
}

/** {@link leanFit}'s arguments from `model.fit`'s. */
function leanArgs(
  args: Omit<tf.ModelFitArgs, 'sampleWeight'>,
  sampleWeight: readonly number[] | null,
): LeanFitArgs {
  return {
    ...(args.batchSize !== undefined ? { batchSize: args.batchSize } : {}),
    ...(args.epochs !== undefined ? { epochs: args.epochs } : {}),
    ...(args.initialEpoch !== undefined ? { initialEpoch: args.initialEpoch } : {}),
    ...(args.shuffle !== undefined ? { shuffle: args.shuffle } : {}),
    ...(args.validationSplit !== undefined ? { validationSplit: args.validationSplit } : {}),
    ...(args.validationData
      ? { validationData: args.validationData as unknown as [tf.Tensor, tf.Tensor] }
      : {}),
    callbacks: callbackList(args.callbacks),
    sampleWeight,
  };
}

/**
 * The fast trainer (the default of the wrappers' `trainer` param). Per fit:
 *
 * 1. {@link missingInternal} checks every tfjs internal it reads; if one is missing (another
 *    tfjs version), stock `model.fit` trains and `onWarning` says which field, once per process;
 * 2. a model {@link planLeanFit} accepts (a chain of Dense layers on cpu or wasm, with a loss
 *    given by name, ...) trains through {@link leanFit}: `model.fit`'s semantics, one kernel per
 *    step, the fast matMul products called directly (nothing in tfjs's kernel registry changes);
 * 3. any other model trains through `model.fit` with the fast matMul kernels installed for that
 *    fit only ({@link withFastKernels}).
 *
 * Results equal `model.fit`'s to float32 rounding in every case.
 *
 * @example
 * ```ts
 * const history = await fastTrainer.fit(model, x, y, { epochs: 5, batchSize: 64, verbose: 0 });
 * ```
 */
export const fastTrainer: Trainer = {
  name: 'fast',
  async fit(
    model: tf.LayersModel,
    x: tf.Tensor | tf.Tensor[],
    y: tf.Tensor | tf.Tensor[],
    args: TrainerFitArgs = {},
  ): Promise<tf.History> {
    const { sampleWeight = null, onWarning = console.warn, ...fitArgs } = args;
    const backendName = tf.getBackend();
    const missing = missingInternal(model, backendName);
    if (missing !== null) {
      warnOnce(failoverMessage(missing), onWarning);
      return modelFitTrainer.fit(model, x, y, { ...fitArgs, sampleWeight });
    }
    const plan = leanPlan(model, x, y, fitArgs);
    if (typeof plan !== 'string') {
      return leanFit(plan, x as tf.Tensor, y as tf.Tensor, leanArgs(fitArgs, sampleWeight));
    }
    return withFastKernels(() => modelFitTrainer.fit(model, x, y, { ...fitArgs, sampleWeight }), {
      backends: [backendName],
    });
  },
};
