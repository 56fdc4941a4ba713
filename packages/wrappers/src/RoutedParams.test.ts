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
import { batchCounter, testRegressor as reg, wrapperTestData } from './test-utils/wrappers';

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

// Ports of scikeras's tests/test_parameters.py routing cases (moved from BaseWrapper.test.ts).
describe('routing at fit and predict', () => {
  const { Xr, yr } = wrapperTestData();
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it('batch size: call option > fit__batchSize > batchSize; -1 is the whole data', async () => {
      const cases: [Record<string, unknown>, Record<string, unknown>, number][] = [
        [{ batchSize: 5 }, {}, 4],
        [{ batchSize: 5, fit__batchSize: 10 }, {}, 2],
        [{ batchSize: 5, fit__batchSize: 10 }, { batchSize: 20 }, 1],
        [{ batchSize: -1 }, {}, 1],
        [{ fit__batchSize: -1 }, {}, 1],
      ];
      for (const [params, options, expected] of cases) {
        const { cb, batches } = batchCounter();
        const est = reg({ ...params, fit__callbacks: [cb] });
        await est.fit(Xr, yr, options);
        expect(batches).toEqual([expected]);
        est.dispose();
      }
    });

    it('epochs: call option > fit__epochs > epochs', async () => {
      const est = reg({ epochs: 2 });
      await est.fit(Xr, yr);
      expect(est.history_!.loss!).toHaveLength(2);
      est.setParams({ fit__epochs: 3 });
      await est.fit(Xr, yr);
      expect(est.history_!.loss!).toHaveLength(3);
      await est.fit(Xr, yr, { epochs: 1 });
      expect(est.history_!.loss!).toHaveLength(1);
      est.dispose();
    });

    it('predict: call option > predict__batchSize > batchSize, -1 is the whole data', async () => {
      const est = reg({ batchSize: 4, predict__batchSize: -1 });
      await est.fit(Xr, yr);
      if (backend === 'wasm') {
        // a Dense chain on wasm predicts through tfjs-trainer's predictDenseChain, in chunks of
        // its own (the same values whatever the batch): the batches are seen on cpu only
        const spyWasm = jest.spyOn(est.model_!, 'apply');
        const whole = await est.predict(Xr);
        expect(await est.predict(Xr, { batchSize: 2 })).toEqual(whole);
        expect(spyWasm).not.toHaveBeenCalled();
        spyWasm.mockRestore();
        est.dispose();
        return;
      }
      const spy = jest.spyOn(est.model_!, 'apply');
      /** The rows of each batch that one `predict` call runs the model on. */
      const batches = async (options: { batchSize?: number } = {}): Promise<number[]> => {
        spy.mockClear();
        await est.predict(Xr, options);
        return spy.mock.calls.map(([x]) => (x as tf.Tensor).shape[0]!);
      };
      expect(await batches()).toEqual([20]);
      est.setParams({ predict__batchSize: 3 });
      expect(await batches()).toEqual([3, 3, 3, 3, 3, 3, 2]);
      expect(await batches({ batchSize: 2 })).toEqual(new Array(10).fill(2));
      est.setParams({ predict__batchSize: null });
      expect(await batches()).toEqual([20]); // null: tfjs's default of 32
      spy.mockRestore();
      const plain = reg({ batchSize: 4 });
      await plain.fit(Xr, yr);
      const spy2 = jest.spyOn(plain.model_!, 'apply');
      await plain.predict(Xr);
      expect(spy2.mock.calls.map(([x]) => (x as tf.Tensor).shape[0])).toEqual([4, 4, 4, 4, 4]);
      est.dispose();
      plain.dispose();
    });

    it('score__ params reach the scorer', async () => {
      const est = reg({ score__multioutput: 'raw_values' });
      await est.fit(Xr, yr);
      const spy = jest.spyOn(KerasRegressor, 'scorer');
      await est.score(Xr, yr);
      expect(spy.mock.calls[0]![2]).toEqual({ multioutput: 'raw_values' });
      spy.mockRestore();
      est.dispose();
    });
  });
});
