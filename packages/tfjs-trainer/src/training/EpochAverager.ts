// tfjs-layers' BaseLogger (base_callbacks.ts, Apache-2.0) for logs that hold plain numbers.
import * as tf from '@tensorflow/tfjs';

/**
 * Averages each batch log over the epoch, weighted by batch size, and writes the averages into
 * the epoch logs for the metrics named in `params.metrics`: what tfjs's (unexported) BaseLogger
 * does first in every `model.fit` callback list, for the number-valued logs of the lean
 * training loop.
 *
 * @example
 * ```ts
 * const list = new tf.CallbackList([new EpochAverager(), ...callbacks, history]);
 * ```
 */
export class EpochAverager extends tf.Callback {
  #seen = 0;
  #totals: Record<string, number> = {};

  override async onEpochBegin(): Promise<void> {
    this.#seen = 0;
    this.#totals = {};
  }

  override async onBatchEnd(_batch: number, logs?: tf.Logs): Promise<void> {
    if (!logs) return;
    const size = logs['size'] ?? 0;
    this.#seen += size;
    for (const [key, value] of Object.entries(logs)) {
      this.#totals[key] = (this.#totals[key] ?? 0) + value * size;
    }
  }

  override async onEpochEnd(_epoch: number, logs?: tf.Logs): Promise<void> {
    if (!logs) return;
    for (const key of (this.params['metrics'] as string[] | undefined) ?? []) {
      const total = this.#totals[key];
      if (total !== undefined) logs[key] = total / this.#seen;
    }
  }
}
