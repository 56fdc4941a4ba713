// Host rows ({ data: Float32Array, shape }) as trainer input: the same training as one tensor.
import * as tf from '@tensorflow/tfjs';
import { fastTrainer } from './fastTrainer';
import { isHostRows, type HostRows } from './HostRows';
import { modelFitTrainer } from './modelFitTrainer';
import { BACKENDS, useTestBackend, withSeededRandom } from './test-utils/backends';
import type { Trainer } from './Trainer';

const N = 50;
const DATA = Float32Array.from({ length: N * 3 }, (_, i) => Math.sin(i * 0.7));
const LABELS = Array.from({ length: N }, (_, i) => (DATA[3 * i]! + DATA[3 * i + 1]! > 0 ? 1 : 0));

function dense(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 5, activation: 'relu', inputShape: [3] }),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'sparseCategoricalCrossentropy' });
  return model;
}

function conv(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv1d({ filters: 2, kernelSize: 2, inputShape: [3, 1] }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'sparseCategoricalCrossentropy' });
  return model;
}

async function train(
  trainer: Trainer,
  build: () => tf.LayersModel,
  x: tf.Tensor | HostRows,
  args: Parameters<Trainer['fit']>[3] = {},
): Promise<{ loss: number[]; weights: number[][] }> {
  const y = tf.tensor2d(LABELS, [N, 1]);
  const model = await withSeededRandom(3, build);
  try {
    const h = await withSeededRandom(7, () =>
      trainer.fit(model, x, y, { epochs: 2, batchSize: 8, verbose: 0, ...args }),
    );
    return {
      loss: h.history['loss'] as number[],
      weights: model.getWeights().map((w) => Array.from(w.dataSync())),
    };
  } finally {
    const opt = model.optimizer;
    model.dispose();
    opt.dispose();
    y.dispose();
  }
}

describe('HostRows', () => {
  it('isHostRows tells host rows from tensors', async () => {
    await tf.ready();
    expect(isHostRows({ data: new Float32Array(2), shape: [1, 2] })).toBe(true);
    expect(isHostRows({ data: new Float64Array(2), shape: [1, 2] })).toBe(false);
    const t = tf.zeros([1, 2]);
    expect(isHostRows(t)).toBe(false);
    t.dispose();
    expect(fastTrainer.acceptsHostRows && modelFitTrainer.acceptsHostRows).toBe(true);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);

    it.each([
      ['fast (lean loop)', fastTrainer, dense, [N, 3]],
      ['fast, validationSplit', fastTrainer, dense, [N, 3]],
      ['modelFit', modelFitTrainer, dense, [N, 3]],
    ] as const)(
      '%s trains on host rows exactly as on one tensor',
      async (name, trainer, build, shape) => {
        const args = name.includes('validationSplit') ? { validationSplit: 0.2 } : {};
        const before = tf.memory().numTensors;
        const host: HostRows = { data: DATA, shape: [...shape] };
        const t = tf.tensor(DATA, [...shape]);
        const a = await train(trainer, build, host, args);
        const b = await train(trainer, build, t, args);
        t.dispose();
        expect(a.loss).toEqual(b.loss);
        expect(a.weights).toEqual(b.weights);
        expect(tf.memory().numTensors).toBe(before);
      },
    );

    it("the fast trainer refuses host rows of the wrong shape (tfjs's message) or length", async () => {
      const before = tf.memory().numTensors;
      await expect(
        train(fastTrainer, dense, { data: DATA.subarray(0, N * 2), shape: [N, 2] }),
      ).rejects.toThrow(/input expected a batch of elements where each example has shape \[3\]/);
      await expect(
        train(fastTrainer, dense, { data: DATA.subarray(0, 30), shape: [10, 3] }),
      ).rejects.toThrow(
        'Input arrays should have the same number of samples as target arrays. Found 10 input sample(s) and 50 target sample(s).',
      );
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  describe('a Conv1D model (model.fit on cpu)', () => {
    useTestBackend('cpu');
    it('host rows become one tensor for model.fit, freed after', async () => {
      const before = tf.memory().numTensors;
      const shape = [N, 3, 1];
      const a = await train(fastTrainer, conv, { data: DATA, shape });
      const t = tf.tensor(DATA, shape);
      const b = await train(fastTrainer, conv, t);
      t.dispose();
      expect(a.loss).toEqual(b.loss);
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
