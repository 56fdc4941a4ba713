// The decoder of an autoencoder as its own model, after scikeras's autoencoder tutorial (MIT),
// whose `decoder_model_` shares the trained autoencoder's layers: here the chain of layers from a
// chosen one to the model's output, fed with a new input of the code's shape.
import * as tf from '@tensorflow/tfjs';
import { ValueError } from '@scikeras/estimator-core';

/**
 * A layer of `model` by name (Keras's `model.get_layer(name)`) or by index in `model.layers`
 * (negative counts from the end), with Keras's messages.
 *
 * @param model - the model
 * @param spec - the layer's name or index
 * @returns the layer
 * @throws ValueError "No such layer: x. Existing layers are: a, b." / "Was asked to retrieve layer at index 5 but model only has 2 layers."
 */
export function findLayer(model: tf.LayersModel, spec: string | number): tf.layers.Layer {
  if (typeof spec === 'string') {
    const found = model.layers.find((l) => l.name === spec);
    if (!found) {
      throw new ValueError(
        `No such layer: ${spec}. Existing layers are: ${model.layers.map((l) => l.name).join(', ')}.`,
      );
    }
    return found;
  }
  const i = spec < 0 ? model.layers.length + spec : spec;
  if (i < 0 || i >= model.layers.length) {
    throw new ValueError(
      `Was asked to retrieve layer at index ${spec} but model only has ${model.layers.length} layers.`,
    );
  }
  return model.layers[i]!;
}

/**
 * The output of `layer` in the model's own graph (a layer applied elsewhere too, such as a
 * sub-model, has several outputs; `layer.output` is then ill-defined), found by walking back from
 * the model's outputs; `layer.output` when the layer is not on the way to them.
 *
 * @param model - the model
 * @param layer - one of its layers
 * @returns the symbolic output tensor
 */
export function layerOutputIn(model: tf.LayersModel, layer: tf.layers.Layer): tf.SymbolicTensor {
  const seen = new Set<tf.SymbolicTensor>();
  const todo = [...model.outputs];
  while (todo.length > 0) {
    const t = todo.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    if (t.sourceLayer === layer) return t;
    todo.push(...(t.sourceLayer.inboundNodes[t.nodeIndex]?.inputTensors ?? []));
  }
  return layer.output as tf.SymbolicTensor;
}

/**
 * The layers from `first` to the model's (single) output, walking back through the model's own
 * graph: each must take one tensor, the output of the one before.
 */
function chainTo(
  model: tf.LayersModel,
  first: tf.layers.Layer,
  param: string,
): { layers: tf.layers.Layer[]; input: tf.SymbolicTensor } {
  const notChain = (why: string) =>
    new ValueError(
      `${param}='${first.name}' does not start a decoder: ${why}. inverseTransform runs the layers from ${param} to the output, one after the other.`,
    );
  if (model.outputs.length !== 1) throw notChain(`the model has ${model.outputs.length} outputs`);
  const layers: tf.layers.Layer[] = [];
  let t = model.outputs[0]!;
  for (;;) {
    const layer = t.sourceLayer;
    const inputs = layer.inboundNodes[t.nodeIndex]?.inputTensors ?? [];
    if (inputs.length === 0) throw notChain('it is not on the path from the input to the output');
    if (inputs.length > 1) throw notChain(`layer '${layer.name}' takes ${inputs.length} inputs`);
    layers.unshift(layer);
    if (layer === first) return { layers, input: inputs[0]! };
    t = inputs[0]!;
  }
}

/**
 * The decoder of a trained model, as `predictInBatches` runs a model: its input is the code (the
 * input of `first` in the model's graph), and `apply` runs `first` and every layer after it to
 * the model's output on concrete tensors. Nothing is added to the model's graph and no layer
 * gains a user (tfjs counts the users of a layer that was applied to symbolic tensors, and a
 * sub-model's count is fragile), so there is nothing to dispose.
 *
 * @param model - the trained model
 * @param first - the decoder's first layer (a layer, or a sub-model used as a layer)
 * @param param - the param that named it, for messages
 * @returns a stand-in for a `tf.LayersModel` with `layers` (the chain), `inputs`, `inputNames`,
 *   `outputs` and `apply`
 * @throws ValueError when the layers from `first` to the output are not a chain
 */
export function decoderModel(
  model: tf.LayersModel,
  first: tf.layers.Layer,
  param: string,
): tf.LayersModel {
  const { layers, input } = chainTo(model, first, param);
  const decoder = {
    layers,
    inputs: [input],
    inputNames: [`${first.name}_input`],
    outputs: model.outputs,
    apply: (x: tf.Tensor | tf.Tensor[], kwargs?: Record<string, unknown>) =>
      layers.reduce<tf.Tensor | tf.Tensor[]>((t, l) => l.apply(t, kwargs) as tf.Tensor, x),
  };
  return decoder as unknown as tf.LayersModel;
}
