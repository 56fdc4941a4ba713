// The lean training loop: tfjs-layers 4.22's fitLoop (training.ts, Apache-2.0) with the training
// step of a Dense chain written out (forward, hand-derived backward, fused optimizer update).
import * as tf from '@tensorflow/tfjs';
import { isHostRows, type HostRows } from '../HostRows';
import { HeapStep } from './HeapStep';
import { Rows } from './Rows';
import { fusedOptimizerStep } from './fusedOptimizerStep';
import { EpochAverager } from './EpochAverager';
import type { LeanFitPlan } from './planLeanFit';
import {
  TRAINING_KERNELS,
  registerTrainingKernels,
  type DenseStepSpec,
} from './registerTrainingKernels';

/** Options of {@link leanFit} (the subset of `ModelFitArgs` a plan accepts). */
export interface LeanFitArgs {
  /** @defaultValue 32 */
  batchSize?: number;
  /** @defaultValue 1 */
  epochs?: number;
  /** @defaultValue 0 */
  initialEpoch?: number;
  /** @defaultValue true */
  shuffle?: boolean;
  validationSplit?: number;
  validationData?: [tf.Tensor, tf.Tensor];
  callbacks?: (tf.Callback | tf.CustomCallback)[];
  /** One loss weight per training row (Keras's weighted loss `mean(w_i * loss_i)`). */
  sampleWeight?: readonly number[] | null;
}

interface TrainingModel {
  isTraining: boolean;
  stopTraining: boolean;
  history: tf.History;
  checkTrainableWeightsConsistency?(): void;
  standardizeUserDataXY(
    x: tf.Tensor,
    y: tf.Tensor,
    checkBatchAxis?: boolean,
    batchSize?: number,
  ): [tf.Tensor[], tf.Tensor[]];
}

/**
 * Trains a model that {@link planLeanFit} accepted, with `model.fit`'s semantics: the same
 * epochs, seeded shuffles (`tf.util.shuffle` on the same index array), batches, weighted loss,
 * optimizer state, validation (`model.evaluate` at the end of each epoch), callbacks and their
 * logs, `stopTraining`, and returned History. Each step is one `ScikerasDenseStep` kernel
 * where `model.fit` dispatches ~200 for a 3-layer MLP: the forward pass as Dense runs it, the
 * backward pass written out (the loss head and activation gradients, bias gradients included)
 * and the optimizer update.
 *
 * @param plan - from {@link planLeanFit}
 * @param x - training samples, n x features, float32
 * @param y - targets, as `model.fit` takes them
 * @param args - batch size, epochs, shuffling, validation, callbacks, sample weights
 * @returns the History, as `model.fit` returns it
 * @throws Error when the model is already training (tfjs's message)
 * @example
 * ```ts
 * const plan = planLeanFit(model);
 * const history = typeof plan === 'string' ? await model.fit(x, y) : await leanFit(plan, x, y);
 * ```
 */
