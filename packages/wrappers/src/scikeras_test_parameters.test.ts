// Twins of scikeras's tests/test_parameters.py (issue 17): sample weights, build-function
// params, metrics, class weights, call options and `-1` batch sizes. Each test names its origin.
import * as tf from '@tensorflow/tfjs';
import { clone } from '@scikeras/estimator-core';
import { KerasClassifier, KerasRegressor } from './index';
import { checkNoLeakPerTest, mlp, rng, useTestBackend } from './test-utils/backends';
import { batchCounter } from './test-utils/wrappers';

/** scikeras's dynamic_classifier / dynamic_regressor stand-in: `mlp` with a `hidden` param. */
type Hidden = { hidden?: number };

/** The difference of the two columns of predictProba, averaged (numpy's mean(diff(p, axis=1))). */
function averageDiff(proba: number[][]): number {
  return proba.reduce((a, [p0, p1]) => a + (p1! - p0!), 0) / proba.length;
}

/** make_blobs-like data: `centers` gaussian clusters in 2-D with a large spread. */
function noisyBlobs(n: number, centers: number, seed: number): { X: number[][]; y: number[] } {
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
  const mid = Array.from({ length: centers }, () => [r() * 20 - 10, r() * 20 - 10]);
  const y = Array.from({ length: n }, (_, i) => i % centers);
  const X = y.map((c) => [mid[c]![0]! + 20 * gauss(), mid[c]![1]! + 20 * gauss()]);
  return { X, y };
}

