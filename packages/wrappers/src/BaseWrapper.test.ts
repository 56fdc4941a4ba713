// Ports of scikeras's tests/test_api.py, test_parameters.py, test_errors.py, test_callbacks.py,
// test_compile_kwargs.py and test_meta_arguments.py where they apply to tfjs.
import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, NotFittedError, ValueError, clone } from '@scikeras/estimator-core';
import { BaseWrapper, KerasClassifier, KerasRegressor, type BuildContext } from './index';
import {
  BACKENDS,
  classificationData,
  expectNoLeak,
  mlp,
  regressionData,
  useTestBackend,
  checkNoLeakPerTest,
} from './test-utils/backends';

const { X: Xc, y: yc } = classificationData(20, 3, [0, 1, 2]);
const { X: Xr, y: yr } = regressionData(20, 3);

function clf(extra: Record<string, unknown> = {}): KerasClassifier {
  return new KerasClassifier({
    model: mlp,
    loss: 'sparse_categorical_crossentropy',
    verbose: 0,
    randomState: 0,
    ...extra,
  });
}

function reg(extra: Record<string, unknown> = {}): KerasRegressor {
  return new KerasRegressor({ model: mlp, loss: 'mse', verbose: 0, randomState: 0, ...extra });
}

/** Counts batches per epoch through a callback. */
function batchCounter(): { cb: tf.CustomCallbackArgs; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    cb: {
      onEpochBegin: async () => {
        batches.push(0);
      },
      onBatchEnd: async () => {
        batches[batches.length - 1]! += 1;
      },
    },
  };
}

