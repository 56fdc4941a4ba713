// Ports of scikeras's tests/test_compile_kwargs.py and tests/test_callbacks.py (routing through unflatten_params).
import * as tf from '@tensorflow/tfjs';
import { type BuildContext, KerasClassifier } from './index';
import { checkNoLeakPerTest, classificationData, useTestBackend } from './test-utils/backends';

const { X, y } = classificationData(40, 4, [0, 1]);

/** scikeras's tests' get_model: one sigmoid output per target column, compiled from compileKwargs. */
function getModel(ctx: BuildContext<{ numHidden?: number }>): tf.LayersModel {
  const n = ctx.targetType_ === 'multilabel-indicator' ? 2 : 1;
  const inp = tf.input({ shape: [ctx.nFeaturesIn_] });
  const hidden = tf.layers
    .dense({ units: ctx.numHidden ?? 10, activation: 'relu' })
    .apply(inp) as tf.SymbolicTensor;
  const out = Array.from(
    { length: n },
    (_, i) =>
      tf.layers
        .dense({ units: 1, activation: 'sigmoid', name: `out${i + 1}` })
        .apply(hidden) as tf.SymbolicTensor,
  );
  const m = tf.model({ inputs: inp, outputs: out });
  m.compile(ctx.compileKwargs as tf.ModelCompileArgs);
  return m;
}

const fitted: KerasClassifier<{ numHidden?: number }>[] = [];
async function fit(
  args: Record<string, unknown>,
  target: unknown = y,
): Promise<KerasClassifier<{ numHidden?: number }>> {
  const est = new KerasClassifier<{ numHidden?: number }>({
    model: getModel,
    numHidden: 20,
    optimizer: 'sgd',
    epochs: 1,
    verbose: 0,
    randomState: 0,
    ...args,
  });
  fitted.push(est);
  await est.fit(X, target);
  return est;
}

/** A Keras-style loss class: `fromLogits` and `name` params, instances recorded. */
class BinaryCE {
  static made: BinaryCE[] = [];
  fromLogits: boolean;
  name: string;
  constructor({ fromLogits = false, name = 'binary_ce' }: { fromLogits?: boolean; name?: string }) {
    this.fromLogits = fromLogits;
    this.name = name;
    BinaryCE.made.push(this);
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const p = this.fromLogits ? tf.sigmoid(yPred) : yPred;
      return tf.metrics.binaryCrossentropy(yTrue, p);
    });
  }
}

/** A Keras-style metric class with a `name` param. */
class BinaryAcc {
  name: string;
  constructor({ name = 'binary_acc' }: { name?: string } = {}) {
    this.name = name;
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.metrics.binaryAccuracy(yTrue, yPred);
  }
}

const metricNames = (est: KerasClassifier<{ numHidden?: number }>): string[] =>
  (est.model_!.metricsNames as string[]).filter((n) => !/loss$/.test(n));