describe('scikeras tests/test_parameters.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it('tests/test_parameters.py::test_sample_weights_fit', async () => {
    const before = tf.memory().numTensors;
    const estimator = new KerasClassifier<Hidden>({
      model: mlp,
      hidden: 16,
      loss: 'sparse_categorical_crossentropy',
      epochs: 10,
      randomState: 0,
      verbose: 0,
    });
    const estimator1 = clone(estimator);
    const estimator2 = clone(estimator);
    const X = Array.from({ length: 200 }, () => [1]);
    const y = Array.from({ length: 200 }, (_, i) => (i < 100 ? 1 : -1));
    // heavily weight towards y=1 points
    const swFirstClass = y.map((v) => (v === 1 ? 0.8 : 0.2));
    await estimator1.fit(X, y, { sampleWeight: swFirstClass });
    await estimator2.fit(X, y);
    // estimator1 tilts towards y=1 (the second class), estimator2 predicts about equally
    const diff1 = averageDiff((await estimator1.predictProba(X)) as number[][]);
    const diff2 = averageDiff((await estimator2.predictProba(X)) as number[][]);
    expect(diff2).toBeLessThan(diff1);
    // equal weighting: about the same predictions as no weights
    await estimator1.fit(X, y, { sampleWeight: new Array(200).fill(0.5) });
    await estimator2.fit(X, y);
    const p1 = (await estimator1.predictProba(X)) as number[][];
    const p2 = (await estimator2.predictProba(X)) as number[][];
    p1.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(p2[i]![j]!, 3)));
    estimator1.dispose();
    estimator2.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_parameters.py::test_build_fn_default_params', () => {
    const before = tf.memory().numTensors;
    let est = new KerasClassifier({ model: mlp, model__hiddenLayerSizes: [100] });
    expect(est.getParams().model__hiddenLayerSizes).toEqual([100]);
    est = new KerasClassifier({ model: mlp, model__hiddenLayerSizes: [200] });
    expect(est.getParams().model__hiddenLayerSizes).toEqual([200]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(['accuracy', 'sparse_categorical_accuracy'])(
    'tests/test_parameters.py::TestMetricsParam::test_metrics (%s)',
    async (metric) => {
      const before = tf.memory().numTensors;
      const r = rng(1);
      const X = Array.from({ length: 40 }, () => [r(), r(), r()]);
      const y = X.map((row) => (row[0]! > 0.5 ? 1 : 0));
      const est = new KerasClassifier({
        model: mlp,
        loss: 'sparse_categorical_crossentropy',
        metrics: [metric],
        randomState: 0,
        verbose: 0,
      });
      await est.fit(X, y);
      expect(est.history_![metric]).toHaveLength(1);
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('tests/test_parameters.py::test_class_weight_param', async () => {
    const before = tf.memory().numTensors;
    const clf = new KerasClassifier<Hidden>({
      model: mlp,
      hidden: 100, // dynamic_classifier's hidden_layer_sizes=(100,)
      loss: 'sparse_categorical_crossentropy',
      randomState: 0,
      verbose: 0,
    });
    for (const nCenters of [2, 3]) {
      // a very noisy data set: train on one half, predict the other
      const { X, y } = noisyBlobs(100, nCenters, nCenters);
      const XTrain = X.slice(0, 50);
      const yTrain = y.slice(0, 50);
      const XTest = X.slice(50);
      const [classWeight, fitEpochs, partialFitEpochs] =
        nCenters === 2 ? [{ 0: 1000, 1: 0.0001 }, 4, 3] : [{ 0: 1000, 1: 0.0001, 2: 0.0001 }, 8, 6];
      clf.setParams({ classWeight, fit__epochs: fitEpochs });
      await clf.fit(XTrain, yTrain);
      const zeros = async () =>
        ((await clf.predict(XTest)) as number[]).filter((v) => v === 0).length / XTest.length;
      expect(await zeros()).toBeGreaterThan(0.8);
      for (let i = 0; i < partialFitEpochs; i += 1) await clf.partialFit(XTrain, yTrain);
      expect(await zeros()).toBeGreaterThan(0.95);
    }
    clf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    ['KerasClassifier', KerasClassifier, 'sparse_categorical_crossentropy'],
    ['KerasRegressor', KerasRegressor, 'mse'],
  ] as const)('tests/test_parameters.py::test_kwargs (%s)', async (_name, Wrapper, loss) => {
    const before = tf.memory().numTensors;
    const originalBatchSize = 128;
    const kwargBatchSize = 90;
    const kwargEpochs = 2;
    const { cb, batches } = batchCounter();
    const est = new Wrapper({
      model: mlp,
      loss,
      warmStart: true,
      batchSize: originalBatchSize, // overridden by the call option
      fit__batchSize: originalBatchSize, // overridden by the call option
      predict__batchSize: originalBatchSize, // overridden by the call option
      fit__callbacks: [cb],
      randomState: 0,
      verbose: 0,
    });
    const r = rng(2);
    const X = Array.from({ length: 100 }, () => Array.from({ length: 10 }, () => r()));
    const y = X.map((_, i) => i % 3);
    await est.fit(X, y, { batchSize: kwargBatchSize, epochs: kwargEpochs });
    expect(batches).toEqual([2, 2]); // 100 rows in batches of 90, two epochs
    expect(est.history_!.loss).toHaveLength(kwargEpochs);
    const spy = jest.spyOn(est.model_!, 'apply');
    const rows = () => spy.mock.calls.map(([x]) => (x as tf.Tensor).shape[0]);
    await est.predict(X, { batchSize: kwargBatchSize });
    expect(rows()).toEqual([90, 10]);
    if (est instanceof KerasClassifier) {
      spy.mockClear();
      await est.predictProba(X, { batchSize: kwargBatchSize });
      expect(rows()).toEqual([90, 10]);
    }
    spy.mockRestore();
    // the params were restored: the call options were never stored
    const params = est.getParams();
    for (const name of ['batchSize', 'fit__batchSize', 'predict__batchSize'])
      expect(params[name]).toBe(originalBatchSize);
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  describe.each([10, 100])('length %i', (length) => {
    // tfjs's fit validates with the training batch size, so a validationBatchSize must equal it
    // (see BaseWrapper's TSDoc): the validation case sets both to -1.
    it.each([
      ['batchSize', { batchSize: -1 }],
      ['fit__batchSize', { fit__batchSize: -1 }],
      ['validationBatchSize', { validationBatchSize: -1, batchSize: -1 }],
      ['fit__validationBatchSize', { fit__validationBatchSize: -1, fit__batchSize: -1 }],
    ])('tests/test_parameters.py::test_batch_size_all_fit (%s)', async (_kw, params) => {
      const before = tf.memory().numTensors;
      const r = rng(length);
      const y = Array.from({ length }, () => r());
      const X = y.map((v) => [v]);
      const { cb, batches } = batchCounter();
      const est = new KerasRegressor({
        model: mlp,
        loss: 'mse',
        validationSplit: 0.2,
        fit__callbacks: [cb],
        randomState: 0,
        verbose: 0,
        ...params,
      });
      await est.fit(X, y);
      expect(batches).toEqual([1]); // every training row in one batch
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it.each([
      ['batchSize', { batchSize: -1 }],
      ['predict__batchSize', { predict__batchSize: -1 }],
    ])('tests/test_parameters.py::test_batch_size_all_predict (%s)', async (_kw, params) => {
      const before = tf.memory().numTensors;
      const r = rng(length);
      const y = Array.from({ length }, () => r());
      const X = y.map((v) => [v]);
      const est = new KerasRegressor({
        model: mlp,
        loss: 'mse',
        randomState: 0,
        verbose: 0,
        ...params,
      });
      await est.fit(X, y);
      const spy = jest.spyOn(est.model_!, 'apply');
      await est.predict(X);
      expect(spy.mock.calls.map(([x]) => (x as tf.Tensor).shape[0])).toEqual([length]);
      spy.mockRestore();
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
