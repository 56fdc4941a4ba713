// The plain trainer: tfjs's own LayersModel.fit, with per-row sample weights.
import type * as tf from '@tensorflow/tfjs';
import { injectSampleWeights } from './injectSampleWeights';
import type { Trainer, TrainerFitArgs } from './Trainer';

/**
 * Trains through tfjs's `model.fit`, on whatever kernels are registered (the stock ones unless
 * {@link installFastKernels} holds the fast ones). `sampleWeight` is fed to tfjs's per-sample
 * loss weighting (its `classWeight` path), for the training rows only.
 *
 * @example
 * ```ts
 * const history = await modelFitTrainer.fit(model, x, y, { epochs: 5, batchSize: 32, verbose: 0 });
 * ```
 */
export const modelFitTrainer: Trainer = {
  name: 'modelFit',
  async fit(
    model: tf.LayersModel,
    x: tf.Tensor | tf.Tensor[],
    y: tf.Tensor | tf.Tensor[],
    args: TrainerFitArgs = {},
  ): Promise<tf.History> {
    const { sampleWeight, onWarning, ...fitArgs } = args;
    void onWarning;
    const restore: (() => void)[] = [];
    if (sampleWeight) injectSampleWeights(model, sampleWeight, restore);
    try {
      return await model.fit(x, y, fitArgs);
    } finally {
      for (const undo of restore) undo();
    }
  },
};
