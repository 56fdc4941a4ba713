// After Keras's keras/models/cloning.py clone_model (Apache-2.0), for tfjs LayersModel.
import * as tf from '@tensorflow/tfjs';

/**
 * A copy of a prebuilt model: same topology (through its JSON config) and a copy of its
 * weights; when the original is compiled, the copy is compiled with the same loss and
 * metrics and a new optimizer of the same class and config. The original is not touched.
 *
 * @param model - the user's model
 * @returns the copy, owned by the caller
 * @example
 * ```ts
 * const copy = await cloneLayersModel(model);
 * copy !== model; // true
 * ```
 */
export async function cloneLayersModel(model: tf.LayersModel): Promise<tf.LayersModel> {
  const topology = model.toJSON(null, false) as tf.io.ModelJSON['modelTopology'];
  const copy = await tf.models.modelFromJSON({ modelTopology: topology } as tf.io.ModelJSON);
  const clones = model.getWeights().map((w) => w.clone());
  copy.setWeights(clones);
  // the variables now hold the values; the temporary handles go
  tf.dispose(clones);
  const m = model as unknown as { optimizer_?: tf.Optimizer; loss?: unknown; metrics?: unknown };
  if (m.optimizer_) {
    const Cls = m.optimizer_.constructor as any;
    const optimizer = Cls.fromConfig(Cls, m.optimizer_.getConfig()) as tf.Optimizer;
    copy.compile({ optimizer, loss: m.loss as any, metrics: m.metrics as any });
  }
  return copy;
}
