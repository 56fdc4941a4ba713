// Ports of scikeras's tests on Keras identifiers, unflatten_params and its own errors (tests/test_utils.py, tests/test_loss_auto.py, tests/test_errors.py, tests/test_param_routing.py).
import * as tf from '@tensorflow/tfjs';
import { ValueError } from '@scikeras/estimator-core';
import { type BuildContext, KerasRegressor, tfjsLossName, tfjsMetricName } from './index';
import { unflattenParams, isBuildable } from './unflattenParams';
import { checkNoLeakPerTest, mlp, useTestBackend } from './test-utils/backends';
import {
  testClassifier as clf,
  testRegressor as reg,
  wrapperTestData,
} from './test-utils/wrappers';

const { Xc, yc, Xr, yr } = wrapperTestData();

describe('scikeras parity: Keras identifiers', () => {
  it.each([
    ['binary_crossentropy', 'binaryCrossentropy'],
    ['BinaryCrossentropy', 'binaryCrossentropy'],
    ['binaryCrossentropy', 'binaryCrossentropy'],
    ['bce', 'binaryCrossentropy'],
    ['mse', 'meanSquaredError'],
    ['MSE', 'meanSquaredError'],
    ['MeanSquaredError', 'meanSquaredError'],
    ['mae', 'meanAbsoluteError'],
    ['mape', 'meanAbsolutePercentageError'],
    ['msle', 'meanSquaredLogarithmicError'],
    ['kld', 'kullbackLeiblerDivergence'],
    ['KLDivergence', 'kullbackLeiblerDivergence'],
    ['log_cosh', 'logcosh'],
    ['LogCosh', 'logcosh'],
    ['cosine_similarity', 'cosineProximity'],
    ['SparseCategoricalCrossentropy', 'sparseCategoricalCrossentropy'],
    ['categorical_hinge', 'categoricalHinge'],
    ['poisson', 'poisson'],
  ])('loss %s resolves to tfjs %s', (name, tfjsName) => {
    expect(tfjsLossName(name)).toBe(tfjsName);
  });

  it.each([
    ['acc', 'accuracy'],
    ['accuracy', 'accuracy'],
    ['ce', 'crossentropy'],
    ['binary_accuracy', 'binaryAccuracy'],
    ['BinaryAccuracy', 'binaryAccuracy'],
    ['categorical_accuracy', 'categoricalAccuracy'],
    ['SparseCategoricalAccuracy', tf.metrics.sparseCategoricalAccuracy],
    ['Recall', tf.metrics.recall],
    ['bce', tf.metrics.binaryCrossentropy],
    ['mean_squared_error', 'mse'],
    ['MeanAbsoluteError', 'mae'],
    ['mape', 'mape'],
    ['CosineSimilarity', 'cosine'],
  ])('metric %s resolves to tfjs %p', (name, resolved) => {
    expect(tfjsMetricName(name)).toBe(resolved);
  });

  it.each([
    [
      'huber',
      tfjsLossName,
      /^Could not interpret loss function identifier: huber\. TensorFlow\.js has no equivalent; the supported names .* are: 'meansquarederror', 'mse'/,
    ],
    [
      'AUC',
      tfjsMetricName,
      /^Could not interpret metric identifier: AUC\. TensorFlow\.js has no equivalent; the supported names .* are: 'accuracy', 'acc'/,
    ],
  ])('a Keras name with no tfjs equivalent (%s) lists the supported ones', (name, get, message) => {
    expect(() => (get as (n: string) => unknown)(name)).toThrow(ValueError);
    expect(() => (get as (n: string) => unknown)(name)).toThrow(message);
  });
});

