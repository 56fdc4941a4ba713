import * as tf from '@tensorflow/tfjs';
import { makeRng } from '@scikeras/estimator-core/testing';
import { r2Score } from '../r2Score';
import { rootMeanSquaredError as rmsePlain } from '../rootMeanSquaredError';
import { r2, rootMeanSquaredError } from './index';

tf.enableProdMode();

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('@scikeras/metrics/tfjs', () => {
  const rnd = makeRng(7);
  const yTrue = Array.from({ length: 32 }, () => [rnd() * 4 - 2, rnd() * 10]);
  const yPred = yTrue.map(([a, b]) => [a! + rnd() - 0.5, b! + 2 * (rnd() - 0.5)]);

  describe('rootMeanSquaredError', () => {
    it('equals the plain rootMeanSquaredError (2 outputs and 1 output)', () => {
      const before = tf.memory().numTensors;
      const t = tf.tensor2d(yTrue, undefined, 'float32');
      const p = tf.tensor2d(yPred, undefined, 'float32');
      const v = rootMeanSquaredError(t, p);
      expect(v.rank).toBe(0);
      expect(v.dataSync()[0]).toBeCloseTo(rmsePlain(yTrue, yPred), 5);
      const t1 = tf.tensor1d(yTrue.map((r) => r[0]!));
      const p1 = tf.tensor1d(yPred.map((r) => r[0]!));
      const v1 = rootMeanSquaredError(t1, p1);
      expect(v1.dataSync()[0]).toBeCloseTo(
        rmsePlain(
          yTrue.map((r) => r[0]!),
          yPred.map((r) => r[0]!),
        ),
        5,
      );
      tf.dispose([t, p, v, t1, p1, v1]);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('has a finite (zero) gradient for a perfect batch', () => {
      const before = tf.memory().numTensors;
      const t = tf.tensor2d([[1], [2], [3]]);
      const p0 = t.clone();
      const g = tf.grad((p: tf.Tensor) => rootMeanSquaredError(t, p))(p0);
      expect(Array.from(g.dataSync())).toEqual([0, 0, 0]);
      tf.dispose([t, p0, g]);
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  describe('r2', () => {
    it('equals the plain r2Score', () => {
      const before = tf.memory().numTensors;
      const t = tf.tensor2d(yTrue);
      const p = tf.tensor2d(yPred);
      const v = r2(t, p);
      expect(v.dataSync()[0]).toBeCloseTo(r2Score(yTrue, yPred), 5);
      tf.dispose([t, p, v]);
      expect(tf.memory().numTensors).toBe(before);
    });

    it.each([
      [
        [1, 1, 1],
        [1, 1, 1],
      ],
      [
        [1, 1, 1],
        [1, 2, 1],
      ],
      [
        [1, 2, 3],
        [1, 2, 2],
      ],
    ])('handles constant targets like r2Score: %j vs %j', (a, b) => {
      const t = tf.tensor1d(a);
      const p = tf.tensor1d(b);
      const v = r2(t, p);
      expect(v.dataSync()[0]).toBeCloseTo(r2Score(a, b), 6);
      tf.dispose([t, p, v]);
    });
  });

  describe('inside model.fit', () => {
    it('trains a model with the RMSE loss and reports r2, leaking no tensors', async () => {
      const before = tf.memory().numTensors;
      const r = makeRng(3);
      const X = Array.from({ length: 64 }, () => [r(), r()]);
      const y = X.map(([a, b]) => [3 * a! - 2 * b! + 0.5]);
      const xs = tf.tensor2d(X);
      const ys = tf.tensor2d(y);
      const model = tf.sequential({
        layers: [
          tf.layers.dense({
            units: 1,
            inputShape: [2],
            kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
          }),
        ],
      });
      const optimizer = tf.train.adam(0.05);
      model.compile({ optimizer, loss: rootMeanSquaredError, metrics: [r2] });
      const history = await model.fit(xs, ys, {
        epochs: 3,
        batchSize: 16,
        verbose: 0,
        shuffle: false,
      });
      const losses = history.history['loss'] as number[];
      expect(losses).toHaveLength(3);
      expect(losses[2]!).toBeLessThan(losses[0]!);
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(history.history['r2']).toHaveLength(3);
      // the reported loss is the batch RMSE; check it against the plain function on one batch
      const pred = model.predict(xs) as tf.Tensor;
      const rmse = rootMeanSquaredError(ys, pred);
      expect(rmse.dataSync()[0]).toBeCloseTo(rmsePlain(y, pred.arraySync() as number[][]), 5);
      tf.dispose([xs, ys, pred, rmse]);
      model.dispose();
      optimizer.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
