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
async function basicChecks(est: Est, { X, y }: Data): Promise<void> {
  await est.fit(X, y);
  const pred = await est.predict(X);
  const score = await est.score(X, y);
  const copy = (await loadEstimator(await saveEstimator(est))) as Est;
  expect(await copy.predict(X)).toEqual(pred);
  expect(await copy.score(X, y)).toBeCloseTo(score, 6);
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

class InheritClassBuildFnClf extends KerasClassifier {
  static override estimatorName = 'InheritClassBuildFnClf';
  override buildModel(ctx: BuildContext): tf.LayersModel {
    return buildFnClf(ctx as Ctx);
  }
}

class InheritClassBuildFnReg extends KerasRegressor {
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
      const clf = new KerasClassifier({ model: buildFnClf, hiddenDim: 5, verbose: 0 });
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
      const reg = new KerasRegressor({ model: buildFnReg, hiddenDim: 5, verbose: 0 });
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
});