describe('scikeras parity: unflatten_params', () => {
  class Foo {
    constructor(readonly args: Record<string, unknown> = {}) {}
  }
  class Pos {
    readonly args: unknown[];
    constructor(...args: unknown[]) {
      this.args = args;
    }
  }

  it('builds nested classes from param__sub__key, lists by position, records by key', () => {
    const got = unflattenParams(
      { a: [Foo, Foo], b: Foo },
      {
        x: 1,
        '0__x': 9, // no list at the top: record keys only
        a__0__x: 2,
        b__x: 3,
      },
    ) as { a: Foo[]; b: Foo };
    expect(got.a.map((f) => f.args)).toEqual([{ x: 2 }, {}]);
    expect(got.b.args).toEqual({ x: 3 });
    const nested = unflattenParams(Foo, { inner: Foo, inner__y: 5 }) as Foo;
    expect((nested.args.inner as Foo).args).toEqual({ y: 5 });
  });

  it('a global key reaches every item of a list or record unless the item overrides it', () => {
    const list = unflattenParams([Foo, Foo], { x: 1, '1__x': 2 }) as Foo[];
    expect(list.map((f) => f.args.x)).toEqual([1, 2]);
    const rec = unflattenParams({ a: Foo, b: Foo }, { x: 1, a__x: 3 }) as Record<string, Foo>;
    expect([rec.a!.args.x, rec.b!.args.x]).toEqual([3, 1]);
  });

  it('numeric keys of a class are its positional arguments, in order', () => {
    const p = unflattenParams(Pos, { '1': 'b', '0': 'a' }) as Pos;
    expect(p.args).toEqual(['a', 'b']);
    const mixed = unflattenParams(Pos, { '0': 'a', k: 1 }) as Pos;
    expect(mixed.args).toEqual(['a', { k: 1 }]);
  });

  it("params routed to something that is not a class: scikeras's TypeError", () => {
    expect(() => unflattenParams('mse', { name: 'x' })).toThrow(
      `TypeError: "mse" object of type "string"does not accept parameters because it's not a class. However, it received parameters "{'name': 'x'}"`,
    );
    const fn = (a: number): number => a;
    expect(() => unflattenParams([fn], { '0__k': 1 })).toThrow(TypeError);
    expect(() => unflattenParams([fn], {})).not.toThrow();
  });

  it("tfjs's callbacks are classes, plain and arrow functions are not", () => {
    expect(isBuildable(tf.EarlyStopping)).toBe(true);
    expect(isBuildable(tf.callbacks.earlyStopping)).toBe(true);
    expect(isBuildable(Foo)).toBe(true);
    expect(isBuildable(tf.metrics.binaryAccuracy)).toBe(false);
    expect(isBuildable((a: number) => a)).toBe(false);
    const es = unflattenParams(tf.callbacks.earlyStopping, { patience: 3 }) as tf.EarlyStopping;
    expect(es).toBeInstanceOf(tf.EarlyStopping);
    expect((es as unknown as { patience: number }).patience).toBe(3);
  });
});