describe('BaseWrapper', () => {
  checkNoLeakPerTest();
  describe('params', () => {
    it('has scikeras 0.13 defaults, and a trainer', () => {
      expect(new BaseWrapper().getParams()).toEqual({
        model: null,
        warmStart: false,
        randomState: null,
        optimizer: 'rmsprop',
        loss: null,
        metrics: null,
        batchSize: null,
        validationBatchSize: null,
        verbose: 1,
        callbacks: null,
        validationSplit: 0,
        validationData: null,
        shuffle: true,
        runEagerly: false,
        epochs: 1,
        trainer: 'fast', // ours: @scikeras/tfjs-trainer's fast trainer
      });
      expect(new KerasClassifier().getParams().classWeight).toBeNull();
    });

    it('keeps extra and routed params, and clone copies them', () => {
      const est = new KerasRegressor({
        hidden: 4,
        fit__batchSize: 2,
        optimizer__learningRate: 0.1,
      });
      expect(est.getParams()).toMatchObject({
        hidden: 4,
        fit__batchSize: 2,
        optimizer__learningRate: 0.1,
      });
      expect(clone(est).getParams()).toEqual(est.getParams());
      est.setParams({ predict__batchSize: 7, hidden: 5 });
      expect(est.getParams()).toMatchObject({ predict__batchSize: 7, hidden: 5 });
    });

    it('rejects an unknown unrouted param in setParams with scikeras hint', () => {
      const est = new BaseWrapper();
      expect(() => est.setParams({ test: 1 })).toThrow(InvalidParameterError);
      expect(() => est.setParams({ test: 1 })).toThrow(
        'Invalid parameter test for estimator BaseWrapper.\nThis issue can likely be resolved by setting this parameter in the BaseWrapper constructor:\n`new BaseWrapper({ test: 1 })`\nCheck the list of available parameters with `Object.keys(estimator.getParams())`',
      );
    });

    it('has no default scorer', () => {
      expect(() => BaseWrapper.scorer([1], [1])).toThrow(
        'Scoring is not implemented on BaseWrapper.',
      );
    });
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);

    describe('build context', () => {
      it('passes data, meta, every param, model__ overrides, compileKwargs and params', async () => {
        let seen: BuildContext | undefined;
        const est = clf({
          model: (ctx: BuildContext) => {
            seen = ctx;
            return mlp(ctx as Parameters<typeof mlp>[0]);
          },
          hidden: 3,
          model__hidden: 5,
          aKwarg: 'saveme',
        });
        await est.fit(Xc, yc);
        const ctx = seen!;
        expect(ctx.hidden).toBe(5);
        expect(ctx.aKwarg).toBe('saveme');
        expect(ctx.epochs).toBe(1);
        expect(ctx.X.shape).toEqual([20, 3]);
        expect(ctx.y).toEqual(yc);
        expect(new Set(Object.keys(ctx.meta))).toEqual(
          new Set([
            'XDtype_',
            'XShape_',
            'nFeaturesIn_',
            'yDtype_',
            'yNdim_',
            'targetEncoder_',
            'featureEncoder_',
            'classes_',
            'nClasses_',
            'nOutputs_',
            'nOutputsExpected_',
            'targetType_',
          ]),
        );
        expect(ctx).toMatchObject({
          nFeaturesIn_: 3,
          nClasses_: 3,
          classes_: [0, 1, 2],
          targetType_: 'multiclass',
          nOutputs_: 1,
          nOutputsExpected_: 1,
          XShape_: [20, 3],
          yDtype_: 'int',
        });
        expect(ctx.params).toEqual(est.getParams());
        expect(ctx.compileKwargs.loss).toBe('sparseCategoricalCrossentropy');
        expect(ctx.compileKwargs.optimizer).toBeInstanceOf(tf.Optimizer);
        est.dispose();
      });

      it('regressor meta', async () => {
        let meta: Record<string, unknown> = {};
        const est = reg({
          model: (ctx: BuildContext) => {
            meta = ctx.meta;
            return mlp(ctx as Parameters<typeof mlp>[0]);
          },
        });
        await est.fit(Xr, yr);
        expect(meta).toMatchObject({
          nOutputs_: 1,
          nOutputsExpected_: 1,
          targetType_: 'continuous',
          nFeaturesIn_: 3,
        });
        expect(meta.classes_).toBeUndefined();
        est.dispose();
      });
    });

    describe('routing', () => {
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

      it('predict: predict__batchSize > batchSize, -1 is the whole data', async () => {
        const est = reg({ batchSize: 4, predict__batchSize: -1 });
        await est.fit(Xr, yr);
        const spy = jest.spyOn(est.model_!, 'predict');
        await est.predict(Xr);
        expect(spy.mock.calls[0]![1]).toEqual({ batchSize: 20 });
        est.setParams({ predict__batchSize: 3 });
        await est.predict(Xr);
        expect(spy.mock.calls[1]![1]).toEqual({ batchSize: 3 });
        await est.predict(Xr, { batchSize: 2 });
        expect(spy.mock.calls[2]![1]).toEqual({ batchSize: 2 });
        est.dispose();
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

    describe('compile', () => {
      it.each([
        ['adam', 'Adam'],
        ['sgd', 'SGD'],
        ['RMSprop', 'RMSProp'],
        ['adagrad', 'Adagrad'],
      ])('optimizer name %s with optimizer__learningRate', async (name, className) => {
        const est = reg({ optimizer: name, optimizer__learningRate: 0.05 });
        await est.fit(Xr, yr);
        const opt = est.model_!.optimizer;
        expect((opt.constructor as unknown as { className: string }).className).toBe(className);
        expect(opt.getConfig().learningRate).toBeCloseTo(0.05);
        est.dispose();
      });

      it('optimizer class, factory and instance; instances are never shared', async () => {
        const instance = tf.train.adam(0.02);
        for (const optimizer of [
          tf.AdamOptimizer,
          (p: Record<string, unknown>) => tf.train.sgd(Number(p.learningRate ?? 0.3)),
          instance,
        ]) {
          const est = reg({ optimizer, optimizer__learningRate: 0.3 });
          await est.fit(Xr, yr);
          const opt = est.model_!.optimizer;
          expect(opt).not.toBe(instance);
          expect(opt.getConfig().learningRate).toBeCloseTo(0.3);
          const est2 = clone(est);
          await est2.fit(Xr, yr);
          expect(est2.model_!.optimizer).not.toBe(opt);
          est.dispose();
          est2.dispose();
        }
        expect(instance.getConfig().learningRate).toBeCloseTo(0.02);
        instance.dispose();
      });

      it('Keras loss and metric names', async () => {
        const est = clf({
          loss: 'sparse_categorical_crossentropy',
          metrics: ['accuracy', 'sparse_categorical_crossentropy'],
        });
        await est.fit(Xc, yc);
        expect(Object.keys(est.history_!).sort()).toEqual([
          'accuracy',
          'loss',
          'sparse_categorical_crossentropy',
        ]);
        est.dispose();
        const r = reg({ loss: 'mean_absolute_error', metrics: ['mse'], validationSplit: 0.25 });
        await r.fit(Xr, yr);
        expect(Object.keys(r.history_!).sort()).toEqual([
          'loss',
          'mean_squared_error',
          'val_loss',
          'val_mean_squared_error',
        ]);
        r.dispose();
      });

      it('a loss class is built with its loss__ params', async () => {
        class HuberLoss {
          constructor(readonly args: { delta?: number }) {}
          call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
            return tf.losses.huberLoss(yTrue, yPred, undefined, this.args.delta);
          }
        }
        const made: number[] = [];
        class Recorded extends HuberLoss {
          constructor(args: { delta?: number }) {
            super(args);
            made.push(args.delta!);
          }
        }
        const est = reg({ loss: Recorded, loss__delta: 0.5 });
        await est.fit(Xr, yr);
        expect(made.length).toBeGreaterThan(0);
        expect(new Set(made)).toEqual(new Set([0.5]));
        expect(Number.isFinite(est.history_!.loss![0])).toBe(true);
        est.dispose();
      });

      it('compile__ routed params override', async () => {
        const est = reg({ loss: 'mse', compile__loss: 'mae' });
        await est.fit(Xr, yr);
        expect(est.model_!.loss).toBe('meanAbsoluteError');
        est.dispose();
      });

      it('keeps a model compiled by the build function', async () => {
        const est = reg({
          loss: null,
          model: (ctx: BuildContext) => {
            const m = mlp(ctx as Parameters<typeof mlp>[0]);
            m.compile({ optimizer: ctx.compileKwargs.optimizer, loss: 'meanAbsoluteError' });
            return m;
          },
        });
        await est.fit(Xr, yr);
        expect(est.model_!.loss).toBe('meanAbsoluteError');
        est.dispose();
      });

      it('rejects a loss param that differs from the compiled model', async () => {
        const est = reg({
          loss: 'mae',
          model: (ctx: BuildContext) => {
            const m = mlp(ctx as Parameters<typeof mlp>[0]);
            m.compile({ optimizer: ctx.compileKwargs.optimizer, loss: 'meanSquaredError' });
            return m;
          },
        });
        await expect(est.fit(Xr, yr)).rejects.toThrow(
          'loss=mae but model compiled with meanSquaredError. Data may not match loss function!',
        );
        est.dispose();
      });

      it.each([[null], [[null]]])('no loss (%p) and no compiled model', async (loss) => {
        const before = tf.memory().numTensors;
        const est = reg({ loss });
        await expect(est.fit(Xr, yr)).rejects.toThrow(
          /^No valid loss function found\. You must provide a loss or a compiled model\./,
        );
        await expect(est.fit(Xr, yr)).rejects.toThrow(ValueError);
        est.dispose();
        expect(tf.memory().numTensors).toBe(before);
      });

      it('no optimizer', async () => {
        const est = reg({ optimizer: null });
        await expect(est.fit(Xr, yr)).rejects.toThrow('Could not interpret optimizer identifier');
        est.dispose();
      });
    });

    describe('model param', () => {
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

    describe('partialFit, warmStart and history', () => {
      it('partialFit trains one epoch and appends to history_', async () => {
        const est = clf({ metrics: ['accuracy'] });
        for (let k = 0; k < 3; k++) {
          await est.partialFit(Xc, yc);
          expect(est.history_!.loss!).toHaveLength(k + 1);
          expect(est.currentEpoch_).toBe(k + 1);
          expect(Object.keys(est.history_!).sort()).toEqual(['accuracy', 'loss']);
        }
        const model = est.model_;
        await est.fit(Xc, yc, { epochs: 2 });
        expect(est.model_).not.toBe(model);
        expect(est.currentEpoch_).toBe(2);
        await est.partialFit(Xc, yc);
        expect(est.currentEpoch_).toBe(3);
        est.dispose();
      });

      it.each([true, false])('warmStart=%p keeps model_ across fit', async (warmStart) => {
        const est = reg({ warmStart, epochs: 2 });
        await est.fit(Xr, yr);
        const model = est.model_;
        const weights = model!.getWeights()[0]!.arraySync();
        await est.fit(Xr, yr);
        expect(est.model_ === model).toBe(warmStart);
        if (warmStart) expect(est.model_!.getWeights()[0]!.arraySync()).not.toEqual(weights);
        expect(est.history_!.loss!).toHaveLength(2);
        expect(est.currentEpoch_).toBe(2);
        est.dispose();
      });

      it('partialFit rejects epochs and initialEpoch', async () => {
        const est = reg();
        await expect(est.partialFit(Xr, yr, { epochs: 2 })).rejects.toThrow(
          'Invalid argument `epochs` to `partialFit`: `partialFit` always trains for 1 epoch',
        );
        await expect(est.partialFit(Xr, yr, { initialEpoch: 2 })).rejects.toThrow(TypeError);
      });

      it('errors when X or y change between partialFit calls (test_errors.py)', async () => {
        const r = reg();
        await r.fit(
          [
            [1, 2],
            [3, 4],
          ],
          [
            [0, 1, 0],
            [1, 0, 0],
          ],
        );
        await expect(
          r.partialFit(
            [[1], [3]],
            [
              [0, 1, 0],
              [1, 0, 0],
            ],
          ),
        ).rejects.toThrow('X has 1 features, but KerasRegressor is expecting 2 features as input.');
        await expect(
          r.partialFit(
            [
              [1, 2],
              [3, 4],
            ],
            [
              [0, 1],
              [1, 0],
            ],
          ),
        ).rejects.toThrow(/^Detected `y` to have 2 outputs/);
        r.dispose();
        const c = clf();
        await c.fit(
          [
            [1, 2],
            [2, 3],
          ],
          [1, 3],
        );
        await c.partialFit(
          [
            [1, 2],
            [2, 3],
          ],
          new Uint8Array([1, 3]),
        );
        await expect(
          c.partialFit(
            [
              [1, 2],
              [2, 3],
            ],
            [1.5, 3],
          ),
        ).rejects.toThrow(
          'Got y with dtype float, but this KerasClassifier expected int and casting from float to int is not safe!',
        );
        await expect(
          c.partialFit(
            [
              [1, 2],
              [2, 3],
            ],
            [[1], [3]],
          ),
        ).rejects.toThrow(
          'y has 2 dimensions, but this KerasClassifier is expecting 1 dimensions in y.',
        );
        await expect(
          c.partialFit(
            [
              [1, 2],
              [2, 3],
            ],
            [10, 3],
          ),
        ).rejects.toThrow('Found unknown categories');
        c.dispose();
      });

      it('not fitted', async () => {
        const est = clf();
        await expect(est.predict(Xc)).rejects.toThrow(NotFittedError);
        await expect(est.predictProba(Xc)).rejects.toThrow(
          "This KerasClassifier instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
        );
      });

      it('initialize builds without training', async () => {
        const est = clf();
        await est.initialize(Xc, yc);
        expect(est.initialized_).toBe(true);
        expect(est.history_).toEqual({});
        expect(await est.predict(Xc)).toHaveLength(20);
        est.dispose();
      });
    });

    describe('sample weights', () => {
      it('weights the loss per sample', async () => {
        const one = reg({ batchSize: -1, shuffle: false });
        await one.fit(Xr, yr, { sampleWeight: new Array(20).fill(1) });
        const two = reg({ batchSize: -1, shuffle: false });
        await two.fit(Xr, yr, { sampleWeight: new Array(20).fill(2) });
        expect(two.history_!.loss![0]).toBeCloseTo(2 * one.history_!.loss![0]!, 4);
        one.dispose();
        two.dispose();
      });

      it('drops zero-weight rows and rejects all-zero weights', async () => {
        const { cb, batches } = batchCounter();
        const est = reg({ batchSize: 4, fit__callbacks: [cb] });
        await est.fit(Xr, yr, {
          sampleWeight: Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 : 0)),
        });
        expect(batches).toEqual([3]);
        await expect(est.fit(Xr, yr, { sampleWeight: new Array(20).fill(0) })).rejects.toThrow(
          "No training samples had any weight; only zeros were passed in sample_weight. That means there's nothing to train on by definition, so training can not be completed.",
        );
        await expect(est.fit(Xr, yr, { sampleWeight: [1, 2] })).rejects.toThrow(
          'sample_weight.shape == (2,), expected (20,)!',
        );
        est.dispose();
      });
    });

    describe('validation', () => {
      it('validationData is a fixed hold-out (scikeras #289)', async () => {
        const est = reg({
          validationData: [Xr.slice(0, 5), (yr as number[]).slice(0, 5)],
          epochs: 2,
        });
        await est.fit(Xr, yr);
        expect(est.history_!.val_loss).toHaveLength(2);
        est.dispose();
      });

      it('early stopping on the hold-out', async () => {
        const est = reg({
          validationData: [Xr.slice(0, 5), (yr as number[]).slice(0, 5)],
          epochs: 50,
          optimizer__learningRate: 0,
          optimizer: 'sgd',
          callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 1 })],
        });
        await est.fit(Xr, yr);
        expect(est.history_!.loss!.length).toBeLessThan(50);
        est.dispose();
      });
    });

    describe('callbacks', () => {
      class Sentinel extends tf.Callback {
        trainBegin = 0;
        constructor(readonly args: { startAt?: number } = {}) {
          super();
          this.trainBegin = args.startAt ?? 0;
        }
        override async onTrainBegin(): Promise<void> {
          this.trainBegin += 1;
        }
      }

      it('are invoked per phase: callbacks in fit and predict, fit__/predict__ in theirs', async () => {
        const calls: string[] = [];
        const both = {
          onTrainBegin: async () => void calls.push('both:train'),
          onPredictBegin: () => void calls.push('both:predict'),
        };
        const fitOnly = { onTrainBegin: async () => void calls.push('fit:train') };
        const predictOnly = {
          onPredictBegin: () => void calls.push('predict:predict'),
          onPredictEnd: () => void calls.push('predict:end'),
        };
        const est = reg({
          callbacks: [both],
          fit__callbacks: [fitOnly],
          predict__callbacks: [predictOnly],
        });
        await est.fit(Xr, yr);
        expect(calls).toEqual(['both:train', 'fit:train']);
        calls.length = 0;
        await est.predict(Xr);
        expect(calls).toEqual(['both:predict', 'predict:predict', 'predict:end']);
        est.dispose();
      });

      it('instances are shared by reference; classes are built with callbacks__ params', async () => {
        const sentinel = new Sentinel();
        const est = clf({ callbacks: [sentinel] });
        await est.fit([[0]], [1]);
        expect(sentinel.trainBegin).toBe(1);
        expect((clone(est).callbacks as Sentinel[])[0]).toBe(sentinel);
        est.dispose();
        const built: Sentinel[] = [];
        class Recorded extends Sentinel {
          constructor(args: { startAt?: number }) {
            super(args);
            built.push(this);
          }
        }
        const est2 = reg({ callbacks: [Recorded], callbacks__0__startAt: 10 });
        await est2.fit(Xr, yr);
        expect(built).toHaveLength(1);
        expect(built[0]!.trainBegin).toBe(11);
        est2.dispose();
      });

      it('rejects callbacks of the wrong type', async () => {
        const est = reg({ callbacks: [42] });
        await expect(est.fit(Xr, yr)).rejects.toThrow(/^If specified, `callbacks` must be one of:/);
        est.dispose();
      });
    });

    describe('randomState', () => {
      it('same seed: identical weights, predictions and history; different seeds differ', async () => {
        const run = async (seed: number) => {
          const est = clf({ randomState: seed, epochs: 2, batchSize: 5, model__hidden: 4 });
          await est.fit(Xc, yc);
          const out = {
            weights: est.model_!.getWeights().map((w) => w.arraySync()),
            proba: await est.predictProba(Xc),
            history: est.history_,
          };
          est.dispose();
          return out;
        };
        const random = Math.random;
        const a = await run(1);
        const b = await run(1);
        const c = await run(2);
        expect(Math.random).toBe(random);
        expect(b).toEqual(a);
        expect(c.weights).not.toEqual(a.weights);
      });
    });

    describe('verbose', () => {
      const capture = async (verbose: number, isTTY: boolean): Promise<string> => {
        const out = process.stdout;
        const writes: string[] = [];
        const spy = jest.spyOn(out, 'write').mockImplementation((s: string | Uint8Array) => {
          writes.push(String(s));
          return true;
        });
        const tty = out.isTTY;
        out.isTTY = isTTY;
        try {
          const est = reg({ verbose, epochs: 2, batchSize: 10 });
          await est.fit(Xr, yr);
          est.dispose();
        } finally {
          spy.mockRestore();
          out.isTTY = tty;
        }
        return writes.join('');
      };

      it('0 is silent', async () => {
        expect(await capture(0, true)).toBe('');
      });

      it('2 prints one line per epoch', async () => {
        const lines = (await capture(2, false)).trim().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/^Epoch 1\/2 - [\d.]+s - loss: \d+\.\d{4}$/);
      });

      it('1 prints a progress bar per epoch (plain lines when not a TTY)', async () => {
        const plain = await capture(1, false);
        expect(plain).not.toContain('\r');
        expect(plain.trim().split('\n')).toHaveLength(4);
        expect(plain).toMatch(/^Epoch 1\/2\n2\/2 \[=+\] - [\d.]+s - loss: /);
        const tty = await capture(1, true);
        expect(tty).toContain('\r1/2 [');
      });
    });

    describe('tfjs memory', () => {
      it('fit keeps only the model weights and optimizer slots; dispose frees them', async () => {
        const before = tf.memory().numTensors;
        const est = clf({ optimizer: 'adam' });
        await est.fit(Xc, yc);
        const m = est.model_!;
        // Adam keeps m and v per trainable weight plus its two beta-power variables
        const kept = m.weights.length + 2 * m.trainableWeights.length + 2;
        expect(tf.memory().numTensors).toBe(before + kept);
        await expectNoLeak(async () => {
          await est.predict(Xc);
          await est.predictProba(Xc);
          await est.score(Xc, yc);
          clone(est);
        });
        await est.fit(Xc, yc);
        expect(tf.memory().numTensors).toBe(before + kept);
        est.dispose();
        expect(tf.memory().numTensors).toBe(before);
      });

      it('accepts tf tensors as X', async () => {
        const before = tf.memory().numTensors;
        const X = tf.tensor2d(Xr);
        const est = reg();
        await est.fit(X, yr);
        expect((await est.predict(X)).length).toBe(20);
        est.dispose();
        X.dispose();
        expect(tf.memory().numTensors).toBe(before);
      });
    });
  });
});
