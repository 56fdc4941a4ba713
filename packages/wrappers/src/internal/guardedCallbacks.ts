// Callbacks that fail without leaking: tfjs-layers's fitLoop (Apache-2.0) keeps the batch logs'
// tensors and the epoch's index tensor alive across onBatchEnd / onEpochEnd, and leaks them
// when a callback throws there.
import * as tf from '@tensorflow/tfjs';

type Hook = 'onBatchBegin' | 'onBatchEnd' | 'onEpochEnd' | 'onTrainEnd';

/** The first error a guarded callback raised during a fit. */
export interface CallbackFailure {
  failed: boolean;
  error: unknown;
}

class GuardedCallback extends tf.Callback {
  constructor(
    private readonly inner: tf.Callback | tf.CustomCallback,
    private readonly failure: CallbackFailure,
  ) {
    super();
  }

  override setParams(params: tf.CustomCallbackArgs | Record<string, unknown>): void {
    this.inner.setParams(params as never);
  }

  override setModel(model: tf.LayersModel): void {
    super.setModel(model);
    (this.inner as tf.Callback).setModel(model);
  }

  // before any tensor of the epoch exists: failing here leaks nothing, so the error goes through
  override async onTrainBegin(logs?: tf.Logs): Promise<void> {
    await this.inner.onTrainBegin(logs);
  }

  override async onEpochBegin(epoch: number, logs?: tf.Logs): Promise<void> {
    await this.inner.onEpochBegin(epoch, logs);
  }

  override async onBatchBegin(batch: number, logs?: tf.Logs): Promise<void> {
    await this.guard('onBatchBegin', batch, logs);
  }

  override async onBatchEnd(batch: number, logs?: tf.Logs): Promise<void> {
    await this.guard('onBatchEnd', batch, logs);
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    await this.guard('onEpochEnd', epoch, logs);
  }

  override async onTrainEnd(logs?: tf.Logs): Promise<void> {
    await this.guard('onTrainEnd', logs);
  }

  private async guard(hook: Hook, ...args: unknown[]): Promise<void> {
    if (this.failure.failed) return;
    try {
      await (this.inner[hook] as (...a: unknown[]) => Promise<void>).apply(this.inner, args);
    } catch (e) {
      this.failure.failed = true;
      this.failure.error = e;
      this.model.stopTraining = true;
    }
  }
}

/**
 * Wraps fit callbacks so that an error in `onBatchBegin`, `onBatchEnd`, `onEpochEnd` or
 * `onTrainEnd` stops training at the end of the current batch (through `stopTraining`) instead
 * of unwinding tfjs's loop mid-batch, which would leak the tensors it holds then; the other
 * callbacks are not called after a failure. The caller rethrows `failure.error` once `fit`
 * returns. Errors in `onTrainBegin` and `onEpochBegin` go through at once (nothing leaks there).
 *
 * @param callbacks - the fit's callbacks
 * @returns the wrapped callbacks and the failure record
 * @example
 * ```ts
 * const { callbacks: guarded, failure } = guardCallbacks(callbacks);
 * const history = await model.fit(x, y, { callbacks: guarded });
 * if (failure.failed) throw failure.error;
 * ```
 */
export function guardCallbacks(callbacks: readonly (tf.Callback | tf.CustomCallback)[]): {
  callbacks: tf.Callback[];
  failure: CallbackFailure;
} {
  const failure: CallbackFailure = { failed: false, error: undefined };
  return { callbacks: callbacks.map((cb) => new GuardedCallback(cb, failure)), failure };
}
