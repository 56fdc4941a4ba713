// Twins of scikeras's tests/test_api.py (index id 12940287866). Boston housing, removed from
// scikit-learn, is replaced by diabetes; pickle round trips are saveEstimator/loadEstimator.
import * as tf from '@tensorflow/tfjs';
import { loadDiabetes, loadDigits, loadIris } from '@scikeras/datasets';
import { GridSearchCV, RandomizedSearchCV } from '@scikeras/model-selection';
import { KerasClassifier, KerasRegressor, type BuildContext } from './index';
import { loadEstimator } from './loadEstimator';
import { registerModel } from './ModelRegistry';
import { saveEstimator } from './saveEstimator';
import { checkNoLeakPerTest, useTestBackend } from './test-utils/backends';

type Ctx = BuildContext & Record<string, unknown>;
type Est = KerasClassifier | KerasRegressor;
interface Data {
  X: number[][] | number[][][][];
  y: number[];
}

/** The first 100 rows, as scikeras's basic_checks takes them. */
const iris = (): Data => {
  const [X, y] = loadIris({ returnXy: true }) as unknown as [number[][], number[]];
  return { X: X.slice(0, 100), y: y.slice(0, 100) };
};
const diabetes = (): Data => {
  const [X, y] = loadDiabetes({ returnXy: true }) as unknown as [number[][], number[]];
  return { X: X.slice(0, 100), y: y.slice(0, 100).map((v) => v / 100) };
};
/** tests/test_api.py's load_digits8x8: 8 x 8 x 1 images in [0, 1]. */
const digits8x8 = (): Data => {
  const [X, y] = loadDigits({ returnXy: true }) as unknown as [number[][], number[]];
  const images = X.slice(0, 100).map((row) =>
    Array.from({ length: 8 }, (_, i) =>
      Array.from({ length: 8 }, (_, j) => [row[i * 8 + j]! / 16]),
    ),
  );
  return { X: images, y: y.slice(0, 100) };
};

/** Fits, predicts, scores, then saves and loads: the copy predicts and scores the same. */
async function basicChecks(
  est: Est,
  { X, y }: Data,
  disposeCopy: (copy: Est) => void = () => undefined,
): Promise<void> {
  await est.fit(X, y);
  const pred = await est.predict(X);
  const score = await est.score(X, y);
  const copy = (await loadEstimator(await saveEstimator(est))) as Est;
  expect(await copy.predict(X)).toEqual(pred);
  expect(await copy.score(X, y)).toBeCloseTo(score, 6);
  disposeCopy(copy);
  copy.dispose();
}

const buildFnClf = registerModel('scikeras_test_api.buildFnClf', (ctx: Ctx) => {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: ctx.nFeaturesIn_, inputShape: ctx.XShape_!.slice(1) }));
  m.add(tf.layers.activation({ activation: 'relu' }));
  m.add(tf.layers.dense({ units: ctx.hiddenDim as number }));
  m.add(tf.layers.activation({ activation: 'relu' }));
  m.add(tf.layers.dense({ units: ctx.nClasses_ as number }));
  m.add(tf.layers.activation({ activation: 'softmax' }));
  m.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return m;
});

const buildFnReg = registerModel('scikeras_test_api.buildFnReg', (ctx: Ctx) => {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: ctx.nFeaturesIn_, inputShape: [ctx.nFeaturesIn_] }));
  m.add(tf.layers.activation({ activation: 'relu' }));
  m.add(tf.layers.dense({ units: ctx.hiddenDim as number }));
  m.add(tf.layers.activation({ activation: 'relu' }));
  m.add(tf.layers.dense({ units: 1 }));
  m.add(tf.layers.activation({ activation: 'linear' }));
  m.compile({ optimizer: 'sgd', loss: 'meanAbsoluteError' });
  return m;
});

class InheritClassBuildFnClf extends KerasClassifier<{ hiddenDim?: number }> {
  static override estimatorName = 'InheritClassBuildFnClf';
  override buildModel(ctx: BuildContext): tf.LayersModel {
    return buildFnClf(ctx as Ctx);
  }
}

class InheritClassBuildFnReg extends KerasRegressor<{ hiddenDim?: number }> {
  static override estimatorName = 'InheritClassBuildFnReg';
  override buildModel(ctx: BuildContext): tf.LayersModel {
    return buildFnReg(ctx as Ctx);
  }
}

