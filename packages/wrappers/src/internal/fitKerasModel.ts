// scikeras's scikeras/wrappers.py _fit_keras_model (MIT): one tfjs training run.
import * as tf from '@tensorflow/tfjs';
import { warn, type Params } from '@scikeras/estimator-core';
import type { Trainer } from '@scikeras/tfjs-trainer';
import { isCallbackInstance, type CallbackSpec } from './buildCallbacks';
import { guardCallbacks } from './guardedCallbacks';
import { targetTensors, toTensors, type KerasData } from './tensorData';
import { verboseLogger } from './verboseLogger';
import { withRandomState } from './withRandomState';

/** One training run, as {@link fitKerasModel} takes it. */
export interface KerasFitRun {
  /** Model input (one matrix or one per input), from `preProcessX`. */
  x: KerasData;
  /** Targets (one matrix or one per output), from `preProcessY`. */
  y: KerasData;
  /** Rows in `x`. */
  n: number;
  /** A fixed hold-out, already pre-processed. */
  validation: [KerasData, KerasData] | null;
  sampleWeight: number[] | null;
  epochs: number;
  initialEpoch: number;
  /** The tfjs `fit` arguments (batchSize, verbose, shuffle, validationSplit, ...), validated. */
  fitArgs: Params;
  callbacks: CallbackSpec[];
  /** The integer seed of this fit (`resolveSeed(randomState)`, drawn once per fit), or null. */
  randomState: number | null;
  /** What trains the model (the `trainer` param, resolved). */
  trainer: Trainer;
}

function asCallbacks(specs: CallbackSpec[]): (tf.Callback | tf.CustomCallback)[] {
  return specs.map((cb) =>
    isCallbackInstance(cb) ? cb : new tf.CustomCallback(cb as tf.CustomCallbackArgs),
  );
}

/**
 * Trains a compiled model for `epochs` epochs after `initialEpoch` with the fit's trainer
 * (`trainer.fit(model, x, y, { ...fitArgs, sampleWeight, onWarning })`: by default
 * @scikeras/tfjs-trainer's lean loop for a Dense chain on cpu/wasm, `model.fit` otherwise),
 * under `randomState`. The trainer's warnings become `RuntimeWarning`s. Every tensor it makes
 * is freed, whatever happens.
 *
 * @param model - the compiled model (trained in place)
 * @param run - data, options and callbacks
 * @returns tfjs's History
 * @example
 * ```ts
 * const history = await fitKerasModel(model, { x, y, n, validation: null, sampleWeight: null, epochs: 2, initialEpoch: 0, fitArgs: {}, callbacks: [], randomState: 0, trainer: fastTrainer });
 * ```
 */
export async function fitKerasModel(model: tf.LayersModel, run: KerasFitRun): Promise<tf.History> {
  const fitArgs: Params = { ...run.fitArgs };
  if (fitArgs.batchSize === -1) fitArgs.batchSize = run.n;
  if (fitArgs.batchSize === null || fitArgs.batchSize === undefined) delete fitArgs.batchSize;
  // checked in planning (internal/unsupportedFitKwargs): null, or the batch size itself
  delete fitArgs.validationBatchSize;
  delete fitArgs.validationFreq;
  delete fitArgs.validationData;
  const verbose = Number(fitArgs.verbose ?? 0);
  const batchSize = (fitArgs.batchSize as number | undefined) ?? 32;
  const callbacks = asCallbacks(run.callbacks);
  const epochs = run.initialEpoch + run.epochs;
  if (verbose > 0) {
    const split = Number(fitArgs.validationSplit ?? 0);
    const nTrain = split > 0 && split < 1 ? Math.floor(run.n * (1 - split)) : run.n;
    callbacks.push(verboseLogger(verbose, epochs, Math.ceil(nTrain / batchSize)));
  }
  const guarded = guardCallbacks(callbacks);
  const history = await runTraining(model, run, fitArgs, guarded.callbacks, epochs);
  if (guarded.failure.failed) throw guarded.failure.error;
  return history;
}

async function runTraining(
  model: tf.LayersModel,
  run: KerasFitRun,
  fitArgs: Params,
  callbacks: tf.Callback[],
  epochs: number,
): Promise<tf.History> {
  const owned: tf.Tensor[] = [];
  try {
    const x = toTensors(run.x, model.inputs.length, owned, 'input');
    const y = targetTensors(model, run.y, owned);
    const validationData = run.validation
      ? ([
          toTensors(run.validation[0], model.inputs.length, owned, 'input'),
          targetTensors(model, run.validation[1], owned),
        ] as [tf.Tensor | tf.Tensor[], tf.Tensor | tf.Tensor[]])
      : undefined;
    return await withRandomState(run.randomState, () =>
      run.trainer.fit(model, x, y, {
        ...(fitArgs as tf.ModelFitArgs),
        ...(validationData ? { validationData } : {}),
        epochs,
        initialEpoch: run.initialEpoch,
        verbose: 0,
        callbacks,
        sampleWeight: run.sampleWeight,
        onWarning: (message) => warn(message, 'RuntimeWarning'),
      }),
    );
  } finally {
    tf.dispose(owned);
  }
}
