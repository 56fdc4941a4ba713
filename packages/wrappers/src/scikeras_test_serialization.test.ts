// Twins of scikeras's tests/test_serialization.py (issue 17): its pickle round trips, here through
// saveEstimator / loadEstimator (an in-memory artifact; the directory form is saveEstimator's own
// test). Each test names its origin. fetch_california_housing needs a download: the first 100
// rows of the diabetes set (bundled) stand in.
import * as tf from '@tensorflow/tfjs';
import { clone } from '@scikeras/estimator-core';
import { loadDiabetes } from '@scikeras/datasets';
import {
  KerasRegressor,
  loadEstimator,
  registerLoss,
  registerModel,
  saveEstimator,
  unregisterModel,
  type BuildContext,
} from './index';
import { checkNoLeakPerTest, useTestBackend } from './test-utils/backends';

const [XD, yD] = loadDiabetes({ returnXy: true }) as unknown as [number[][], number[]];
const X100 = XD.slice(0, 100);
const y100 = yD.slice(0, 100);

/** scikeras's dynamic_regressor: Dense(relu) layers of `hiddenLayerSizes`, then one linear unit. */
function dynamicRegressor(ctx: BuildContext & { hiddenLayerSizes?: number[] }): tf.LayersModel {
  const model = tf.sequential();
  const sizes = ctx.hiddenLayerSizes ?? [100];
  sizes.forEach((units, i) =>
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        ...(i === 0 ? { inputShape: [ctx.nFeaturesIn_] } : {}),
      }),
    ),
  );
  model.add(
    tf.layers.dense({
      units: 1,
      ...(sizes.length === 0 ? { inputShape: [ctx.nFeaturesIn_] } : {}),
    }),
  );
  return model;
}

/** scikeras's check_pickle: fit, predict, score, round trip, predict, the same score. */
async function checkPickle(est: KerasRegressor): Promise<KerasRegressor> {
  await est.fit(X100, y100);
  await est.predict(X100);
  const score = await est.score(X100, y100);
  const loaded = await loadEstimator<KerasRegressor>(await saveEstimator(est));
  expect(loaded).not.toBe(est);
  await loaded.predict(X100);
  expect(await loaded.score(X100, y100)).toBeCloseTo(score, 2);
  return loaded;
}

/** scikeras's CustomLoss(keras.losses.MeanSquaredError), registered as Keras serializable. */
class CustomLoss {
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.metrics.meanSquaredError(yTrue, yPred);
  }
}

/** scikeras's CustomModelRegistered(Model): a registered subclass of tfjs's functional model. */
class CustomModelRegistered extends tf.LayersModel {
  static override className = 'CustomModelRegistered';
}

function buildFnCustomModelRegistered(ctx: BuildContext): tf.LayersModel {
  const inp = tf.input({ shape: [ctx.nFeaturesIn_] });
  const x1 = tf.layers
    .dense({ units: ctx.nFeaturesIn_, activation: 'relu' })
    .apply(inp) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ units: ctx.nOutputs_ as number, activation: 'linear' })
    .apply(x1) as tf.SymbolicTensor;
  const model = new CustomModelRegistered({ inputs: inp, outputs: out });
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}

/** scikeras's get_reg: one Dense(1) on one input. */
function getReg(): tf.LayersModel {
  return tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
}

/** Whether two fitted estimators' weights are close (scikeras's _weights_close, rtol 0.01). */
function weightsClose(a: KerasRegressor, b: KerasRegressor): void {
  const wa = a.model_!.getWeights().map((w) => Array.from(w.dataSync()));
  const wb = b.model_!.getWeights().map((w) => Array.from(w.dataSync()));
  expect(wb.length).toBe(wa.length);
  wa.forEach((w, i) =>
    w.forEach((x, j) =>
      expect(Math.abs(x - wb[i]![j]!)).toBeLessThanOrEqual(1e-8 + 0.01 * Math.abs(wb[i]![j]!)),
    ),
  );
}

/**
 * Disposes a loaded estimator and the optimizer instance its `optimizer` param was loaded as:
 * loadEstimator rebuilds an optimizer param (with its tensors), which the loaded copy's
 * dispose() leaves alone, as it leaves every param (the README's open question).
 */
function disposeLoaded(est: KerasRegressor, given: unknown): void {
  const opt = est.getParams().optimizer;
  if (opt !== given && opt instanceof tf.Optimizer) opt.dispose();
  est.dispose();
}

/** scikeras's _reload: a round trip, a different object, the same epoch. */
async function reload(est: KerasRegressor, epoch?: number): Promise<KerasRegressor> {
  const tmp = await loadEstimator<KerasRegressor>(await saveEstimator(est));
  expect(tmp).not.toBe(est);
  if (epoch) {
    expect(tmp.currentEpoch_).toBe(epoch);
    expect(est.currentEpoch_).toBe(epoch);
  }
  return tmp;
}