const registry = { classes: { InheritClassBuildFnClf, InheritClassBuildFnReg } };

/** Dense layers of `hiddenLayerSizes` after a first Dense as wide as the input. */
function denseStack(ctx: Ctx, input: tf.SymbolicTensor): tf.SymbolicTensor {
  let z = input;
  for (const units of (ctx.hiddenLayerSizes as number[] | undefined) ?? [])
    z = tf.layers.dense({ units, activation: 'relu' }).apply(z) as tf.SymbolicTensor;
  return z;
}

/** tests/mlp_models.py dynamic_regressor: compiled with the wrapper's loss and optimizer. */
const dynamicRegressor = registerModel('scikeras_test_api.dynamicRegressor', (ctx: Ctx) => {
  const inp = tf.input({ shape: [ctx.nFeaturesIn_] });
  const out = tf.layers
    .dense({ units: (ctx.nOutputs_ as number | undefined) ?? 1 })
    .apply(denseStack(ctx, inp)) as tf.SymbolicTensor;
  return tf.model({ inputs: inp, outputs: out });
});

/** tests/mlp_models.py dynamic_classifier (single-output branches), softmax over the classes. */
const dynamicClassifier = registerModel('scikeras_test_api.dynamicClassifier', (ctx: Ctx) => {
  const inp = tf.input({ shape: [ctx.nFeaturesIn_] });
  const out = tf.layers
    .dense({ units: ctx.nClasses_ as number, activation: 'softmax' })
    .apply(denseStack(ctx, inp)) as tf.SymbolicTensor;
  const m = tf.model({ inputs: inp, outputs: out });
  m.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
  return m;
});

/** tests/test_api.py build_fn_clscs: a Sequential Conv2D classifier. */
const buildFnClscs = registerModel('scikeras_test_api.buildFnClscs', (ctx: Ctx) => {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ filters: 3, kernelSize: 3, inputShape: ctx.XShape_!.slice(1) }));
  m.add(tf.layers.flatten());
  for (const units of ctx.hiddenLayerSizes as number[])
    m.add(tf.layers.dense({ units, activation: 'relu' }));
  m.add(tf.layers.dense({ units: ctx.nClasses_ as number, activation: 'softmax' }));
  m.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return m;
});

/** tests/test_api.py build_fn_clscf: the same network through the functional API. */
const buildFnClscf = registerModel('scikeras_test_api.buildFnClscf', (ctx: Ctx) => {
  const x = tf.input({ shape: ctx.XShape_!.slice(1) });
  let z = tf.layers.conv2d({ filters: 3, kernelSize: 3 }).apply(x) as tf.SymbolicTensor;
  z = tf.layers.flatten().apply(z) as tf.SymbolicTensor;
  z = denseStack(ctx, z);
  const y = tf.layers
    .dense({ units: ctx.nClasses_ as number, activation: 'softmax' })
    .apply(z) as tf.SymbolicTensor;
  const m = tf.model({ inputs: x, outputs: y });
  m.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return m;
});

const CONFIG = {
  MLPRegressor: [diabetes, KerasRegressor, dynamicRegressor],
  MLPClassifier: [iris, KerasClassifier, dynamicClassifier],
  CNNClassifier: [digits8x8, KerasClassifier, buildFnClscs],
  CNNClassifierF: [digits8x8, KerasClassifier, buildFnClscf],
} as const;
type Config = keyof typeof CONFIG;

/** `model(build_fn, epochs=1, model__hidden_layer_sizes=[])` for a config, seeded and silent. */
function make(config: Config, extra: Record<string, unknown> = {}): Est {
  const [, Wrapper, build] = CONFIG[config];
  return new Wrapper({
    model: build,
    loss: Wrapper === KerasRegressor ? 'mse' : null,
    epochs: 1,
    model__hiddenLayerSizes: [],
    verbose: 0,
    randomState: 0,
    ...extra,
  });
}

