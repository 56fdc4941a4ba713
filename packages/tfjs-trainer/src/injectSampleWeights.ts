// Per-sample loss weights for tfjs's LayersModel.fit, through its class-weight path.
import * as tf from '@tensorflow/tfjs';

/**
 * tfjs's `fit` has no `sampleWeight` (it throws "not supported yet") but its training loop
 * multiplies each output's per-sample loss by weights it derives from `classWeight`. Feed it
 * ours instead, for the training data only (validation gets none, as in Keras): the loss of
 * sample i becomes `loss_i * w_i`, averaged over the batch (Keras's weighted loss).
 *
 * @param model - the model about to be fitted
 * @param sampleWeight - one weight per training row
 * @param restore - receives the undo function (call it after `fit`)
 * @example
 * ```ts
 * const restore: (() => void)[] = [];
 * injectSampleWeights(model, [1, 2, 1], restore);
 * try { await model.fit(x, y); } finally { restore.forEach((r) => r()); }
 * ```
 */
export function injectSampleWeights(
  model: tf.LayersModel,
  sampleWeight: readonly number[],
  restore: (() => void)[],
): void {
  // a Sequential trains through its inner functional model
  const inner = (model as unknown as { model?: tf.LayersModel }).model;
  const target = model instanceof tf.Sequential && inner ? inner : model;
  const m = target as unknown as {
    standardizeUserData: (
      ...a: unknown[]
    ) => Promise<[tf.Tensor[], tf.Tensor[], tf.Tensor[] | null]>;
    standardizeUserDataXY: (...a: unknown[]) => [tf.Tensor[], tf.Tensor[]];
  };
  const original = m.standardizeUserData;
  const own = Object.hasOwn(m, 'standardizeUserData');
  let pending = true;
  m.standardizeUserData = async function (this: unknown, ...a: unknown[]) {
    if (!pending) return original.apply(this, a);
    pending = false;
    const [xs, ys] = m.standardizeUserDataXY.call(this, a[0], a[1], a[4], a[5]);
    const weights = ys.map(() => tf.tensor1d([...sampleWeight], 'float32'));
    return [xs, ys, weights];
  };
  restore.push(() => {
    if (own) m.standardizeUserData = original;
    else delete (m as { standardizeUserData?: unknown }).standardizeUserData;
  });
}
