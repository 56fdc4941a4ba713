import * as tf from '@tensorflow/tfjs';
import { fastTrainer } from './fastTrainer';
import { fastKernelsInstalled } from './kernels/installFastKernels';
import { modelFitTrainer } from './modelFitTrainer';
import { BACKENDS, useTestBackend, withSeededRandom } from './test-utils/backends';
import type { Trainer } from './Trainer';
import { trainers } from './trainers';

const N = 40;
const X = Array.from({ length: N }, (_, i) => [Math.sin(i), Math.cos(3 * i), (i % 7) / 7]);
const LABELS = X.map(([a, b]) => (a! + b! > 0 ? 1 : 0));

function classifier(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 6,
        activation: 'relu',
        inputShape: [3],
        kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
      }),
      tf.layers.dense({
        units: 2,
        activation: 'softmax',
        kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
      }),
    ],
  });
  model.compile({
    optimizer: tf.train.adam(0.05),
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

function withDropout(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }),
      tf.layers.dropout({ rate: 0.1 }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
  return model;
}

function dispose(model: tf.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer.dispose();
}

/** Trains a fresh `build()` with `trainer`, seeded; returns the history, weights, fit calls. */
async function train(
  trainer: Trainer,
  build: () => tf.LayersModel,
  args: Parameters<Trainer['fit']>[3],
): Promise<{ history: Record<string, number[]>; weights: number[][]; modelFits: number }> {
  const x = tf.tensor2d(X);
  const y = tf.tensor2d(LABELS, [N, 1]);
  const model = await withSeededRandom(3, build);
  const spy = jest.spyOn(tf.LayersModel.prototype, 'fit');
  try {
    const history = await withSeededRandom(7, () => trainer.fit(model, x, y, args));
    return {
      history: history.history as Record<string, number[]>,
      weights: model.getWeights().map((w) => Array.from(w.dataSync())),
      modelFits: spy.mock.calls.length,
    };
  } finally {
    spy.mockRestore();
    dispose(model);
    tf.dispose([x, y]);
  }
}

function expectClose(got: number[], want: number[], tol = 1e-5): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) =>
    expect(Math.abs(g - want[i]!)).toBeLessThanOrEqual(tol * (1 + Math.abs(want[i]!))),
  );
}

describe('fastTrainer', () => {
  it('is the trainer named fast; modelFitTrainer the one named modelFit', () => {
    expect(trainers.fast).toBe(fastTrainer);
    expect(trainers.modelFit).toBe(modelFitTrainer);
    expect([fastTrainer.name, modelFitTrainer.name]).toEqual(['fast', 'modelFit']);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    let before = 0;
    let kernels: unknown[] = [];
    const registered = (): unknown[] =>
      ['BatchMatMul', '_FusedMatMul'].map((k) => tf.getKernel(k, backend));
    beforeEach(() => {
      before = tf.memory().numTensors;
      kernels = registered();
    });
    afterEach(() => {
      expect(tf.memory().numTensors).toBe(before);
      // nothing replaced in tfjs's kernel registry, before or after a fit
      expect(registered()).toEqual(kernels);
      expect(fastKernelsInstalled(backend)).toBe(false);
    });

    it('trains a Dense chain through the lean loop (model.fit not called), as modelFitTrainer does', async () => {
      const args = {
        epochs: 3,
        batchSize: 8,
        validationSplit: 0.25,
        verbose: 0 as const,
        sampleWeight: X.map((_, i) => 1 + (i % 3)),
      };
      const fast = await train(fastTrainer, classifier, args);
      const stock = await train(modelFitTrainer, classifier, args);
      expect([fast.modelFits, stock.modelFits]).toEqual([0, 1]);
      expect(Object.keys(fast.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
      for (const key of Object.keys(stock.history)) {
        expectClose(fast.history[key]!, stock.history[key]!);
      }
      fast.weights.forEach((w, i) => expectClose(w, stock.weights[i]!, 1e-4));
    });

    it("takes model.fit's callback forms: a list of instances, one CustomCallbackArgs, a list of them", async () => {
      const epochs: number[] = [];
      const onEpochEnd = async (epoch: number): Promise<void> => void epochs.push(epoch);
      for (const callbacks of [
        [new tf.CustomCallback({ onEpochEnd })],
        { onEpochEnd },
        [{ onEpochEnd }],
      ]) {
        const res = await train(fastTrainer, classifier, { epochs: 2, verbose: 0, callbacks });
        expect(res.modelFits).toBe(0);
      }
      expect(epochs).toEqual([0, 1, 0, 1, 0, 1]);
    });

    it('trains another model through model.fit, with the fast kernels for that fit only', async () => {
      const seen: boolean[] = [];
      const probe = new tf.CustomCallback({
        onTrainBegin: async () => void seen.push(fastKernelsInstalled(backend)),
      });
      const fast = await train(fastTrainer, withDropout, {
        epochs: 1,
        verbose: 0,
        callbacks: [probe],
      });
      const stock = await train(modelFitTrainer, withDropout, {
        epochs: 1,
        verbose: 0,
        callbacks: [probe],
      });
      expect([fast.modelFits, stock.modelFits]).toEqual([1, 1]);
      expect(seen).toEqual([true, false]);
      // the same seeded batches and dropout masks: the same weights
      fast.weights.forEach((w, i) => expectClose(w, stock.weights[i]!, 1e-4));
    });
  });

  describe('when a tfjs internal it reads is missing', () => {
    useTestBackend('wasm');

    /** A classifier whose first Dense layer lacks `field`, as on a tfjs the trainer was not written for. */
    const lacking = (field: string) => (): tf.LayersModel => {
      const model = classifier();
      delete (model.layers[0] as unknown as Record<string, unknown>)[field];
      return model;
    };

    it('trains through model.fit and says so once, through onWarning', async () => {
      const before = tf.memory().numTensors;
      const warnings: string[] = [];
      const onWarning = (m: string): void => void warnings.push(m);
      const first = await train(fastTrainer, lacking('biasConstraint'), { verbose: 0, onWarning });
      const second = await train(fastTrainer, lacking('biasConstraint'), { verbose: 0, onWarning });
      expect([first.modelFits, second.modelFits]).toEqual([1, 1]);
      expect(warnings).toEqual([
        `@scikeras/tfjs-trainer: Dense.biasConstraint is not what the fast trainer reads in TensorFlow.js ${tf.version.tfjs} ` +
          '(it was written for 4.22). The fast path (lean fit loop and fast kernels) is off: models train through model.fit.',
      ]);
      // trained by stock model.fit: no fast kernels either
      expect(fastKernelsInstalled()).toBe(false);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('warns through console.warn by default', async () => {
      const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const res = await train(fastTrainer, lacking('kernelRegularizer'), { verbose: 0 });
        expect(res.modelFits).toBe(1);
        expect(spy).toHaveBeenCalledTimes(1);
        expect(String(spy.mock.calls[0]![0])).toContain('Dense.kernelRegularizer is not what');
      } finally {
        spy.mockRestore();
      }
    });
  });
});
