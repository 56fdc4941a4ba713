// Ports of scikeras's tests/test_compile_kwargs.py where it applies to tfjs (moved from BaseWrapper.test.ts).
import * as tf from '@tensorflow/tfjs';
import { ValueError, clone } from '@scikeras/estimator-core';
import { type BuildContext } from './index';
import { BACKENDS, checkNoLeakPerTest, mlp, useTestBackend } from './test-utils/backends';
import {
  testClassifier as clf,
  testRegressor as reg,
  wrapperTestData,
} from './test-utils/wrappers';

const { Xc, yc, Xr, yr } = wrapperTestData();

describe('compile arguments', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

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

    it("no optimizer: scikeras's message unless the build function compiles the model", async () => {
      const est = reg({ optimizer: null });
      await expect(est.fit(Xr, yr)).rejects.toThrow(
        /^You must provide an optimizer or a compiled model/,
      );
      est.dispose();
      const compiled = reg({
        optimizer: null,
        model: (ctx: BuildContext) => {
          expect(ctx.compileKwargs.optimizer).toBeNull();
          const m = mlp(ctx as Parameters<typeof mlp>[0]);
          m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
          return m;
        },
      });
      await compiled.fit(Xr, yr);
      expect(compiled.model_!.loss).toBe('meanSquaredError');
      compiled.dispose();
    });
  });
});