describe.each(['cpu'])('scikeras parity: params and messages on %s', (backend) => {
  useTestBackend(backend);
  checkNoLeakPerTest();

  it.each([
    ['lossWeights', { lossWeights: [1, 2] }, /^lossWeights=\[1, 2\] is not supported: /],
    [
      'weightedMetrics',
      { weightedMetrics: ['mse'] },
      /^weightedMetrics=\['mse'\] is not supported: /,
    ],
    [
      'compile__lossWeights',
      { compile__lossWeights: [1] },
      /^lossWeights=\[1\] is not supported: /,
    ],
    ['validationFreq', { validationFreq: 2 }, /^validationFreq=2 is not supported: /],
    ['fit__validationFreq', { fit__validationFreq: 3 }, /^validationFreq=3 is not supported: /],
    [
      'validationBatchSize',
      { validationBatchSize: 8, batchSize: 4 },
      /^validationBatchSize=8 is not supported: TensorFlow\.js's fit validates with the training batchSize \(4\)/,
    ],
  ])(
    '%s has no tfjs equivalent: refused, naming the param, never ignored',
    async (_, args, msg) => {
      const est = reg(args);
      await expect(est.fit(Xr, yr)).rejects.toThrow(msg);
      await expect(est.fit(Xr, yr)).rejects.toThrow(ValueError);
      expect(est.model_).toBeUndefined();
    },
  );

  it('validationBatchSize equal to the batch size and validationFreq 1 are honoured', async () => {
    const est = reg({
      validationBatchSize: 4,
      batchSize: 4,
      validationFreq: 1,
      validationSplit: 0.25,
    });
    await est.fit(Xr, yr);
    expect(est.history_!.val_loss).toHaveLength(1);
    est.dispose();
    const dflt = reg({ validationBatchSize: 32 }); // tfjs's default batch size
    await dflt.fit(Xr, yr);
    dflt.dispose();
  });

  it("tests/test_errors.py::test_target_shape_changes_incremental_fit (regressor: scikeras's encoder message)", async () => {
    const est = reg();
    const two = (yr as number[]).map((v) => [v, v]);
    await est.partialFit(Xr, two);
    await expect(
      est.partialFit(
        Xr,
        two.map((r) => [...r, 1]),
      ),
    ).rejects.toThrow(
      'Detected `y` to have 3 outputs with `y.shape = (20, 3)` but this RegressorTargetEncoder has 2 outputs.',
    );
    await expect(est.partialFit(Xr, yr)).rejects.toThrow(
      'y has 1 dimensions, but this KerasRegressor is expecting 2 dimensions in y.',
    );
    expect(est.currentEpoch_).toBe(1);
    est.dispose();
  });

  it('the compiled-loss check follows scikeras: any single loss, not for the class default', async () => {
    const compiledWith =
      (loss: string) =>
      (ctx: BuildContext): tf.LayersModel => {
        const m = mlp(ctx as Parameters<typeof mlp>[0]);
        m.compile({ optimizer: ctx.compileKwargs.optimizer, loss });
        return m;
      };
    // a function loss that is not the compiled one
    const fnLoss = (a: tf.Tensor, b: tf.Tensor): tf.Tensor => tf.metrics.meanSquaredError(a, b);
    const est = reg({ loss: fnLoss, model: compiledWith('meanAbsoluteError') });
    await expect(est.fit(Xr, yr)).rejects.toThrow(
      'loss=fnLoss but model compiled with meanAbsoluteError. Data may not match loss function!',
    );
    // Keras spellings of the compiled loss are the same loss
    const same = reg({ loss: 'MAE', model: compiledWith('meanAbsoluteError') });
    await same.fit(Xr, yr);
    same.dispose();
    // the class default (null) is never checked
    const dflt = new KerasRegressor({ model: compiledWith('meanAbsoluteError'), verbose: 0 });
    await dflt.fit(Xr, yr);
    dflt.dispose();
  });

  it('a metric name with no tfjs equivalent fails the fit and changes nothing', async () => {
    const est = clf({ metrics: ['AUC'] });
    await expect(est.fit(Xc, yc)).rejects.toThrow(/^Could not interpret metric identifier: AUC/);
    expect(est.model_).toBeUndefined();
  });

  it("'accuracy' is picked from the loss as Keras does (binary for one sigmoid output)", async () => {
    const yb = (yc as number[]).map((v) => (v === 0 ? 0 : 1));
    const est = clf({
      loss: 'BinaryCrossentropy',
      metrics: ['acc'],
      optimizer: 'sgd',
      optimizer__learningRate: 0, // the weights stay as built: the epoch's accuracy is theirs
      batchSize: -1,
    });
    await est.fit(Xc, yb);
    const proba = (await est.predictProba(Xc)) as number[][];
    const binary = proba.filter((p, i) => Number(p[1]! > 0.5) === yb[i]).length / yb.length;
    // a categorical accuracy over one column would be 1 whatever the weights
    expect(est.history_!.accuracy![0]).toBeCloseTo(binary, 5);
    est.dispose();
  });

  it('Keras short aliases and class names compile and train (history in Keras names)', async () => {
    const est = clf({
      loss: 'SparseCategoricalCrossentropy',
      metrics: ['acc', 'SparseCategoricalAccuracy'],
    });
    await est.fit(Xc, yc);
    expect(Object.keys(est.history_!).sort()).toEqual([
      'accuracy',
      'loss',
      'sparse_categorical_accuracy',
    ]);
    est.dispose();
  });
});
