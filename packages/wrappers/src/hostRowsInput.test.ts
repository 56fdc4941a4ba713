// X given as one Float32Array with a shape reaches the trainer in place (scikeras's
// tests/test_input_outputs.py::test_input_dtype_conversion: X is not converted unless it must be).
import * as tf from '@tensorflow/tfjs';
import { fastTrainer, type HostRows, type Trainer } from '@scikeras/tfjs-trainer';
import { KerasClassifier } from './index';
import { BACKENDS, checkNoLeakPerTest, mlp, useTestBackend } from './test-utils/backends';

function recording(accepts: boolean): { trainer: Trainer; seen: unknown[] } {
  const seen: unknown[] = [];
  const trainer: Trainer = {
    name: 'recording',
    acceptsHostRows: accepts,
    fit(model, x, y, args) {
      seen.push(x);
      return fastTrainer.fit(model, x, y, args);
    },
  };
  return { trainer, seen };
}

describe('X as { data: Float32Array, shape } (tests/test_input_outputs.py::test_input_dtype_conversion)', () => {
  checkNoLeakPerTest();
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    const n = 30;
    const data = Float32Array.from({ length: n * 4 }, (_, i) => Math.sin(i));
    const y = Array.from({ length: n }, (_, i) => i % 2);

    it('a trainer that takes host rows gets the caller’s Float32Array itself, not a copy', async () => {
      const { trainer, seen } = recording(true);
      const est = new KerasClassifier({
        model: mlp,
        loss: 'sparse_categorical_crossentropy',
        trainer,
        epochs: 1,
        verbose: 0,
      });
      await est.fit({ data, shape: [n, 4] }, y);
      expect(seen).toHaveLength(1);
      expect((seen[0] as HostRows).data).toBe(data);
      expect((seen[0] as HostRows).shape).toEqual([n, 4]);
      expect(est.XDtype_).toBe('float32');
      est.dispose();
    });

    it('a trainer that does not say so gets tensors, as before', async () => {
      const { trainer, seen } = recording(false);
      const est = new KerasClassifier({
        model: mlp,
        loss: 'sparse_categorical_crossentropy',
        trainer,
        epochs: 1,
        verbose: 0,
      });
      await est.fit({ data, shape: [n, 4] }, y);
      expect(seen[0]).toBeInstanceOf(tf.Tensor);
      est.dispose();
    });
  });
});
