// scikeras's history_ (MIT): Keras's per-epoch logs, kept across partialFit calls.
import type * as tf from '@tensorflow/tfjs';
import { kerasMetricName } from '../compileKwargs';

/**
 * The history after a training run: a new object (the previous one is never changed, so a
 * failed fit can put it back), starting over when `initialEpoch` is 0, keys in Keras's
 * spelling (`'accuracy'`, `'val_loss'`).
 *
 * @param previous - `history_` before the run, if any
 * @param history - tfjs's `History.history` of the run
 * @param initialEpoch - the run's first epoch
 * @returns the new `history_` and `currentEpoch_`
 * @example
 * ```ts
 * appendHistory({ loss: [0.9] }, { loss: [0.8] }, 1); // { history_: { loss: [0.9, 0.8] }, currentEpoch_: 2 }
 * ```
 */
export function appendHistory(
  previous: Record<string, number[]> | undefined,
  history: Record<string, (number | tf.Tensor)[]>,
  initialEpoch: number,
): { history_: Record<string, number[]>; currentEpoch_: number } {
  const out: Record<string, number[]> = {};
  if (initialEpoch !== 0 && previous) {
    for (const [k, v] of Object.entries(previous)) out[k] = [...v];
  }
  for (const [key, values] of Object.entries(history)) {
    const arr = (out[kerasMetricName(key)] ??= []);
    for (const v of values) arr.push(typeof v === 'number' ? v : Number(v.dataSync()[0]));
  }
  return { history_: out, currentEpoch_: out.loss?.length ?? 0 };
}