describe('scikeras tests/test_api.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest(); // tf.memory().numTensors before and after every test

  describe('TestBasicAPI', () => {
    it('tests/test_api.py::TestBasicAPI::test_classify_build_fn', async () => {
      const clf = new KerasClassifier<{ hiddenDim?: number }>({
        model: buildFnClf,
        hiddenDim: 5,
        verbose: 0,
      });
      await basicChecks(clf, iris());
      clf.dispose();
    });

    it('tests/test_api.py::TestBasicAPI::test_classify_inherit_class_build_fn', async () => {
      const clf = new InheritClassBuildFnClf({ model: null, hiddenDim: 5, verbose: 0 });
      const data = iris();
      await clf.fit(data.X, data.y);
      const pred = await clf.predict(data.X);
      const copy = (await loadEstimator(await saveEstimator(clf), { registry })) as Est;
      expect(copy).toBeInstanceOf(InheritClassBuildFnClf);
      expect(await copy.predict(data.X)).toEqual(pred);
      expect(await copy.score(data.X, data.y)).toBeCloseTo(await clf.score(data.X, data.y), 6);
      copy.dispose();
      clf.dispose();
    });

    it('tests/test_api.py::TestBasicAPI::test_regression_build_fn', async () => {
      const reg = new KerasRegressor<{ hiddenDim?: number }>({
        model: buildFnReg,
        hiddenDim: 5,
        verbose: 0,
      });
      await basicChecks(reg, diabetes());
      reg.dispose();
    });

    it('tests/test_api.py::TestBasicAPI::test_regression_inherit_class_build_fn', async () => {
      const reg = new InheritClassBuildFnReg({ model: null, hiddenDim: 5, verbose: 0 });
      const data = diabetes();
      await reg.fit(data.X, data.y);
      const pred = await reg.predict(data.X);
      const copy = (await loadEstimator(await saveEstimator(reg), { registry })) as Est;
      expect(copy).toBeInstanceOf(InheritClassBuildFnReg);
      expect(await copy.predict(data.X)).toEqual(pred);
      copy.dispose();
      reg.dispose();
    });
  });

  describe('TestAdvancedAPIFuncs', () => {
    it.each(['MLPRegressor', 'MLPClassifier', 'CNNClassifier', 'CNNClassifierF'] as const)(
      'tests/test_api.py::TestAdvancedAPIFuncs::test_standalone (%s)',
      async (config) => {
        const est = make(config);
        await basicChecks(est, CONFIG[config][0]());
        est.dispose();
      },
    );

    /** basic_checks on a search: fit, predict, score, and a save/load round trip. */
    async function searchChecks(search: GridSearchCV | RandomizedSearchCV, data: Data) {
      await search.fit(data.X, data.y);
      expect(await search.predict(data.X)).toHaveLength(100);
      expect(Number.isFinite(await search.score(data.X, data.y))).toBe(true);
      const copy = (await loadEstimator(await saveEstimator(search), {
        registry: { classes: { GridSearchCV, RandomizedSearchCV } },
      })) as GridSearchCV;
      expect(await copy.predict(data.X)).toEqual(await search.predict(data.X));
      copy.dispose();
    }

    it.each(['MLPRegressor', 'MLPClassifier', 'CNNClassifier', 'CNNClassifierF'] as const)(
      'tests/test_api.py::TestAdvancedAPIFuncs::test_searchcv_init_params (%s)',
      async (config) => {
        const data = CONFIG[config][0]();
        const estimator = make(config, { validationSplit: 0.1 });
        const grid = new GridSearchCV({
          estimator,
          paramGrid: { model__hiddenLayerSizes: [[], [5]] },
        });
        await searchChecks(grid, data);
        grid.dispose();
        const randomized = new RandomizedSearchCV({
          estimator,
          paramDistributions: { epochs: [1, 2, 3], optimizer: ['rmsprop', 'sgd'] },
          nIter: 2,
          randomState: 0,
        });
        await searchChecks(randomized, data);
        randomized.dispose();
      },
    );

    it('tests/test_api.py::TestAdvancedAPIFuncs::test_searchcv_routed_params (MLPClassifier)', async () => {
      const search = new GridSearchCV({
        estimator: make('MLPClassifier', { optimizer: 'sgd' }),
        paramGrid: { model__hiddenLayerSizes: [[], [5]], optimizer: ['sgd', 'adam'] },
      });
      await searchChecks(search, iris());
      const best = search.bestEstimator_ as Est;
      // tfjs's optimizer class names, lower-cased: scikeras reads Keras's `optimizer._name`
      expect(['sgd', 'adam']).toContain(best.model_!.optimizer.getClassName().toLowerCase());
      search.dispose();
    });
  });

  describe('TestPrebuiltModel', () => {
    it.each(['MLPRegressor', 'MLPClassifier'] as const)(
      'tests/test_api.py::TestPrebuiltModel::test_basic (%s)',
      async (config) => {
        const data = CONFIG[config][0]();
        const nFeaturesIn_ = (data.X[0] as number[]).length;
        const meta =
          config === 'MLPRegressor'
            ? { nOutputs_: 1, nFeaturesIn_ }
            : { nClasses_: new Set(data.y).size, targetType_: 'multiclass', nFeaturesIn_ };
        const kerasModel = CONFIG[config][2]({
          ...meta,
          hiddenLayerSizes: [100],
        } as unknown as Ctx);
        if (config === 'MLPRegressor')
          kerasModel.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
        const est =
          config === 'MLPRegressor'
            ? new KerasRegressor({ model: kerasModel, verbose: 0, randomState: 0 })
            : new KerasClassifier({ model: kerasModel, verbose: 0, randomState: 0 });
        await basicChecks(est, data, (copy) => {
          // the loaded copy's `model` param is a new model that the copy does not own
          const param = copy.getParams().model as tf.LayersModel;
          expect(param).not.toBe(kerasModel);
          param.dispose();
        });
        est.dispose();
        kerasModel.dispose();
      },
    );
  });

  it('tests/test_api.py::test_warm_start', async () => {
    const { X, y } = diabetes();
    const est = new KerasRegressor({
      model: dynamicRegressor,
      loss: KerasRegressor.rootMeanSquaredError,
      model__hiddenLayerSizes: [100],
      verbose: 0,
    });
    await est.fit(X, y);
    let model = est.model_;
    est.setParams({ warmStart: true });
    await est.fit(X, y);
    expect(est.model_).toBe(model);
    est.setParams({ warmStart: false });
    for (let i = 0; i < 3; i++) {
      await est.fit(X, y);
      expect(est.model_).not.toBe(model);
      model = est.model_;
    }
    est.dispose();
  });

  describe('TestPartialFit', () => {
    const regressor = (extra: Record<string, unknown> = {}) =>
      new KerasRegressor({
        model: dynamicRegressor,
        loss: KerasRegressor.rootMeanSquaredError,
        model__hiddenLayerSizes: [100],
        verbose: 0,
        randomState: 0,
        ...extra,
      });

    it('tests/test_api.py::TestPartialFit::test_partial_fit', async () => {
      const { X, y } = diabetes();
      const est = regressor();
      await est.partialFit(X, y);
      expect(est.history_!.loss).toHaveLength(1);
      await est.partialFit(X, y);
      expect(est.history_!.loss).toHaveLength(2);
      const model = est.model_;
      await est.partialFit(X, y);
      expect(est.model_).toBe(model);
      est.dispose();
    });

    it('tests/test_api.py::TestPartialFit::test_partial_fit_history_metric_names', async () => {
      const { X, y } = diabetes();
      const customMetric = registerModel(
        'scikeras_test_api.custom_metric',
        Object.defineProperty(
          (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.metrics.meanAbsoluteError(yTrue, yPred),
          'name',
          { value: 'custom_metric' },
        ),
      );
      let est = regressor({ metrics: ['mse', customMetric] });
      await est.partialFit(X, y);
      for (let k = 0; k < 2; k++) {
        const copy = (await loadEstimator(await saveEstimator(est))) as KerasRegressor;
        est.dispose();
        est = await copy.partialFit(X, y);
        expect(Object.keys(est.history_!).sort()).toEqual(
          ['custom_metric', 'loss', 'mean_squared_error'].sort(),
        );
      }
      est.dispose();
    });

    it('tests/test_api.py::TestPartialFit::test_partial_fit_history_len', async () => {
      const { X, y } = diabetes();
      const est = regressor({ metrics: 'mean_squared_error' });
      for (let k = 0; k < 10; k++) {
        await est.partialFit(X, y);
        expect(est.history_!.loss).toHaveLength(k + 1);
        expect(Object.keys(est.history_!).sort()).toEqual(['loss', 'mean_squared_error']);
      }
      est.dispose();
    });

    it('tests/test_api.py::TestPartialFit::test_partial_fit_single_epoch', async () => {
      const { X, y } = diabetes();
      const est = regressor({ epochs: 9 });
      for (let k = 1; k < 4; k++) {
        await est.partialFit(X, y);
        expect(est.history_!.loss).toHaveLength(k);
      }
      await est.fit(X, y);
      expect(est.history_!.loss).toHaveLength(9);
      est.dispose();
    });

    it.each(['CNNClassifier', 'CNNClassifierF'] as const)(
      'tests/test_api.py::TestPartialFit::test_pf_pickle_pf (%s)',
      async (config) => {
        const clf = make(config);
        const { X, y } = digits8x8();
        await clf.partialFit(X, y);
        const owned: Est[] = [];
        let clf2: Est = clf;
        for (let k = 2; k < 4; k++) {
          clf2 = (await loadEstimator(await saveEstimator(clf2))) as Est;
          owned.push(clf2);
          await clf2.partialFit(X, y);
          expect(clf.history_!.loss).toHaveLength(1);
          expect(clf2.history_!.loss).toHaveLength(k);
          expect(clf2.history_!.loss![0]).toBeCloseTo(clf.history_!.loss![0]!, 6);
        }
        const w1 = clf.model_!.getWeights().map((t) => Array.from(t.dataSync()));
        const w2 = clf2.model_!.getWeights().map((t) => Array.from(t.dataSync()));
        const sizes = w1.map((w) => w.length);
        const total = sizes.reduce((a, b) => a + b, 0);
        expect(total).toBeGreaterThanOrEqual(1000);
        expect(total).toBeLessThanOrEqual(2000);
        expect(total / sizes.length).toBeGreaterThanOrEqual(200);
        expect(total / sizes.length).toBeLessThanOrEqual(300);
        expect(Math.max(...sizes)).toBeGreaterThanOrEqual(1000);
        expect(sizes).toHaveLength(4);
        const norm = (v: number[]) => Math.hypot(...v);
        const relErrors = w1.map(
          (a, i) =>
            norm(a.map((v, j) => v - w2[i]![j]!)) / norm(a.map((v, j) => (v + w2[i]![j]!) / 2)),
        );
        expect(relErrors.every((e) => e > 0.01)).toBe(true);
        expect(relErrors.some((e) => e > 0.5)).toBe(true);
        for (const e of owned) e.dispose();
        clf.dispose();
      },
    );

    it('tests/test_api.py::TestPartialFit::test_partial_fit_classes_param', async () => {
      const clf = new KerasClassifier({
        model: dynamicClassifier,
        loss: 'sparse_categorical_crossentropy',
        model__hiddenLayerSizes: [100],
        verbose: 0,
        randomState: 0,
      });
      const X1 = [
        [1, 4],
        [2, 5],
        [3, 6],
      ];
      const y1 = [1, 2, 2];
      const X2 = X1;
      const y2 = [2, 3, 3];
      await clf.partialFit(X1, y1, { classes: [1, 2, 3] });
      await clf.score(X1, y1);
      await clf.score(X2, y2);
      await clf.partialFit(X2, y2);
      await clf.score(X1, y1);
      await clf.score(X2, y2);
      expect(clf.classes_).toEqual([1, 2, 3]);
      clf.dispose();
    });
  });

  describe('TestHistory', () => {
    it('tests/test_api.py::TestHistory::test_history', async () => {
      const { X, y } = diabetes();
      const est = new KerasRegressor({
        model: dynamicRegressor,
        loss: 'mse',
        model__hiddenLayerSizes: [],
        verbose: 0,
      });
      await est.partialFit(X, y);
      const history = est.history_!;
      expect(Object.getPrototypeOf(history)).toBe(Object.prototype);
      expect(Object.keys(history).every((k) => typeof k === 'string')).toBe(true);
      expect(Object.values(history).every((v) => Array.isArray(v))).toBe(true);
      est.dispose();
    });

    it('tests/test_api.py::TestHistory::test_partial_fit_shorthand_metric_name', async () => {
      const { X, y } = diabetes();
      const forceCompileShorthand = (ctx: Ctx) => {
        const m = dynamicRegressor(ctx);
        m.compile({
          optimizer: ctx.compileKwargs.optimizer as tf.Optimizer,
          loss: ctx.compileKwargs.loss as never,
          metrics: ctx.metrics as string[],
        });
        return m;
      };
      const est = new KerasRegressor({
        model: forceCompileShorthand,
        loss: KerasRegressor.rootMeanSquaredError,
        model__hiddenLayerSizes: [100],
        metrics: ['mae'],
        verbose: 0,
      });
      await est.fit(X, y);
      expect(est.history_).not.toHaveProperty('mae');
      expect(est.history_).toHaveProperty('mean_absolute_error');
      est.dispose();
    });
  });

  describe('compiling', () => {
    /** A loss "object": a new function per call, named as Keras names the class's instances. */
    const named = (name: string, fn: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor) => () =>
      Object.defineProperty((a: tf.Tensor, b: tf.Tensor) => fn(a, b), 'name', { value: name });
    const otherLoss = named('mean_absolute_error', (a, b) => tf.metrics.meanAbsoluteError(a, b));
    const cosineSimilarity = named('cosine_similarity', (a, b) => tf.metrics.cosineProximity(a, b));
    const categoricalHinge = named('categorical_hinge', (a, b) => tf.losses.hingeLoss(a, b));

    interface MyLoss {
      myLoss?: ((a: tf.Tensor, b: tf.Tensor) => tf.Tensor) | null;
    }
    /** Compiles with `myLoss` when given, else returns the model uncompiled. */
    const buildFn = (ctx: Ctx) => {
      const m = tf.sequential();
      m.add(tf.layers.dense({ units: ctx.nFeaturesIn_, inputShape: [ctx.nFeaturesIn_] }));
      m.add(tf.layers.activation({ activation: 'relu' }));
      m.add(tf.layers.dense({ units: 1 }));
      m.add(tf.layers.activation({ activation: 'linear' }));
      if (ctx.myLoss) m.compile({ optimizer: 'rmsprop', loss: ctx.myLoss as never });
      return m;
    };

    class DefaultLossNotNone extends KerasRegressor<MyLoss> {
      static override estimatorName = 'DefaultLossNotNone';
      static override defaults = { ...KerasRegressor.defaults, loss: cosineSimilarity() };
    }

    it('tests/test_api.py::test_compile_model_from_params', async () => {
      const { X, y } = diabetes();
      const fitted = async (est: KerasRegressor<MyLoss>) => {
        await est.fit(X, y);
        const loss = est.model_!.loss;
        est.dispose();
        return loss;
      };
      // compiled in the build function, no loss param: the compiled loss stays
      let lossObj = otherLoss();
      expect(
        await fitted(new KerasRegressor<MyLoss>({ model: buildFn, myLoss: lossObj, verbose: 0 })),
      ).toBe(lossObj);
      // a loss param of the same kind as the compiled one: the compiled one stays
      lossObj = otherLoss();
      expect(
        await fitted(
          new KerasRegressor<MyLoss>({
            model: buildFn,
            loss: otherLoss(),
            myLoss: lossObj,
            verbose: 0,
          }),
        ),
      ).toBe(lossObj);
      // a different, non-default loss param: scikeras's ValueError
      const differs = new KerasRegressor<MyLoss>({
        model: buildFn,
        loss: cosineSimilarity(),
        myLoss: otherLoss(),
        verbose: 0,
      });
      await expect(differs.fit(X, y)).rejects.toThrow(' but model compiled with ');
      differs.dispose();
      // the class default loss is no request: the compiled loss stays
      lossObj = otherLoss();
      expect(
        await fitted(new DefaultLossNotNone({ model: buildFn, myLoss: lossObj, verbose: 0 })),
      ).toBe(lossObj);
      const notDefault = new DefaultLossNotNone({
        model: buildFn,
        loss: categoricalHinge(),
        myLoss: otherLoss(),
        verbose: 0,
      });
      await expect(notDefault.fit(X, y)).rejects.toThrow(' but model compiled with ');
      notDefault.dispose();
    });

    it('tests/test_api.py::test_subclassed_model_no_params', async () => {
      class MLPClassifier extends KerasClassifier {
        static override estimatorName = 'MLPClassifier';
        override buildModel(): tf.LayersModel {
          const m = tf.sequential();
          m.add(tf.layers.dense({ units: 2, activation: 'relu', inputShape: [2] }));
          m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
          m.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy' });
          return m;
        }
      }
      const clf = new MLPClassifier();
      clf.setParams({ verbose: 0 });
      const X = Array.from({ length: 100 }, (_, i) => [(i % 10) / 10, ((i * 7) % 10) / 10]);
      // scikeras's y is np.random.randint(0, 1): all zeros, which it fits; our KerasClassifier
      // refuses a one-class y in scikit-learn's words (checkTargetMetadata), so y has two classes
      const y = X.map((row) => (row[0]! > 0.45 ? 1 : 0));
      await clf.fit(X, y);
      expect(await clf.predict(X)).toHaveLength(100);
      clf.dispose();
    });
  });
});
