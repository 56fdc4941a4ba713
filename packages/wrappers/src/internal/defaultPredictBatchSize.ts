// The predict batch size when none is given: Keras's 32, or a larger one where it gives the same output.
import * as tf from '@tensorflow/tfjs';

/** Rows per batch for a Dense chain on cpu/wasm when no batch size is given. */
export const DENSE_PREDICT_BATCH = 1024;

const ROW_WISE = new Set(['Dense', 'InputLayer']);

/**
 * The predict batch size when neither the call, `predict__batchSize` nor `batchSize` gives one:
 * Keras's default 32, but {@link DENSE_PREDICT_BATCH} for a model made only of Dense layers on
 * the cpu or wasm backend. There each row's output is computed by the same sums in the same
 * order whatever the batch (the products accumulate each row on its own), so the output is the
 * same bit for bit as with 32 (tests check it), and the per-batch overhead is paid 32 times less
 * often (at 1M rows, batches of 32 take about 2-3x the time of batches of 1024).
 *
 * @param model - the fitted model
 * @returns 32, or {@link DENSE_PREDICT_BATCH}
 * @remarks scikeras passes `batch_size=None` to Keras's `predict`, which then uses 32; outputs do
 * not depend on it here, only the time does.
 * @example
 * ```ts
 * defaultPredictBatchSize(tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] })); // 1024 on cpu/wasm
 * ```
 */
export function defaultPredictBatchSize(model: tf.LayersModel): number {
  const backend = tf.getBackend();
  const dense =
    (backend === 'cpu' || backend === 'wasm') &&
    model.layers.length > 0 &&
    model.layers.every((l) => ROW_WISE.has(l.getClassName()));
  return dense ? DENSE_PREDICT_BATCH : 32;
}
