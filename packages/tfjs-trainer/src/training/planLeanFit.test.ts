import * as tf from '@tensorflow/tfjs';
import { useTestBackend } from '../test-utils/backends';
import { planLeanFit } from './planLeanFit';

function compiled(model: tf.LayersModel, args: Partial<tf.ModelCompileArgs> = {}): tf.LayersModel {
  model.compile({
    optimizer: 'adam',
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
    ...args,
  });
  return model;
}

const mlp = (extra: Record<string, unknown> = {}): tf.LayersModel =>
  tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3], ...extra }),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });

/** Disposes a model, its optimizer, and weights tfjs keeps alive (a layer applied twice). */
function dispose(model: tf.LayersModel): void {
  const opt = model.optimizer;
  const weights = model.weights.map((w) => w.read());
  model.dispose();
  opt?.dispose();
  tf.dispose(weights);
}

describe('planLeanFit', () => {
  useTestBackend('cpu');
  let before = 0;
  beforeEach(() => {
    before = tf.memory().numTensors;
  });
  afterEach(() => {
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes a compiled Dense chain apart', () => {
    const model = compiled(mlp());
    const plan = planLeanFit(model, { batchSize: 8 });
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.model).toBe((model as unknown as { model: tf.LayersModel }).model);
    expect(plan.layers.map((l) => [l.activation, l.kernel.shape, l.bias?.shape])).toEqual([
      ['relu', [3, 4], [4]],
      ['softmax', [4, 2], [2]],
    ]);
    expect(plan.loss).toBe('sparseCategoricalCrossentropy');
    expect(plan.accuracy).toBe('sparseCategorical');
    expect(plan.labels).toEqual(['loss', 'acc']);
    expect(plan.metrics).toEqual([null]);
    expect(plan.trainable).toHaveLength(4);
    dispose(model);
  });

  it('keeps metrics other than accuracy as tfjs functions, and knows frozen layers', () => {
    const model = compiled(mlp({ trainable: false }), {
      loss: 'categoricalCrossentropy',
      metrics: ['mse', 'accuracy'],
    });
    const plan = planLeanFit(model);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.labels).toEqual(['loss', 'mse', 'acc']);
    expect(plan.metrics.map((m) => (m === null ? null : typeof m))).toEqual(['function', null]);
    expect(plan.accuracy).toBe('categorical');
    expect(plan.layers.map((l) => [l.trainKernel, l.trainBias])).toEqual([
      [false, false],
      [true, true],
    ]);
    dispose(model);
  });

  const REASONS: [string, () => tf.LayersModel, Record<string, unknown>, string][] = [
    ['classWeight', () => compiled(mlp()), { classWeight: { 0: 1, 1: 2 } }, 'classWeight is set'],
    ['verbose', () => compiled(mlp()), { verbose: 1 }, 'verbose > 0'],
    ['steps', () => compiled(mlp()), { stepsPerEpoch: 3 }, 'steps-based fit'],
    ['batch shuffling', () => compiled(mlp()), { shuffle: 'batch' }, 'shuffle=batch'],
    ['a bad batch size', () => compiled(mlp()), { batchSize: 0 }, 'batchSize=0'],
    [
      'no compile',
      () => {
        const input = tf.input({ shape: [3] });
        const out = tf.layers.dense({ units: 2 }).apply(input) as tf.SymbolicTensor;
        return tf.model({ inputs: input, outputs: out });
      },
      {},
      'the model is not compiled',
    ],
    [
      'a Dropout layer',
      () =>
        compiled(
          tf.sequential({
            layers: [
              tf.layers.dense({ units: 4, inputShape: [3] }),
              tf.layers.dropout({ rate: 0.5 }),
              tf.layers.dense({ units: 2, activation: 'softmax' }),
            ],
          }),
        ),
      {},
      'a Dropout layer',
    ],
    [
      'a regularizer',
      () => compiled(mlp({ kernelRegularizer: tf.regularizers.l2() })),
      {},
      'a regularizer or constraint',
    ],
    ['an activation', () => compiled(mlp({ activation: 'selu' })), {}, 'the selu activation'],
    [
      'a loss by name',
      () => compiled(mlp(), { loss: 'meanAbsoluteError' }),
      {},
      'the loss meanAbsoluteError',
    ],
    [
      'a loss function',
      () => compiled(mlp(), { loss: tf.losses.softmaxCrossEntropy as never }),
      {},
      'the loss is not a name',
    ],
    [
      'a rank-3 input',
      () =>
        compiled(
          tf.sequential({
            layers: [tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [3, 5] })],
          }),
        ),
      {},
      'the input is not rank 2',
    ],
    [
      'two outputs',
      () => {
        const input = tf.input({ shape: [3] });
        const a = tf.layers
          .dense({ units: 2, activation: 'softmax' })
          .apply(input) as tf.SymbolicTensor;
        const b = tf.layers
          .dense({ units: 2, activation: 'softmax' })
          .apply(input) as tf.SymbolicTensor;
        return compiled(tf.model({ inputs: input, outputs: [a, b] }));
      },
      {},
      'several inputs or outputs',
    ],
    [
      'a branch (not a chain)',
      () => {
        const input = tf.input({ shape: [3] });
        const shared = tf.layers.dense({ units: 3, activation: 'relu' });
        const out = tf.layers
          .dense({ units: 2, activation: 'softmax' })
          .apply(shared.apply(shared.apply(input))) as tf.SymbolicTensor;
        return compiled(tf.model({ inputs: input, outputs: out }));
      },
      {},
      'the layers are not a chain',
    ],
  ];

  it.each(REASONS)('falls back to model.fit for %s', (_, make, options, reason) => {
    const model = make();
    expect(planLeanFit(model, options)).toBe(reason);
    dispose(model);
  });
});
