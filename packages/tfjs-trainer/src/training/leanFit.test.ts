import * as tf from '@tensorflow/tfjs';
import {
  BACKENDS,
  checkNoLeakedBuffers,
  useTestBackend,
  withSeededRandom,
} from '../test-utils/backends';
import { injectSampleWeights } from '../injectSampleWeights';
import { leanFit, type LeanFitArgs } from './leanFit';
import { planLeanFit } from './planLeanFit';

type Build = () => tf.LayersModel;

/** Rows of a seeded uniform [-1, 1] design. */
function design(n: number, d: number, seed: number): number[][] {
  let s = seed;
  const r = (): number => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647) * 2 - 1;
  };
  return Array.from({ length: n }, () => Array.from({ length: d }, r));
}

const X = design(60, 4, 3);
const labels = X.map((row) => (row[0]! + row[1]! > 0 ? (row[2]! > 0 ? 2 : 1) : 0));

function dense(
  units: number,
  activation: string,
  extra: Record<string, unknown> = {},
): tf.layers.Layer {
  return tf.layers.dense({ units, activation, ...extra } as Parameters<typeof tf.layers.dense>[0]);
}

/** Two models built from the same seed (equal weights), compiled alike. */
async function twins(build: Build, compile: () => tf.ModelCompileArgs): Promise<tf.LayersModel[]> {
  const a = await withSeededRandom(11, build);
  const b = await withSeededRandom(11, build);
  a.compile(compile());
  b.compile(compile());
  return [a, b];
}

interface Recorded {
  history: Record<string, number[]>;
  batches: tf.Logs[];
  epochs: [number, tf.Logs][];
  weights: number[][];
}

/** A callback recording every batch and epoch log. */
function recorder(into: Recorded): tf.CustomCallback {
  return new tf.CustomCallback({
    onBatchEnd: async (_b, logs) => void into.batches.push({ ...logs }),
    onEpochEnd: async (e, logs) => void into.epochs.push([e, { ...logs }]),
  });
}

async function trainBoth(
  build: Build,
  compile: () => tf.ModelCompileArgs,
  x: tf.Tensor,
  y: tf.Tensor,
  args: LeanFitArgs & { extraCallbacks?: () => tf.Callback[] },
): Promise<{ stock: Recorded; lean: Recorded }> {
  const [m1, m2] = await twins(build, compile);
  const out: Recorded[] = [];
  for (const [i, m] of [m1!, m2!].entries()) {
    const rec: Recorded = { history: {}, batches: [], epochs: [], weights: [] };
    const callbacks = [recorder(rec), ...(args.extraCallbacks?.() ?? [])];
    const { extraCallbacks, sampleWeight, ...fitArgs } = args;
    void extraCallbacks;
    let history: tf.History;
    if (i === 0) {
      // tfjs's fit takes per-row weights only through its classWeight path: feed them as the
      // modelFitTrainer does (injectSampleWeights)
      const restore: (() => void)[] = [];
      if (sampleWeight) injectSampleWeights(m, [...sampleWeight], restore);
      try {
        history = await withSeededRandom(5, () =>
          m.fit(x, y, { ...fitArgs, callbacks, verbose: 0 }),
        );
      } finally {
        restore.forEach((r) => r());
      }
    } else {
      const plan = planLeanFit(m, fitArgs);
      if (typeof plan === 'string') throw new Error(`not lean: ${plan}`);
      history = await withSeededRandom(5, () =>
        leanFit(plan, x, y, { ...fitArgs, callbacks, sampleWeight }),
      );
    }
    rec.history = history.history as Record<string, number[]>;
    rec.weights = m.getWeights().map((w) => Array.from(w.dataSync()));
    out.push(rec);
    const opt = m.optimizer;
    m.dispose();
    opt.dispose();
  }
  return { stock: out[0]!, lean: out[1]! };
}