describe('scikeras tests/test_serialization.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  const names = ['p17-dynamic-regressor', 'p17-custom-model', 'p17-get-reg', 'CustomLoss'];
  beforeAll(() => {
    registerModel(names[0]!, dynamicRegressor);
    registerModel(names[1]!, buildFnCustomModelRegistered);
    registerModel(names[2]!, getReg);
    registerLoss(names[3]!, CustomLoss);
    tf.serialization.registerClass(CustomModelRegistered);
  });
  afterAll(() => {
    names.slice(0, 3).forEach((n) => unregisterModel(n));
    unregisterModel(names[3]!);
  });

  it('tests/test_serialization.py::test_custom_loss_function', async () => {
    const before = tf.memory().numTensors;
    const est = new KerasRegressor({
      model: dynamicRegressor,
      loss: new CustomLoss(),
      model__hiddenLayerSizes: [100],
      verbose: 0,
      randomState: 0,
    });
    const loaded = await checkPickle(est);
    expect(loaded.getParams().loss).toBeInstanceOf(CustomLoss);
    loaded.dispose();
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_serialization.py::test_custom_model_registered', async () => {
    const before = tf.memory().numTensors;
    const est = new KerasRegressor({
      model: buildFnCustomModelRegistered,
      verbose: 0,
      randomState: 0,
    });
    const loaded = await checkPickle(est);
    expect(est.model_).toBeInstanceOf(CustomModelRegistered);
    expect(loaded.model_).toBeInstanceOf(CustomModelRegistered);
    loaded.dispose();
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_serialization.py::test_run_eagerly', async () => {
    const before = tf.memory().numTensors;
    // runEagerly is accepted and ignored (every tfjs model runs eagerly); it saves as a param
    const est = new KerasRegressor({
      model: dynamicRegressor,
      runEagerly: true,
      model__hiddenLayerSizes: [100],
      loss: 'mse', // what dynamic_regressor makes of scikeras's loss='auto'
      verbose: 0,
      randomState: 0,
    });
    const loaded = await checkPickle(est);
    expect(loaded.getParams().runEagerly).toBe(true);
    loaded.dispose();
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each<[string, () => unknown]>([
    ['adam', () => 'adam'],
    ['sgd', () => 'sgd'],
    ['tf.train.adam()', () => tf.train.adam()],
    ['tf.train.sgd(0.01)', () => tf.train.sgd(0.01)],
  ])('tests/test_serialization.py::test_partial_fit_pickle (%s)', async (_, optim) => {
    const before = tf.memory().numTensors;
    // make_regression(n_features=8, n_samples=100): a seeded linear target
    let s = 42;
    const r = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296 - 0.5;
    const X = Array.from({ length: 100 }, () => Array.from({ length: 8 }, r));
    const y = X.map((row) => row.reduce((a, x, j) => a + x * (j + 1), 0));
    const opt = optim();
    const m1 = new KerasRegressor({
      model: dynamicRegressor,
      optimizer: opt as never,
      loss: 'mse', // what dynamic_regressor makes of scikeras's loss='auto'
      randomState: 42,
      hiddenLayerSizes: [],
      verbose: 0,
    });
    const unfitted = clone(m1) as KerasRegressor;
    let m2 = await reload(unfitted); // a round trip before training

    await m1.partialFit(X, y);
    await m2.partialFit(X, y);
    weightsClose(m1, m2);

    for (let k = 0; k < 4; k++) {
      await m1.partialFit(X, y);
      const old = m2;
      m2 = await reload(m2, k + 1);
      disposeLoaded(old, opt);
      await m2.partialFit(X, y);
      weightsClose(m1, m2);
      const p1 = (await m1.predict(X)) as number[];
      const p2 = (await m2.predict(X)) as number[];
      p1.forEach((p, i) =>
        expect(Math.abs(p - p2[i]!)).toBeLessThanOrEqual(1e-8 + 1e-5 * Math.abs(p2[i]!)),
      );
    }
    m1.dispose();
    disposeLoaded(m2, opt);
    (opt as { dispose?: () => void }).dispose?.();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_serialization.py::test_pickle_with_callbacks', async () => {
    const before = tf.memory().numTensors;
    let clf = new KerasRegressor({
      model: getReg,
      loss: 'mse',
      callbacks: [new (tf.Callback as unknown as new () => tf.Callback)()], // Keras's Callback(): abstract in tfjs's types
      verbose: 0,
    });
    // fit and round trip, validating only that there are no errors
    await clf.fit([[1]], [1]);
    const fitted = clf;
    clf = await loadEstimator<KerasRegressor>(await saveEstimator(clf));
    fitted.dispose();
    await clf.predict([[1]]);
    await clf.partialFit([[1]], [1]);
    clf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