export async function leanFit(
  plan: LeanFitPlan,
  x: tf.Tensor | HostRows,
  y: tf.Tensor,
  args: LeanFitArgs = {},
): Promise<tf.History> {
  registerTrainingKernels();
  const model = plan.model as tf.LayersModel & TrainingModel;
  if (model.isTraining) {
    throw new Error('Cannot start training because another fit() call is ongoing.');
  }
  model.isTraining = true;
  const batchSize = args.batchSize ?? 32;
  const epochs = args.epochs ?? 1;
  const initialEpoch = args.initialEpoch ?? 0;
  const owned: tf.Tensor[] = [];
  let heap: HeapStep | null = null;
  try {
    const { trainX, trainY, validation } = prepareData(model, x, y, batchSize, args, owned);
    // tfjs's warning when layers were (un)frozen after compile; the compiled weights train
    model.checkTrainableWeightsConsistency?.();
    const n = trainX.shape[0]!;
    const weights = args.sampleWeight
      ? tf.tensor1d(args.sampleWeight.slice(0, n), 'float32')
      : null;
    if (weights) owned.push(weights);
    const layout = stepLayout(plan);
    const xRows = new Rows(trainX);
    const yRows = new Rows(trainY);
    const wRows = weights ? new Rows(weights) : null;
    heap = HeapStep.create(plan, layout, { x: xRows, y: yRows, w: wRows }, Math.min(batchSize, n));

    const labels = plan.labels;
    const userCallbacks = (args.callbacks ?? []).length > 0;
    const history = new tf.History();
    const callbackList = new tf.CallbackList([
      new EpochAverager(),
      ...((args.callbacks ?? []) as tf.Callback[]),
      history,
    ]);
    // tfjs passes steps: null (no stepsPerEpoch), which its Params type does not spell
    callbackList.setParams({
      epochs,
      initialEpoch,
      samples: n,
      steps: null,
      batchSize,
      verbose: 0,
      doValidation: validation !== null,
      metrics: validation ? [...labels, ...labels.map((l) => `val_${l}`)] : [...labels],
    } as unknown as Parameters<tf.CallbackList['setParams']>[0]);
    callbackList.setModel(model);
    model.history = history;
    await callbackList.onTrainBegin();
    model.stopTraining = false;
    const indexArray = Array.from({ length: n }, (_, i) => i);
    for (let epoch = initialEpoch; epoch < epochs; epoch++) {
      await callbackList.onEpochBegin(epoch);
      const epochLogs: tf.Logs = {};
      if (args.shuffle ?? true) tf.util.shuffle(indexArray);
      const order = Int32Array.from(indexArray);
      const nBatches = Math.ceil(n / batchSize);
      for (let b = 0; b < nBatches; b++) {
        const start = b * batchSize;
        const end = Math.min(n, start + batchSize);
        const batchLogs: tf.Logs = {};
        await callbackList.onBatchBegin(b, batchLogs);
        const ids = order.subarray(start, end);
        const values = heap?.run(ids) ?? trainStep(plan, layout, xRows, yRows, wRows, ids);
        batchLogs['batch'] = b;
        batchLogs['size'] = end - start;
        labels.forEach((label, i) => (batchLogs[label] = values[i]!));
        // tfjs code may read the weights from here on (user callbacks each batch; validation)
        if (userCallbacks || b === nBatches - 1) heap?.refresh();
        if (b === nBatches - 1 && validation) {
          const outs = model.evaluate(validation[0], validation[1], { batchSize, verbose: 0 });
          const list = Array.isArray(outs) ? outs : [outs];
          labels.forEach((label, i) => (epochLogs[`val_${label}`] = list[i]!.dataSync()[0]!));
          tf.dispose(list);
        }
        await callbackList.onBatchEnd(b, batchLogs);
        if (model.stopTraining) break;
      }
      await callbackList.onEpochEnd(epoch, epochLogs);
      if (model.stopTraining) break;
    }
    await callbackList.onTrainEnd();
    await history.syncData();
    return history;
  } finally {
    model.isTraining = false;
    heap?.dispose();
    tf.dispose(owned);
  }
}

/** The parts of a {@link DenseStepSpec} fixed for a whole fit (the optimizer's change by step). */
function stepLayout(plan: LeanFitPlan): Omit<DenseStepSpec, 'optimizer' | 'epsilon'> {
  const where = new Map<tf.Variable, { layer: number; weight: 'kernel' | 'bias' }>();
  plan.layers.forEach((l, layer) => {
    where.set(l.kernel, { layer, weight: 'kernel' });
    if (l.bias) where.set(l.bias, { layer, weight: 'bias' });
  });
  const lowest = plan.layers.findIndex((l) => l.trainKernel || l.trainBias);
  return {
    layers: plan.layers.map((l) => ({
      activation: l.activation,
      hasBias: l.bias !== null,
      trainKernel: l.trainKernel,
      trainBias: l.trainBias,
    })),
    loss: plan.loss,
    accuracy: plan.accuracy,
    trainable: plan.trainable.map((v) => where.get(v)!),
    lowestTrainable: lowest < 0 ? plan.layers.length : lowest,
    outputP: plan.metrics.some((fn) => fn !== null),
  };
}

/**
 * One training step on the rows `ids`, as one `ScikerasDenseStep` kernel; returns the loss and
 * the metrics, in label order.
 */
function trainStep(
  plan: LeanFitPlan,
  layout: Omit<DenseStepSpec, 'optimizer' | 'epsilon'>,
  x: Rows,
  y: Rows,
  w: Rows | null,
  ids: Int32Array,
): number[] {
  const optimizer = plan.model.optimizer;
  const outs = tf.tidy(() => {
    const inputs: tf.NamedTensorMap = { x: x.take(ids), y: y.take(ids) };
    if (w) inputs['w'] = w.take(ids);
    plan.layers.forEach((l, i) => {
      inputs[`k${i}`] = l.kernel;
      if (l.bias) inputs[`b${i}`] = l.bias;
    });
    const step = fusedOptimizerStep(optimizer, plan.trainable);
    if (step) {
      step.slots.forEach((slots, j) =>
        slots.forEach((slot, k) => (inputs[`${step.slotNames[k]}${j}`] = slot)),
      );
    }
    const spec: DenseStepSpec = {
      ...layout,
      epsilon: tf.backend().epsilon(),
      optimizer: step
        ? { kernel: step.kernel, attrs: step.attrs, slotNames: step.slotNames }
        : null,
    };
    const res = tf.engine().runKernel(TRAINING_KERNELS.denseStep, inputs, {
      spec,
    } as unknown as tf.NamedAttrMap) as tf.Tensor[];
    const stats = res[0]!;
    const p = layout.outputP ? res[1]! : null;
    const rest = res.slice(layout.outputP ? 2 : 1);
    if (step) step.commit(rest);
    else {
      const named: tf.NamedTensorMap = {};
      plan.trainable.forEach((v, j) => (named[v.name] = rest[j]!));
      optimizer.applyGradients(named);
    }
    const metricValues = plan.metrics.map((fn) => (fn ? tf.mean(fn(inputs['y']!, p!)) : null));
    return [stats, ...metricValues.filter((t): t is tf.Tensor => t !== null)];
  });
  const [stats, ...generic] = outs;
  const s = stats!.dataSync();
  const values: number[] = [s[0]!];
  let g = 0;
  for (const fn of plan.metrics) values.push(fn ? generic[g++]!.dataSync()[0]! : s[1]!);
  tf.dispose(outs);
  return values;
}

