// The walk over a functional model's layers that finds a chain of Dense layers: shared by the
// lean training loop's plan and the Dense-chain prediction.
import type * as tf from '@tensorflow/tfjs';
import { LEAN_ACTIVATIONS, type LeanActivation } from './activations';

/** One Dense layer of a chain: the layer, its weights (variables of the model) and activation. */
export interface DenseLink {
  /** The tfjs layer (for what else a caller checks: regularizers, constraints). */
  layer: tf.layers.Layer;
  /** The kernel variable (inputs x units, float32). */
  kernel: tf.Variable;
  /** The bias variable (units), or null for a layer without bias. */
  bias: tf.Variable | null;
  /** The activation's tfjs class name. */
  activation: LeanActivation;
}

interface LayerInternals {
  getClassName(): string;
  kernel?: { read(): tf.Variable } | null;
  bias?: { read(): tf.Variable } | null;
  activation?: { getClassName(): string } | null;
  inboundNodes?: { inboundLayers?: unknown[] }[];
}

/**
 * The Dense layers of a functional model (a Sequential's inner model) in order, when its layers
 * are an optional InputLayer and then Dense layers each fed by the one before, the last one the
 * model's output, each with a linear/relu/sigmoid/tanh/elu/softmax activation and a float32
 * rank-2 kernel; otherwise why not, in words.
 *
 * @param inner - the functional model
 * @returns the layers, or the reason
 * @example
 * ```ts
 * const links = walkDenseChain(model);
 * if (typeof links === 'string') console.log(`not a Dense chain: ${links}`);
 * ```
 */
export function walkDenseChain(inner: tf.LayersModel): DenseLink[] | string {
  const links: DenseLink[] = [];
  let previous: unknown = null;
  for (const raw of inner.layers) {
    const layer = raw as unknown as LayerInternals;
    const name = layer.getClassName();
    if (name === 'InputLayer' && previous === null) {
      previous = raw;
      continue;
    }
    if (name !== 'Dense') return `a ${name} layer`;
    // private fields of tfjs-layers 4.22 (another version without them is not walked)
    const inbound = layer.inboundNodes;
    if (!Array.isArray(inbound) || inbound.length !== 1) return 'the layers are not a chain';
    const from = inbound[0]!.inboundLayers;
    if (!Array.isArray(from) || from.length !== 1) return 'the layers are not a chain';
    if (previous !== null && from[0] !== previous) return 'the layers are not a chain';
    const activation = layer.activation?.getClassName() ?? 'linear';
    if (!(LEAN_ACTIVATIONS as readonly string[]).includes(activation)) {
      return `the ${activation} activation`;
    }
    const kernel = layer.kernel?.read();
    const bias = layer.bias?.read() ?? null;
    if (!kernel || kernel.dtype !== 'float32' || kernel.shape.length !== 2) return 'a Dense kernel';
    links.push({ layer: raw, kernel, bias, activation: activation as LeanActivation });
    previous = raw;
  }
  const outputLayers = (inner as unknown as { outputLayers?: unknown[] }).outputLayers;
  if (links.length === 0 || outputLayers?.[0] !== previous) return 'the layers are not a chain';
  return links;
}
