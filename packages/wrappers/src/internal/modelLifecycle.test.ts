// Ports of scikeras's tests/test_api.py (prebuilt models) and test_errors.py TestInvalidBuildFn (moved from BaseWrapper.test.ts).
import * as tf from '@tensorflow/tfjs';
import { KerasRegressor, type BuildContext } from '../index';
import { BACKENDS, checkNoLeakPerTest, mlp, useTestBackend } from '../test-utils/backends';
import {
  testClassifier as clf,
  testRegressor as reg,
  wrapperTestData,
} from '../test-utils/wrappers';

const { Xc, yc, Xr, yr } = wrapperTestData();

describe('the model param', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it('a prebuilt model is copied with its weights and never mutated', async () => {
      const user = mlp({ nFeaturesIn_: 3 });
      const before = user.getWeights().map((w) => w.arraySync());
      const est = reg({ model: user });
      await est.fit(Xr, yr, { epochs: 2 });
      expect(est.model_).not.toBe(user);
      expect(user.getWeights().map((w) => w.arraySync())).toEqual(before);
      expect((user as unknown as { optimizer_?: unknown }).optimizer_).toBeUndefined();
      // the copy started from the user's weights: initialize only (no training) predicts the same
      const fresh = reg({ model: user });
      await fresh.initialize(Xr, yr);
      const want = tf.tidy(() =>
        (user.predict(tf.tensor2d(Xr.slice(0, 2))) as tf.Tensor).arraySync(),
      );
      expect(await fresh.predict(Xr.slice(0, 2))).toEqual((want as number[][]).map((r) => r[0]));
      est.dispose();
      fresh.dispose();
      user.dispose();
    });

    it('a compiled prebuilt model keeps its loss and gets its own optimizer', async () => {
      const user = mlp({ nFeaturesIn_: 3 });
      const opt = tf.train.sgd(0.01);
      user.compile({ optimizer: opt, loss: 'meanAbsoluteError' });
      const est = reg({ model: user, loss: null });
      await est.fit(Xr, yr);
      expect(est.model_!.loss).toBe('meanAbsoluteError');
      expect(est.model_!.optimizer).not.toBe(opt);
      est.dispose();
      user.dispose();
      opt.dispose();
    });

    it('errors from test_errors.py TestInvalidBuildFn', async () => {
      await expect(reg({ model: { not: 'a model' } }).fit(Xr, yr)).rejects.toThrow(
        /^`model` must be a function, a tf.LayersModel instance or null/,
      );
      class NoBuildFn extends KerasRegressor {}
      await expect(new NoBuildFn({ loss: 'mse', verbose: 0 }).fit(Xr, yr)).rejects.toThrow(
        'If not using the `model` param, you must implement `buildModel` in a subclass.',
      );
      class Both extends KerasRegressor {
        override buildModel(ctx: BuildContext): tf.LayersModel {
          return mlp(ctx as Parameters<typeof mlp>[0]);
        }
      }
      await expect(new Both({ model: mlp, loss: 'mse', verbose: 0 }).fit(Xr, yr)).rejects.toThrow(
        'This class cannot implement `buildModel` if using the `model` parameter.',
      );
      await expect(reg({ model: () => null }).fit(Xr, yr)).rejects.toThrow(
        'The model-building function must return a tf.LayersModel; got null.',
      );
    });

    it('checks that the model has as many outputs as the target needs', async () => {
      const est = clf({ model: mlp });
      const y2 = yc.map((v, i) => [v, (v + i) % 3]);
      await expect(est.fit(Xc, y2)).rejects.toThrow(
        /^Detected a Keras model input of size 2, but .* has 1 outputs$/,
      );
      est.dispose();
    });
  });
});
