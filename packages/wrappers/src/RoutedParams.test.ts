// Params routed once per fit, one optimizer per fit (issue 12 item 2).
import * as tf from '@tensorflow/tfjs';
import type { Params } from '@scikeras/estimator-core';
import { KerasClassifier, KerasRegressor, type BuildContext } from './index';
import { FIT_KWARGS, routeWrapperParams } from './RoutedParams';
import {
  BACKENDS,
  checkNoLeakPerTest,
  classificationData,
  mlp,
  regressionData,
  useTestBackend,
} from './test-utils/backends';

const { X, y } = regressionData(12, 3);

class CountingAdam extends tf.AdamOptimizer {
  static override className = 'CountingAdam';
  static made = 0;
  constructor(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon);
    CountingAdam.made += 1;
  }
}
tf.serialization.registerClass(CountingAdam);

describe('routeWrapperParams', () => {
  it('sends every param to its destination, dest__x over x', () => {
    const routed = routeWrapperParams(
      {
        epochs: 2,
        batchSize: 8,
        hidden: 4,
        optimizer: 'adam',
        loss: 'mse',
        model__hidden: 5,
        fit__batchSize: 16,
        fit__callbacks: [],
        predict__batchSize: 64,
        compile__loss: 'mae',
        optimizer__learningRate: 0.1,
        loss__delta: 1,
        metrics__0__k: 2,
        callbacks: null,
        callbacks__0__patience: 3,
        score__multioutput: 'raw_values',
      },
      FIT_KWARGS,
    );
    expect(routed).toEqual({
      model: {
        epochs: 2,
        batchSize: 8,
        hidden: 5,
        optimizer: 'adam',
        loss: 'mse',
        callbacks: null,
      },
      compile: { optimizer: 'adam', loss: 'mae' },
      optimizer: { learningRate: 0.1 },
      loss: { delta: 1 },
      metrics: { '0__k': 2 },
      fit: { epochs: 2, batchSize: 16 },
      predict: { batchSize: 64 },
      callbacks: { fit__callbacks: [], callbacks: null, callbacks__0__patience: 3 },
      score: { multioutput: 'raw_values' },
    });
  });
});

describe('one routing and one optimizer per fit', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it('reads the params once per fit, partialFit and predict', async () => {
      const est = new KerasRegressor({
        model: mlp,
        loss: 'mse',
        verbose: 0,
        optimizer: 'adam',
        optimizer__learningRate: 0.01,
      });
      // count every read of the param (it was read 8 times per fit before)
      let reads = 0;
      Object.defineProperty(est, 'optimizer__learningRate', {
        get: () => {
          reads += 1;
          return 0.01;
        },
        enumerable: true,
        configurable: true,
      });
      const spy = jest.spyOn(est, 'getParams');
      const count = async (fn: () => Promise<unknown>) => {
        spy.mockClear();
        reads = 0;
        await fn();
        return [spy.mock.calls.length, reads];
      };
      expect(await count(() => est.fit(X, y))).toEqual([1, 1]);
      expect(await count(() => est.partialFit(X, y))).toEqual([1, 1]);
      expect(await count(() => est.initialize(X, y))).toEqual([1, 1]);
      expect(await count(() => est.predict(X))).toEqual([1, 1]);
      expect(est.model_!.optimizer.getConfig().learningRate).toBeCloseTo(0.01);
      spy.mockRestore();
      est.dispose();
    });

    it('builds one optimizer per fit from scratch, none for a warm fit', async () => {
      const made: tf.Optimizer[] = [];
      const factory = (p: Params) => {
        const opt = tf.train.adam(Number(p.learningRate ?? 0.001));
        made.push(opt);
        return opt;
      };
      const est = new KerasRegressor({
        model: mlp,
        loss: 'mse',
        verbose: 0,
        optimizer: factory,
        optimizer__learningRate: 0.02,
      });
      await est.fit(X, y);
      expect(made).toHaveLength(1);
      expect(est.model_!.optimizer).toBe(made[0]);
      await est.partialFit(X, y);
      expect(made).toHaveLength(1);
      await est.fit(X, y);
      expect(made).toHaveLength(2);
      est.dispose();
    });

    it('a build function compiling with ctx.compileKwargs gets the same one optimizer', async () => {
      CountingAdam.made = 0;
      const est = new KerasClassifier({
        model: (ctx: BuildContext) => {
          const m = mlp(ctx);
          m.compile({
            optimizer: ctx.compileKwargs.optimizer,
            loss: 'sparseCategoricalCrossentropy',
          });
          return m;
        },
        optimizer: CountingAdam,
        verbose: 0,
      });
      const data = classificationData(12, 3, [0, 1, 2]);
      await est.fit(data.X, data.y);
      expect(CountingAdam.made).toBe(1);
      expect(est.model_!.optimizer).toBeInstanceOf(CountingAdam);
      est.dispose();
      // compiled by the build function with its own optimizer: ours is built once and freed
      CountingAdam.made = 0;
      const own = new KerasClassifier({
        model: (ctx: BuildContext) => {
          const m = mlp(ctx);
          m.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
          return m;
        },
        optimizer: CountingAdam,
        verbose: 0,
      });
      const before = tf.memory().numTensors;
      await own.fit(data.X, data.y);
      expect(CountingAdam.made).toBe(1);
      own.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