function expectCloseArrays(got: number[], want: number[], atol: number): void {
  expect(got).toHaveLength(want.length);
  const worst = Math.max(
    0,
    ...got.map((g, i) => Math.abs(g - want[i]!) - atol * (1 + Math.abs(want[i]!))),
  );
  expect(worst).toBe(0);
}

function expectSameTraining(
  { stock, lean }: { stock: Recorded; lean: Recorded },
  atol = 1e-5,
): void {
  expect(Object.keys(lean.history).sort()).toEqual(Object.keys(stock.history).sort());
  for (const k of Object.keys(stock.history)) {
    expectCloseArrays(lean.history[k]!, stock.history[k]!, atol);
  }
  expect(lean.batches.map((l) => Object.keys(l).sort())).toEqual(
    stock.batches.map((l) => Object.keys(l).sort()),
  );
  lean.batches.forEach((l, i) => {
    expect(l['batch']).toBe(stock.batches[i]!['batch']);
    expect(l['size']).toBe(stock.batches[i]!['size']);
    expectCloseArrays([l['loss']!], [stock.batches[i]!['loss']!], atol);
  });
  expect(lean.epochs.map(([e, l]) => [e, Object.keys(l).sort()])).toEqual(
    stock.epochs.map(([e, l]) => [e, Object.keys(l).sort()]),
  );
  lean.weights.forEach((w, i) => expectCloseArrays(w, stock.weights[i]!, atol * 10));
}

