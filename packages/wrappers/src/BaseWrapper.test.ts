// Ports of scikeras's tests/test_api.py, test_parameters.py, test_errors.py and
// test_meta_arguments.py where they apply to tfjs (routing, compile, model, sample-weight,
// callback and verbose cases live beside their code).
import * as tf from '@tensorflow/tfjs';
import {
  InvalidParameterError,
  NotFittedError,
  catchWarnings,
  clone,
} from '@scikeras/estimator-core';
import { BaseWrapper, KerasClassifier, KerasRegressor, type BuildContext } from './index';
import {
  BACKENDS,
  expectNoLeak,
  mlp,
  useTestBackend,
  checkNoLeakPerTest,
} from './test-utils/backends';
import {
  testClassifier as clf,
  testRegressor as reg,
  wrapperTestData,
} from './test-utils/wrappers';

const { Xc, yc, Xr, yr } = wrapperTestData();

describe('BaseWrapper', () => {
  checkNoLeakPerTest();
  describe('params', () => {
    it('has scikeras 0.13 defaults, and a trainer', () => {
      expect(new BaseWrapper().getParams()).toEqual({
        model: null,
        buildFn: null, // scikeras's deprecated build_fn
        copyModel: true, // ours: a prebuilt model is copied unless false
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
      const est = new KerasRegressor<{ hidden: number }>({
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

    it('suggests the closest param for a typo in setParams', () => {
      expect(() => new KerasClassifier().setParams({ epoch: 5 })).toThrow(
        new InvalidParameterError(
          "Invalid parameter epoch for estimator KerasClassifier. Did you mean 'epochs'?\nThis issue can likely be resolved by setting this parameter in the KerasClassifier constructor:\n`new KerasClassifier({ epoch: 5 })`\nCheck the list of available parameters with `Object.keys(estimator.getParams())`",
        ),
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
        type Ctx = BuildContext<{ hidden: number; aKwarg: string }>;
        let seen: Ctx | undefined;
        const est = clf({
          model: (ctx: Ctx) => {
            seen = ctx;
            return mlp(ctx as Parameters<typeof mlp>[0]);
          },
          hidden: 3,
          model__hidden: 5,
          aKwarg: 'saveme',
        });
        const { warnings } = await catchWarnings(() => est.fit(Xc, yc));
        // the build function never read aKwarg (the test reads it below)
        expect(warnings.map((w) => w.message)).toEqual([
          expect.stringMatching(/^Parameter 'aKwarg' of KerasClassifier was not used by this fit/),
        ]);
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

      it("not fitted (tests/test_errors.py::test_not_fitted_error: scikeras's message)", async () => {
        const est = clf();
        await expect(est.predict(Xc)).rejects.toThrow(NotFittedError);
        await expect(est.predictProba(Xc)).rejects.toThrow(
          'Estimator needs to be fit before `predict` can be called',
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
