import * as tf from '@tensorflow/tfjs';
import {
  checkNoLeakedBuffers,
  countKernels,
  useTestBackend,
  withSeededRandom,
} from '../test-utils/backends';
import { leanFit } from './leanFit';
import { planLeanFit } from './planLeanFit';
import { TRAINING_KERNELS } from './registerTrainingKernels';

/** Rows of a seeded uniform [-1, 1] design and 3-class labels. */
function data(n: number, d: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  let s = 7;
  const r = (): number => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647) * 2 - 1;
  };
  const rows = Array.from({ length: n }, () => Array.from({ length: d }, r));
  const labels = rows.map((row) => (row[0]! + row[1]! > 0 ? (row[2]! > 0 ? 2 : 1) : 0));
  return { x: tf.tensor2d(rows), y: tf.tensor2d(labels, [n, 1]) };
}

function mlp(
  hidden: string,
  optimizer: () => tf.Optimizer = () => tf.train.adam(0.05),
): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 9, activation: hidden as 'relu', inputShape: [5] }),
      tf.layers.dense({ units: 6, activation: hidden as 'relu' }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  model.compile({
    optimizer: optimizer(),
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

/** Counts the dispatches of the kernel step while `fn` runs. */
const countKernelSteps = (fn: () => Promise<unknown>): Promise<number> =>
  countKernels(fn, TRAINING_KERNELS.denseStep);

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));

describe('HeapStep: the lean step in place on the wasm heap', () => {
  useTestBackend('wasm');
  checkNoLeakedBuffers();

  /** A lean fit and a model.fit of twin models (same seed), compared. */
  async function fitBoth(
    hidden: string,
    args: { epochs: number; batchSize: number; validationSplit?: number },
  ): Promise<{ kernelSteps: number; lean: tf.History; stock: tf.History; weights: number }> {
    const { x, y } = data(90, 5);
    const a = await withSeededRandom(3, () => mlp(hidden));
    const b = await withSeededRandom(3, () => mlp(hidden));
    const plan = planLeanFit(a, args);
    if (typeof plan === 'string') throw new Error(plan);
    let lean!: tf.History;
    const kernelSteps = await countKernelSteps(async () => {
      lean = await withSeededRandom(5, () => leanFit(plan, x, y, args));
    });
    const stock = await withSeededRandom(5, () => b.fit(x, y, { ...args, verbose: 0 }));
    const wa = a.getWeights().map((w) => w.dataSync());
    const wb = b.getWeights().map((w) => w.dataSync());
    const weights = Math.max(...wa.map((w, i) => maxDiff(w, wb[i]!)));
    for (const m of [a, b]) {
      const opt = m.optimizer;
      m.dispose();
      opt.dispose();
    }
    tf.dispose([x, y]);
    return { kernelSteps, lean, stock, weights };
  }

  it.each(['relu', 'linear', 'tanh', 'sigmoid', 'elu'])(
    'runs every step without the kernel (hidden %s) and trains as model.fit does, validation included',
    async (hidden) => {
      const res = await fitBoth(hidden, { epochs: 3, batchSize: 16, validationSplit: 0.2 });
      expect(res.kernelSteps).toBe(0);
      expect(Object.keys(res.lean.history).sort()).toEqual(
        ['acc', 'loss', 'val_acc', 'val_loss'].sort(),
      );
      for (const key of Object.keys(res.stock.history)) {
        expect(
          maxDiff(res.lean.history[key] as number[], res.stock.history[key] as number[]),
        ).toBeLessThan(1e-4);
      }
      expect(res.weights).toBeLessThan(1e-4);
    },
  );

  it("leaves a tensor sharing a weight's buffer alone: that step runs the kernel, which gives the variable a new buffer", async () => {
    const { x, y } = data(40, 5);
    const model = await withSeededRandom(3, () => mlp('relu'));
    const kernel = model.layers[0]!.getWeights()[0]!;
    // a reshape shares its input's buffer on tfjs-backend-wasm (a clone there is a copy)
    const clone = tf.reshape(kernel, [-1]);
    const values = clone.dataSync().slice();
    const plan = planLeanFit(model, { batchSize: 8 });
    if (typeof plan === 'string') throw new Error(plan);
    const steps = await countKernelSteps(() => leanFit(plan, x, y, { epochs: 1, batchSize: 8 }));
    // the first step found the kernel's buffer shared; later ones run on the heap
    expect(steps).toBe(1);
    expect(Array.from(clone.dataSync())).toEqual(Array.from(values));
    expect(maxDiff(kernel.dataSync(), values)).toBeGreaterThan(0);
    const opt = model.optimizer;
    model.dispose();
    opt.dispose();
    tf.dispose([clone, x, y]);
  });

  it("predicts with the trained weights, not XNNPACK's operators packed from the weights before the fit", async () => {
    const { x, y } = data(48, 5);
    const model = await withSeededRandom(3, () => mlp('relu'));
    // packs the weights as they are now into tfjs-backend-wasm's operator cache
    tf.dispose(model.predict(x) as tf.Tensor);
    const plan = planLeanFit(model, { batchSize: 16 });
    if (typeof plan === 'string') throw new Error(plan);
    await leanFit(plan, x, y, { epochs: 2, batchSize: 16 });
    const after = model.predict(x) as tf.Tensor;
    // a twin holding copies of the trained weights (new buffers, nothing cached)
    const twin = mlp('relu');
    twin.setWeights(model.getWeights());
    const fresh = twin.predict(x) as tf.Tensor;
    expect(maxDiff(after.dataSync(), fresh.dataSync())).toBeLessThan(1e-6);
    for (const m of [model, twin]) {
      const opt = m.optimizer;
      m.dispose();
      opt.dispose();
    }
    tf.dispose([after, fresh, x, y]);
  });

  it("leaves Adam's state as model.fit does: iterations, moments and beta powers (written in place)", async () => {
    const { x, y } = data(50, 5);
    const a = await withSeededRandom(3, () => mlp('relu'));
    const b = await withSeededRandom(3, () => mlp('relu'));
    const plan = planLeanFit(a, { batchSize: 8 });
    if (typeof plan === 'string') throw new Error(plan);
    await withSeededRandom(5, () => leanFit(plan, x, y, { epochs: 2, batchSize: 8 }));
    await withSeededRandom(5, () => b.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0 }));
    type Adam = tf.Optimizer & { accBeta1: tf.Variable; accBeta2: tf.Variable };
    const [oa, ob] = [a.optimizer as Adam, b.optimizer as Adam];
    const wa = await oa.getWeights();
    const wb = await ob.getWeights();
    // the same slots in the same order (the layers' names differ between the two models)
    const slot = (name: string): string => name.split('/').slice(1).join('/');
    expect(wa.map((w) => slot(w.name))).toEqual(wb.map((w) => slot(w.name)));
    wa.forEach((w, i) =>
      expect(maxDiff(w.tensor.dataSync(), wb[i]!.tensor.dataSync())).toBeLessThan(1e-4),
    );
    expect(wa[0]!.tensor.dataSync()[0]).toBe(14); // iterations: 2 epochs x 7 batches
    expect(oa.accBeta1.dataSync()[0]).toBe(ob.accBeta1.dataSync()[0]);
    expect(oa.accBeta2.dataSync()[0]).toBe(ob.accBeta2.dataSync()[0]);
    tf.dispose([...wa, ...wb].map((w) => w.tensor));
    for (const m of [a, b]) {
      const opt = m.optimizer;
      m.dispose();
      opt.dispose();
    }
    tf.dispose([x, y]);
  });

  it('sample weights, SGD and RMSProp train as model.fit does', async () => {
    for (const optimizer of [() => tf.train.sgd(0.1), () => tf.train.rmsprop(0.01, 0.9, 0.2)]) {
      const { x, y } = data(64, 5);
      const build = (): tf.LayersModel => mlp('relu', optimizer);
      const a = await withSeededRandom(3, build);
      const b = await withSeededRandom(3, build);
      const plan = planLeanFit(a, { batchSize: 10 });
      if (typeof plan === 'string') throw new Error(plan);
      const steps = await countKernelSteps(() =>
        withSeededRandom(5, () => leanFit(plan, x, y, { epochs: 2, batchSize: 10 })),
      );
      expect(steps).toBe(0);
      await withSeededRandom(5, () => b.fit(x, y, { epochs: 2, batchSize: 10, verbose: 0 }));
      const wa = a.getWeights().map((w) => w.dataSync());
      const wb = b.getWeights().map((w) => w.dataSync());
      wa.forEach((w, i) => expect(maxDiff(w, wb[i]!)).toBeLessThan(1e-4));
      for (const m of [a, b]) {
        const opt = m.optimizer;
        m.dispose();
        opt.dispose();
      }
      tf.dispose([x, y]);
    }
  });
});
