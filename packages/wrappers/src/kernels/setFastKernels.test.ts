import * as tf from '@tensorflow/tfjs';
import { KerasRegressor } from '../KerasRegressor';
import { BACKENDS, useTestBackend } from '../test-utils/backends';
import { fastKernelsInstalled, uninstallFastKernels } from './installFastKernels';
import { ensureFastKernels, fastKernelsEnabled, setFastKernels } from './setFastKernels';

const X = Array.from({ length: 12 }, (_, i) => [i / 12, (i % 3) / 3]);
const y = X.map(([a, b]) => a! + 2 * b!);
const build = ({ nFeaturesIn_ }: { nFeaturesIn_: number }) =>
  tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [nFeaturesIn_] })] });

describe('setFastKernels', () => {
  afterEach(() => setFastKernels(true));

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);

    it('is on by default: fit installs the fast kernels for the active backend', async () => {
      uninstallFastKernels();
      expect(fastKernelsEnabled()).toBe(true);
      expect(fastKernelsInstalled(backend)).toBe(false);
      const before = tf.memory().numTensors;
      const est = await new KerasRegressor({
        model: build,
        loss: 'mse',
        epochs: 1,
        verbose: 0,
      }).fit(X, y);
      expect(fastKernelsInstalled(backend)).toBe(true);
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('switched off, uninstalls them and fit does not install them again', async () => {
      setFastKernels(false);
      expect(fastKernelsEnabled()).toBe(false);
      expect(fastKernelsInstalled(backend)).toBe(false);
      const est = await new KerasRegressor({
        model: build,
        loss: 'mse',
        epochs: 1,
        verbose: 0,
      }).fit(X, y);
      expect(fastKernelsInstalled(backend)).toBe(false);
      ensureFastKernels();
      expect(fastKernelsInstalled(backend)).toBe(false);
      est.dispose();
      setFastKernels(true);
      expect(fastKernelsInstalled(backend)).toBe(true);
    });
  });
});