describe('scikeras parity: routing of compile params and callbacks', () => {
  useTestBackend('cpu');
  afterEach(() => {
    for (const est of fitted.splice(0)) est.dispose();
    BinaryCE.made = [];
  });
  checkNoLeakPerTest();

  // scikeras also runs these with 2 outputs (y stacked twice): that target is multilabel-indicator,
  // which our target encoder gives one model output (see the README's parity table)
  describe.each([1])('with %i output(s)', (nOutputs) => {
    const target = y;

    it.each([
      ['tf.SGDOptimizer', tf.SGDOptimizer],
      ['SGD', 'SGD'],
      ['sgd', 'sgd'],
    ])('tests/test_compile_kwargs.py::test_optimizer[%s]', async (_, optimizer) => {
      const est = await fit(
        { optimizer, optimizer__learningRate: 0.15, optimizer__momentum: 0.5, loss: 'bce' },
        target,
      );
      const cfg = est.model_!.optimizer.getConfig();
      // Keras's SGD with momentum is tfjs's MomentumOptimizer
      expect(
        (est.model_!.optimizer.constructor as unknown as { className: string }).className,
      ).toBe('Momentum');
      expect(cfg.learningRate).toBeCloseTo(0.15);
      expect(cfg.momentum).toBeCloseTo(0.5);
    });

    it.each([
      ['a class', BinaryCE],
      ['BinaryCrossentropy', 'BinaryCrossentropy'],
      ['binary_crossentropy', 'binary_crossentropy'],
    ])('tests/test_compile_kwargs.py::test_loss[%s]', async (label, loss) => {
      if (typeof loss === 'string') {
        // tfjs's losses are functions: params routed to a name are refused as scikeras refuses them
        await expect(fit({ loss, loss__name: 'custom_name' }, target)).rejects.toThrow(
          `TypeError: "binaryCrossentropy" object of type "string"does not accept parameters because it's not a class. However, it received parameters "{'name': 'custom_name'}"`,
        );
        const est = await fit({ loss }, target);
        expect(est.model_!.loss).toBe('binaryCrossentropy');
        return;
      }
      const est = await fit({ loss, loss__name: 'custom_name' }, target);
      expect((est.model_!.loss as unknown as { name: string }).name).toBe('custom_name');
      expect(BinaryCE.made.map((l) => l.name)).toEqual(['custom_name']);
      void label;
    });

    it('tests/test_compile_kwargs.py::test_loss_iterable', async () => {
      await fit({ loss: [BinaryCE], loss__fromLogits: true }, target);
      expect(BinaryCE.made.map((l) => l.fromLogits)).toEqual([true]);
      BinaryCE.made = [];
      await fit({ loss: [BinaryCE], loss__fromLogits: false, loss__0__fromLogits: true }, target);
      expect(BinaryCE.made.map((l) => l.fromLogits)).toEqual([true]);
      const named = await fit({ loss: ['binary_crossentropy'] }, target);
      expect(named.model_!.loss).toEqual(['binaryCrossentropy']);
    });

    it('tests/test_compile_kwargs.py::test_loss_dict', async () => {
      await fit({ loss: { out1: BinaryCE }, loss__fromLogits: true }, target);
      expect(BinaryCE.made.map((l) => l.fromLogits)).toEqual([true]);
      BinaryCE.made = [];
      await fit(
        { loss: { out1: BinaryCE }, loss__fromLogits: false, loss__out1__fromLogits: true },
        target,
      );
      expect(BinaryCE.made.map((l) => l.fromLogits)).toEqual([true]);
      const named = await fit({ loss: { out1: 'BinaryCrossentropy' } }, target);
      expect(named.model_!.loss).toEqual({ out1: 'binaryCrossentropy' });
    });

    it('tests/test_compile_kwargs.py::test_metrics_iterable', async () => {
      const prefix = nOutputs === 1 ? '' : 'out1_';
      const one = await fit(
        { loss: 'binary_crossentropy', metrics: [BinaryAcc], metrics__0__name: 'custom_name' },
        target,
      );
      expect(metricNames(one)[0]).toBe(`${prefix}custom_name`);
      const two = await fit(
        {
          loss: 'binary_crossentropy',
          metrics: [BinaryAcc, BinaryAcc],
          metrics__name: 'name_all_metrics', // every item but the one that overrides it
          metrics__0__name: 'custom_name',
        },
        target,
      );
      expect(metricNames(two).slice(0, 2)).toEqual([
        `${prefix}custom_name`,
        `${prefix}name_all_metrics`,
      ]);
    });

    it('tests/test_compile_kwargs.py::test_custom_loss_nested_kwargs', async () => {
      class Foo {
        constructor(readonly got: Record<string, unknown>) {}
      }
      const losses: { param1: Foo[] }[] = [];
      class MyLoss {
        constructor(readonly args: { param1: Foo[] }) {
          losses.push(args);
        }
        call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
          return tf.metrics.binaryCrossentropy(yTrue, yPred);
        }
      }
      await fit(
        {
          loss: MyLoss,
          loss__param1: [Foo, Foo],
          loss__param1__fooKwarg: 1,
          loss__param1__0__fooKwarg: 2,
        },
        target,
      );
      expect(losses[0]!.param1.map((f) => f.got.fooKwarg)).toEqual([2, 1]);
    });
  });

  it('tests/test_compile_kwargs.py::test_metrics_dict (one output)', async () => {
    const est = await fit({
      loss: 'binary_crossentropy',
      metrics: { out1: BinaryAcc },
      metrics__out1__name: 'custom_name',
    });
    expect(metricNames(est)).toEqual(['custom_name']);
    const both = await fit({
      loss: 'binary_crossentropy',
      metrics: { out1: BinaryAcc },
      metrics__name: 'name_all_metrics', // the record's global param, overridden by out1's own
      metrics__out1__name: 'custom_name',
    });
    expect(metricNames(both)).toEqual(['custom_name']);
    const global = await fit({
      loss: 'binary_crossentropy',
      metrics: { out1: BinaryAcc },
      metrics__name: 'name_all_metrics',
    });
    expect(metricNames(global)).toEqual(['name_all_metrics']);
  });

  it('tests/test_callbacks.py::test_callback_param_routing (positional args: fit__callbacks__0__0)', async () => {
    class Schedule {
      constructor(readonly args: { coef?: number } = {}) {}
      apply(epoch: number, lr: number): number {
        return epoch > 10 ? lr * Math.exp(-(this.args.coef ?? 0.1)) : lr;
      }
    }
    // Keras's LearningRateScheduler takes its schedule as its one positional argument
    class LearningRateScheduler extends tf.Callback {
      constructor(readonly schedule: Schedule) {
        super();
      }
      override async onEpochBegin(epoch: number): Promise<void> {
        const opt = this.model.optimizer as tf.SGDOptimizer;
        opt.setLearningRate(this.schedule.apply(epoch, opt.getConfig().learningRate as number));
      }
    }
    const est = await fit({
      loss: 'sparse_categorical_crossentropy',
      model: ({ nFeaturesIn_ }: BuildContext) =>
        tf.sequential({
          layers: [
            tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [nFeaturesIn_] }),
          ],
        }),
      epochs: 15,
      optimizer: tf.SGDOptimizer,
      optimizer__learningRate: 0.1,
      fit__callbacks: [LearningRateScheduler],
      fit__callbacks__0__0: Schedule,
      fit__callbacks__0__0__coef: 0.2,
    });
    // decayed on epochs 11..14
    expect(est.model_!.optimizer.getConfig().learningRate).toBeCloseTo(0.04493, 5);
  });

  it.each([
    [
      'tf.callbacks.earlyStopping in a list',
      {
        callbacks: [tf.callbacks.earlyStopping],
        callbacks__0__patience: 0,
        callbacks__0__minDelta: 0.01,
      },
    ],
    [
      'tf.EarlyStopping alone',
      { callbacks: tf.EarlyStopping, callbacks__patience: 0, callbacks__minDelta: 0.01 },
    ],
    [
      'a record of classes',
      {
        callbacks: { es: tf.callbacks.earlyStopping },
        callbacks__es__patience: 0,
        callbacks__es__minDelta: 0.01,
      },
    ],
    [
      'a global param for every item',
      { callbacks: [tf.EarlyStopping], callbacks__patience: 0, callbacks__minDelta: 0.01 },
    ],
  ])('tests/test_callbacks.py::test_callback_param_routing (%s)', async (_, args) => {
    // a loss that never improves: early stopping with patience 0 stops after the second epoch
    const est = await fit({
      ...args,
      callbacks__monitor: 'loss', // global: every callback of the list or record
      loss: 'binary_crossentropy',
      optimizer: 'sgd',
      optimizer__learningRate: 0,
      epochs: 10,
    });
    expect(est.history_!.loss).toHaveLength(2);
  });
});
