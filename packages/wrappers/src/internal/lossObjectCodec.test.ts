import * as tf from '@tensorflow/tfjs';
import {
  KerasRegressor,
  loadEstimator,
  registerLoss,
  saveEstimator,
  unregisterModel,
} from '../index';
import { mlp } from '../test-utils/backends';

class Huber {
  constructor(readonly config: { delta: number } = { delta: 1 }) {}
  getConfig(): { delta: number } {
    return this.config;
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.losses.huberLoss(yTrue, yPred, undefined, this.config.delta);
  }
}

class Stateful {
  delta = 2;
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.metrics.meanSquaredError(yTrue, yPred);
  }
}

class Unregistered {
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.metrics.meanSquaredError(yTrue, yPred);
  }
}

describe('loss objects in saveEstimator / loadEstimator', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    registerLoss('lossObjectCodec-Huber', Huber);
    registerLoss('lossObjectCodec-Stateful', Stateful);
  });
  afterAll(() => {
    unregisterModel('lossObjectCodec-Huber');
    unregisterModel('lossObjectCodec-Stateful');
  });

  it('stores a registered class by name with its getConfig(), rebuilt with new Klass(config)', async () => {
    const before = tf.memory().numTensors;
    const est = new KerasRegressor({ model: mlp, loss: new Huber({ delta: 0.5 }), verbose: 0 });
    const art = await saveEstimator(est);
    expect((art.manifest.estimator as { params: Record<string, unknown> }).params.loss).toEqual({
      $scikeras: 'lossObject',
      class: { $scikeras: 'function', name: 'lossObjectCodec-Huber', registered: true },
      config: { delta: 0.5 },
    });
    const loaded = await loadEstimator<KerasRegressor>(art);
    const loss = loaded.getParams().loss as Huber;
    expect(loss).toBeInstanceOf(Huber);
    expect(loss.config).toEqual({ delta: 0.5 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses an unregistered class, and state that no getConfig() returns, naming the fix', async () => {
    const before = tf.memory().numTensors;
    await expect(
      saveEstimator(new KerasRegressor({ model: mlp, loss: new Unregistered() })),
    ).rejects.toThrow(
      "KerasRegressor cannot be saved: its parameter 'loss' is an instance of Unregistered, a loss or metric class that is not registered. Register the class with registerLoss('Unregistered', Unregistered, { module: import.meta.url })",
    );
    await expect(
      saveEstimator(new KerasRegressor({ model: mlp, metrics: [new Stateful()] })),
    ).rejects.toThrow(
      "an instance of the registered class 'lossObjectCodec-Stateful' with own fields (delta) and no getConfig(). Give Stateful a getConfig() method",
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
