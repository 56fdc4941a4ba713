// A model taken apart as a chain of Dense layers, for the forward pass outside tfjs's graph.
import * as tf from '@tensorflow/tfjs';
import { LEAN_ACTIVATIONS, type LeanActivation } from '../training/activations';

/** One Dense layer of a chain: its weights (variables of the model) and activation. */
export interface DenseLink {
  kernel: tf.Variable;
  bias: tf.Variable | null;
  activation: LeanActivation;
}

interface LayerInternals {
  getClassName(): string;
  kernel?: { read(): tf.Variable } | null;
  bias?: { read(): tf.Variable } | null;
  activation?: { getClassName(): string } | null;
  inboundNodes: { inboundLayers: unknown[] }[];
}

/**
 * The Dense layers of `model` in order, when the model is exactly a chain of them: one rank-2
 * float32 input, one output, every layer after the input a Dense layer fed by the one before,
 * with a float32 rank-2 kernel and a linear/relu/sigmoid/tanh/elu/softmax activation. Weight
 * regularizers and constraints do not change the forward pass, so they are allowed.
 *
 * @param model - a built LayersModel (or Sequential)
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
  const links: DenseLink[] = [];
  let previous: unknown = null;
  for (const raw of inner.layers) {
    const layer = raw as unknown as LayerInternals;
    const name = layer.getClassName();
    if (name === 'InputLayer' && previous === null) {
      previous = raw;
      continue;
    }
    if (name !== 'Dense') return null;
    const inbound = layer.inboundNodes;
    // private fields of tfjs-layers 4.22: another version without them predicts through tfjs
    if (!Array.isArray(inbound) || inbound.length !== 1) return null;
    if (!Array.isArray(inbound[0]!.inboundLayers) || inbound[0]!.inboundLayers.length !== 1) {
      return null;
    }
    if (previous !== null && inbound[0]!.inboundLayers[0] !== previous) return null;
    const activation = layer.activation?.getClassName() ?? 'linear';
    if (!(LEAN_ACTIVATIONS as readonly string[]).includes(activation)) return null;
    const kernel = layer.kernel?.read();
    const bias = layer.bias?.read() ?? null;
    if (!kernel || kernel.dtype !== 'float32' || kernel.shape.length !== 2) return null;
    if (bias !== null && (bias.dtype !== 'float32' || bias.size !== kernel.shape[1])) return null;
    if (links.length > 0 && links[links.length - 1]!.kernel.shape[1] !== kernel.shape[0]) {
      return null;
    }
    links.push({ kernel, bias, activation: activation as LeanActivation });
    previous = raw;
  }
  const outputLayers = (inner as unknown as { outputLayers?: unknown[] }).outputLayers;
  if (links.length === 0 || outputLayers?.[0] !== previous) return null;
  if (links[0]!.kernel.shape[0] !== input.shape[1]) return null;
  return links;
}
