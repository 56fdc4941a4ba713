import * as tf from '@tensorflow/tfjs';
import { resolveOptimizer } from '../resolveOptimizer';
import { BACKENDS, checkNoLeakPerTest, mlp, rng, useTestBackend } from '../test-utils/backends';
import { disposeModel } from './modelLifecycle';
import { TrainingSnapshot } from './trainingSnapshot';

const r = rng(5);
const rowsX = Array.from({ length: 16 }, () => [r(), r(), r()]);
const rowsY = Array.from({ length: 16 }, () => [r()]);

function compiled(optimizer: string): tf.LayersModel {
  const model = mlp({ nFeaturesIn_: 3, hidden: 4 });
  model.compile({ optimizer: resolveOptimizer(optimizer, {}), loss: 'meanSquaredError' });
  return model;
}

const weights = (m: tf.LayersModel) => m.getWeights().map((w) => w.arraySync());
async function train(m: tf.LayersModel, epochs: number): Promise<void> {
  const [x, y] = [tf.tensor2d(rowsX), tf.tensor2d(rowsY)];
  await m.fit(x, y, { epochs, batchSize: 4, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
}
const free = (m: tf.LayersModel) => disposeModel(m);

describe('TrainingSnapshot', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it.each(['sgd', 'momentum', 'rmsprop', 'adagrad', 'adadelta', 'adam', 'adamax'])(
      'restores weights and %s state: training again gives the same weights',
      async (optimizer) => {
        const model = compiled(optimizer);
        await train(model, 1); // the optimizer has its slots now
        const tensors = tf.memory().numTensors;
        const snap = TrainingSnapshot.take(model);
        const w0 = weights(model);
        await train(model, 2);
        const w1 = weights(model);
        snap.restore();
        expect(tf.memory().numTensors).toBe(tensors);
        expect(weights(model)).toEqual(w0);
        await train(model, 2);
        expect(weights(model)).toEqual(w1);
        free(model);
      },
    );

    it('frees the slots created after the snapshot', async () => {
      const model = compiled('adam');
      const tensors = tf.memory().numTensors;
      const snap = TrainingSnapshot.take(model);
      const w0 = weights(model);
      await train(model, 1);
      expect(tf.memory().numTensors).toBeGreaterThan(tensors);
      snap.restore();
      expect(tf.memory().numTensors).toBe(tensors);
      expect(weights(model)).toEqual(w0);
      free(model);
    });

    it('release keeps the trained state and frees the copies', async () => {
      const model = compiled('rmsprop');
      await train(model, 1);
      const tensors = tf.memory().numTensors;
      const snap = TrainingSnapshot.take(model);
      await train(model, 1);
      const w1 = weights(model);
      snap.release();
      expect(tf.memory().numTensors).toBe(tensors);
      expect(weights(model)).toEqual(w1);
      free(model);
    });
  });
});
