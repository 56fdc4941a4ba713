// A model taken apart as a chain of Dense layers, for the forward pass outside tfjs's graph.
import * as tf from '@tensorflow/tfjs';
import { walkDenseChain, type DenseLink } from '../training/walkDenseChain';

export type { DenseLink } from '../training/walkDenseChain';

/**
 * The Dense layers of `model` in order, when the model is exactly a chain of them: one rank-2
 * float32 input, one output, every layer after the input a Dense layer fed by the one before,
 * with a float32 rank-2 kernel (and bias), widths that follow each other, and a
 * linear/relu/sigmoid/tanh/elu/softmax activation (what the lean training loop trains). Weight
 * regularizers and constraints do not change the forward pass, so they are allowed.
 *
 * @param model - a LayersModel (or Sequential; one not built yet is built, as `predict` would)
 * @returns the layers, or null for any other model (or an object that is not a LayersModel)
 * @example
 * ```ts
 * const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], activation: 'softmax' })] });
 * denseChainOf(m)?.map((l) => l.activation); // ['softmax']
 * ```
 */
export function denseChainOf(model: tf.LayersModel): DenseLink[] | null {
  // a LayersModel of this tfjs (not an object shaped like one, e.g. a decoder made of layers)
  if (!(model instanceof tf.LayersModel)) return null;
  let inner: tf.LayersModel | undefined = model;
  if (model instanceof tf.Sequential) {
    const seq = model as unknown as { model?: tf.LayersModel; inputs?: unknown[] };
    // a Sequential makes its inner model on its first predict/compile: as predict does
    if (!seq.model && (seq.inputs?.length ?? 0) > 0) model.build();
    inner = seq.model;
  }
  if (!inner || inner.inputs.length !== 1 || inner.outputs.length !== 1) return null;
  const input = inner.inputs[0]!;
  if (input.shape.length !== 2 || input.dtype !== 'float32') return null;
  const links = walkDenseChain(inner);
  if (typeof links === 'string') return null;
  let width = input.shape[1];
  for (const { kernel, bias } of links) {
    const [k, units] = kernel.shape as [number, number];
    if (k !== width) return null;
    if (bias !== null && (bias.dtype !== 'float32' || bias.size !== units)) return null;
    width = units;
  }
  return links;
}