describe.each(BACKENDS)('leanFit trains as model.fit does (%s)', (backend) => {
  useTestBackend(backend);
  checkNoLeakedBuffers();

  it('softmax, sparse categorical cross-entropy, accuracy, adam', async () => {
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(labels, [labels.length, 1]);
    const res = await trainBoth(
      () =>
        tf.sequential({
          layers: [dense(8, 'relu', { inputShape: [4] }), dense(8, 'relu'), dense(3, 'softmax')],
        }),
      () => ({
        optimizer: tf.train.adam(0.01),
        loss: 'sparseCategoricalCrossentropy',
        metrics: ['accuracy'],
      }),
      x,
      y,
      { epochs: 3, batchSize: 16 },
    );
    expect(res.lean.history['acc']).toHaveLength(3);
    expectSameTraining(res);
    tf.dispose([x, y]);
  });

  it('one-hot categorical cross-entropy with rmsprop, a generic metric and validationSplit', async () => {
    const x = tf.tensor2d(X);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat());
    const res = await trainBoth(
      () => tf.sequential({ layers: [dense(6, 'tanh', { inputShape: [4] }), dense(3, 'softmax')] }),
      () => ({
        optimizer: tf.train.rmsprop(0.01),
        loss: 'categoricalCrossentropy',
        metrics: ['accuracy', 'crossentropy'],
      }),
      x,
      y,
      { epochs: 3, batchSize: 10, validationSplit: 0.25 },
    );
    expect(Object.keys(res.lean.history).sort()).toEqual([
      'acc',
      'ce',
      'loss',
      'val_acc',
      'val_ce',
      'val_loss',
    ]);
    expectSameTraining(res);
    tf.dispose([x, y]);
  });

  it('sigmoid and binary cross-entropy with sgd, elu hidden layer, no shuffling', async () => {
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(
      labels.map((l) => (l > 0 ? 1 : 0)),
      [labels.length, 1],
    );
    const res = await trainBoth(
      () => tf.sequential({ layers: [dense(5, 'elu', { inputShape: [4] }), dense(1, 'sigmoid')] }),
      () => ({ optimizer: tf.train.sgd(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] }),
      x,
      y,
      { epochs: 2, batchSize: 7, shuffle: false },
    );
    expectSameTraining(res);
    tf.dispose([x, y]);
  });

  it('a regressor: mean squared error, sigmoid hidden layer, a layer without bias, validationData and sample weights', async () => {
    const x = tf.tensor2d(X);
    const target = X.map((r) => [r[0]! * 2 - r[3]!]);
    const y = tf.tensor2d(target);
    const vx = tf.tensor2d(design(12, 4, 9));
    const vy = tf.tensor2d(design(12, 1, 10));
    const sampleWeight = X.map((_, i) => (i % 3) + 0.5);
    const res = await trainBoth(
      () =>
        tf.sequential({
          layers: [
            dense(6, 'sigmoid', { inputShape: [4], useBias: false }),
            dense(4, 'linear'),
            dense(1, 'linear'),
          ],
        }),
      () => ({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError', metrics: ['mse'] }),
      x,
      y,
      { epochs: 3, batchSize: 16, validationData: [vx, vy], sampleWeight },
    );
    expect(Object.keys(res.lean.history).sort()).toEqual(['loss', 'mse', 'val_loss', 'val_mse']);
    expectSameTraining(res);
    tf.dispose([x, y, vx, vy]);
  });

  it('softmax and sigmoid hidden layers, with an optimizer updated by tfjs (adagrad)', async () => {
    const x = tf.tensor2d(X);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat());
    const res = await trainBoth(
      () =>
        tf.sequential({
          layers: [
            dense(5, 'softmax', { inputShape: [4] }),
            dense(4, 'sigmoid'),
            dense(3, 'softmax'),
          ],
        }),
      () => ({
        optimizer: tf.train.adagrad(0.2),
        loss: 'categoricalCrossentropy',
        metrics: ['accuracy'],
      }),
      x,
      y,
      { epochs: 2, batchSize: 12 },
    );
    expectSameTraining(res);
    tf.dispose([x, y]);
  });

  it('a functional model with a frozen first layer', async () => {
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(labels, [labels.length, 1]);
    const res = await trainBoth(
      () => {
        const input = tf.input({ shape: [4] });
        const frozen = dense(5, 'relu', { trainable: false });
        const out = dense(3, 'softmax').apply(frozen.apply(input)) as tf.SymbolicTensor;
        return tf.model({ inputs: input, outputs: out });
      },
      () => ({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' }),
      x,
      y,
      { epochs: 2, batchSize: 16 },
    );
    expectSameTraining(res);
    tf.dispose([x, y]);
  });

  it('stops where EarlyStopping stops model.fit, and resumes from initialEpoch', async () => {
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(labels, [labels.length, 1]);
    const build = (): tf.LayersModel =>
      tf.sequential({ layers: [dense(4, 'relu', { inputShape: [4] }), dense(3, 'softmax')] });
    const compile = (): tf.ModelCompileArgs => ({
      optimizer: tf.train.adam(0.5),
      loss: 'sparseCategoricalCrossentropy',
    });
    const res = await trainBoth(build, compile, x, y, {
      epochs: 12,
      batchSize: 30,
      validationSplit: 0.3,
      extraCallbacks: () => [tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 0 })],
    });
    expect(res.lean.history['loss']!.length).toBe(res.stock.history['loss']!.length);
    expectSameTraining(res, 1e-4);
    const resumed = await trainBoth(build, compile, x, y, {
      epochs: 4,
      initialEpoch: 2,
      batchSize: 20,
    });
    expect(resumed.lean.epochs.map(([e]) => e)).toEqual([2, 3]);
    expectSameTraining(resumed);
    tf.dispose([x, y]);
  });

  it('refuses a second concurrent fit with tfjs’s message', async () => {
    const [m, twin] = await twins(
      () => tf.sequential({ layers: [dense(3, 'softmax', { inputShape: [4] })] }),
      () => ({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' }),
    );
    const plan = planLeanFit(m!);
    if (typeof plan === 'string') throw new Error(plan);
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(labels, [labels.length, 1]);
    const first = leanFit(plan, x, y, { epochs: 1 });
    await expect(leanFit(plan, x, y)).rejects.toThrow(
      'Cannot start training because another fit() call is ongoing.',
    );
    await first;
    for (const model of [m!, twin!]) {
      const opt = model.optimizer;
      model.dispose();
      opt.dispose();
    }
    tf.dispose([x, y]);
  });
});
