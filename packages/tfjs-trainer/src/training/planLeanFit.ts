// Which models and fit options the lean training loop runs exactly, and what it needs from them.
import * as tf from '@tensorflow/tfjs';
import type { LeanActivation } from './activations';
import { LEAN_LOSSES, type LeanAccuracy, type LeanLoss } from './lossHead';
import { TRAINING_BACKENDS } from './registerTrainingKernels';
import { walkDenseChain } from './walkDenseChain';

/** One Dense layer of a {@link LeanFitPlan}. */
export interface LeanLayer {
  kernel: tf.Variable;
  bias: tf.Variable | null;
  activation: LeanActivation;
  /** Whether the kernel / bias are among the model's trainable weights. */
  trainKernel: boolean;
  trainBias: boolean;
}

/** A compiled Dense-only model, taken apart for the lean training loop. */
export interface LeanFitPlan {
  /** The model that trains (a Sequential's inner functional model). */
  model: tf.LayersModel;
  layers: LeanLayer[];
  loss: LeanLoss;
  /** The `'accuracy'` metric computed by the loss head, or 'none'. */
  accuracy: LeanAccuracy;
  /** Metric labels, `loss` first (tfjs's deduplicated `metricsNames`). */
  labels: string[];
  /** For each label after `loss`: the loss head's accuracy (null) or the metric function. */
  metrics: (((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor) | null)[];
  /** The trainable variables in the model's `collectedTrainableWeights` order. */
  trainable: tf.Variable[];
}

/** The fit options {@link planLeanFit} looks at. */
export interface LeanFitOptions {
  batchSize?: number;
  verbose?: number;
  shuffle?: boolean | string;
  classWeight?: unknown;
  stepsPerEpoch?: number | null;
  validationSteps?: number | null;
  [key: string]: unknown;
}

/** The fields of a Dense layer that make its training differ from the lean loop's. */
interface RegularizedLayer {
  kernelRegularizer?: unknown;
  biasRegularizer?: unknown;
  activityRegularizer?: unknown;
  kernelConstraint?: unknown;
  biasConstraint?: unknown;
}

interface ModelInternals {
  model?: tf.LayersModel;
  loss?: unknown;
  optimizer?: tf.Optimizer;
  metricsTensors?: [(yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor, number][];
  collectedTrainableWeights?: { read(): tf.Variable }[];
  getDedupedMetricsNames(): string[];
  outputLayers: unknown[];
}

const ACCURACY_FNS: Record<string, LeanAccuracy> = {
  binaryAccuracy: 'binary',
  categoricalAccuracy: 'categorical',
  sparseCategoricalAccuracy: 'sparseCategorical',
};

/**
 * Decides whether the lean training loop can train `model` with these fit options exactly as
 * tfjs's `model.fit` would, and if so returns what it needs. It can when the backend is cpu or
 * wasm and the model is a compiled chain of Dense layers (one rank-2 input, one output; no
 * regularizers or constraints) with linear/relu/sigmoid/tanh/elu/softmax activations, a
 * categorical, sparse categorical or binary cross-entropy or mean squared error loss given by
 * name, and the options use no `classWeight`, `stepsPerEpoch`, `validationSteps`, `verbose` or
 * batch shuffling. Any optimizer and any metrics are fine.
 *
 * @param model - a compiled LayersModel (or Sequential)
 * @param options - the fit options
 * @returns the plan, or why the model trains through `model.fit` instead
 * @example
 * ```ts
 * const plan = planLeanFit(model, { batchSize: 32 });
 * if (typeof plan === 'string') console.log(`model.fit: ${plan}`);
 * ```
 */
export function planLeanFit(
  model: tf.LayersModel,
  options: LeanFitOptions = {},
): LeanFitPlan | string {
  const backend = tf.getBackend();
  if (!TRAINING_BACKENDS.includes(backend)) return `the ${backend} backend (lean: cpu, wasm)`;
  if (options.classWeight != null) return 'classWeight is set';
  if (options.stepsPerEpoch != null || options.validationSteps != null) return 'steps-based fit';
  if ((options.verbose ?? 0) !== 0) return 'verbose > 0';
  const batchSize = options.batchSize ?? 32;
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize <= 0) {
    return `batchSize=${String(batchSize)}`;
  }
  if (options.shuffle !== undefined && typeof options.shuffle !== 'boolean') {
    return `shuffle=${String(options.shuffle)}`;
  }
  const outer = model as unknown as ModelInternals;
  const inner = (model instanceof tf.Sequential ? outer.model : model) as
    tf.LayersModel | undefined;
  if (!inner) return 'the model is not built';
  const m = inner as unknown as ModelInternals;
  if (!m.optimizer || !m.metricsTensors || !m.collectedTrainableWeights) {
    return 'the model is not compiled';
  }
  if (inner.inputs.length !== 1 || inner.outputs.length !== 1) return 'several inputs or outputs';
  if (inner.inputs[0]!.shape.length !== 2) return 'the input is not rank 2';
  const loss = Array.isArray(m.loss) && m.loss.length === 1 ? m.loss[0] : m.loss;
  if (typeof loss !== 'string' || !(LEAN_LOSSES as readonly string[]).includes(loss)) {
    return `the loss ${typeof loss === 'string' ? loss : 'is not a name'}`;
  }
  const collected = new Set(m.collectedTrainableWeights.map((w) => w.read()));
  const chain = walkDenseChain(inner);
  if (typeof chain === 'string') return chain;
  const layers: LeanLayer[] = [];
  for (const { layer, kernel, bias, activation } of chain) {
    const l = layer as unknown as RegularizedLayer;
    if (
      l.kernelRegularizer ||
      l.biasRegularizer ||
      l.activityRegularizer ||
      l.kernelConstraint ||
      l.biasConstraint
    ) {
      return 'a regularizer or constraint';
    }
    layers.push({
      kernel,
      bias,
      activation,
      trainKernel: collected.has(kernel),
      trainBias: bias !== null && collected.has(bias),
    });
  }
  const labels = m.getDedupedMetricsNames();
  let accuracy: LeanAccuracy = 'none';
  const metrics = m.metricsTensors.map(([fn]) => {
    // tfjs's bundles may suffix the names of its functions ('categoricalAccuracy$1')
    const kind = ACCURACY_FNS[fn.name.replace(/\$\d+$/, '')];
    if (accuracy === 'none' && kind !== undefined) {
      accuracy = kind;
      return null;
    }
    return fn;
  });
  // the head's accuracy must label as tfjs does ('acc' from 'accuracy'), else use the function
  const fusedAt = metrics.indexOf(null);
  if (fusedAt >= 0 && labels[fusedAt + 1] !== 'acc') {
    metrics[fusedAt] = m.metricsTensors[fusedAt]![0];
    accuracy = 'none';
  }
  const trainable = m.collectedTrainableWeights.map((w) => w.read());
  const known = new Set(layers.flatMap((l) => (l.bias ? [l.kernel, l.bias] : [l.kernel])));
  if (!trainable.every((v) => known.has(v))) return 'trainable weights outside the Dense layers';
  return { model: inner, layers, loss: loss as LeanLoss, accuracy, labels, metrics, trainable };
}