/** The host rows `[start, end)` as host rows (a view, not a copy). */
function hostSlice(x: HostRows, start: number, end: number): HostRows {
  const row = x.shape.slice(1).reduce((a, b) => a * b, 1);
  return {
    data: x.data.subarray(start * row, end * row),
    shape: [end - start, ...x.shape.slice(1)],
  };
}

/**
 * Checks host rows as `standardizeUserDataXY` checks a tensor (shape against the model's input,
 * rows against the targets'), by standardizing their first row with the first target row.
 */
function checkHostRows(model: TrainingModel, x: HostRows, y: tf.Tensor, batchSize: number): void {
  const n = x.shape[0]!;
  if (n !== y.shape[0]) {
    throw new Error(
      `Input arrays should have the same number of samples as target arrays. Found ${n} input sample(s) and ${y.shape[0]} target sample(s).`,
    );
  }
  tf.tidy(() => {
    const head = tf.tensor(hostSlice(x, 0, Math.min(1, n)).data, [
      Math.min(1, n),
      ...x.shape.slice(1),
    ]);
    model.standardizeUserDataXY(head, tf.slice(y, 0, Math.min(1, n)), false, batchSize);
  });
}

/** The training and validation data, standardized as `model.fit` does (host rows stay in host memory). */
function prepareData(
  model: TrainingModel,
  x: tf.Tensor | HostRows,
  y: tf.Tensor,
  batchSize: number,
  args: LeanFitArgs,
  owned: tf.Tensor[],
): { trainX: tf.Tensor | HostRows; trainY: tf.Tensor; validation: [tf.Tensor, tf.Tensor] | null } {
  let xs: tf.Tensor | HostRows;
  let ys: tf.Tensor;
  if (isHostRows(x)) {
    checkHostRows(model, x, y, batchSize);
    [xs, ys] = [x, y];
  } else {
    const [[sx], [sy]] = model.standardizeUserDataXY(x, y, false, batchSize) as [
      [tf.Tensor],
      [tf.Tensor],
    ];
    if (sx !== x) owned.push(sx);
    [xs, ys] = [sx, sy];
  }
  if (ys !== y) owned.push(ys);
  if (args.validationData) {
    // checked now, as model.fit checks it before training
    const [vx, vy] = args.validationData;
    const [[vxs], [vys]] = model.standardizeUserDataXY(vx, vy, true, batchSize) as [
      [tf.Tensor],
      [tf.Tensor],
    ];
    if (vxs !== vx) owned.push(vxs);
    if (vys !== vy) owned.push(vys);
    return { trainX: xs, trainY: ys, validation: [vxs, vys] };
  }
  if (args.validationSplit && args.validationSplit > 0 && args.validationSplit < 1) {
    const total = xs.shape[0]!;
    const splitAt = Math.floor(total * (1 - args.validationSplit));
    const trainY = tf.slice(ys, 0, splitAt);
    const valY = tf.slice(ys, splitAt, total - splitAt);
    owned.push(trainY, valY);
    if (isHostRows(xs)) {
      const tail = hostSlice(xs, splitAt, total);
      const valX = tf.tensor(tail.data, [...tail.shape], 'float32');
      owned.push(valX);
      return { trainX: hostSlice(xs, 0, splitAt), trainY, validation: [valX, valY] };
    }
    const trainX = tf.slice(xs, 0, splitAt);
    const valX = tf.slice(xs, splitAt, total - splitAt);
    owned.push(trainX, valX);
    return { trainX, trainY, validation: [valX, valY] };
  }
  return { trainX: xs, trainY: ys, validation: null };
}
