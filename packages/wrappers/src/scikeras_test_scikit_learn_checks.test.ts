// Twins of scikeras's tests/test_scikit_learn_checks.py (issue 17): scikit-learn's estimator
// checks (estimator-core's checkEstimator) on both wrappers with scikeras's settings, in one epoch
// and, for the two checks that need it, in 20; check_no_attributes_set_in_init
// (checkNoAttributesSetInInit) on a subclassed wrapper and on a wrapper whose build function takes
// nothing, then scikeras's basic_checks. Each test names its origin.
import * as tf from '@tensorflow/tfjs';
import { registerEstimator, type Params } from '@scikeras/estimator-core';
import { describeEstimatorChecks, runCheck } from '@scikeras/estimator-core/testing';
import { loadIris } from '@scikeras/datasets';
import {
  KerasClassifier,
  KerasRegressor,
  loadEstimator,
  saveEstimator,
  type BuildContext,
} from './index';
import { checkNoLeakPerTest, useTestBackend } from './test-utils/backends';

/**
 * scikeras's dynamic_classifier: Dense(relu) layers of `hiddenLayerSizes`, then one sigmoid unit
 * (binary), one sigmoid unit per label (multilabel-indicator) or a softmax (multiclass), compiled
 * with the `loss` param or, when it is null, the target's loss.
 */
function dynamicClassifier(ctx: BuildContext & { hiddenLayerSizes?: number[] }): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [ctx.nFeaturesIn_] }));
  for (const units of ctx.hiddenLayerSizes ?? [10])
    model.add(tf.layers.dense({ units, activation: 'relu' }));
  let loss: string;
  if (ctx.targetType_ === 'binary') {
    model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
    loss = 'binaryCrossentropy';
  } else if (ctx.targetType_ === 'multilabel-indicator') {
    const units = (ctx.nClasses_ as number[]).length;
    model.add(tf.layers.dense({ units, activation: 'sigmoid' }));
    loss = 'binaryCrossentropy';
  } else {
    model.add(tf.layers.dense({ units: Number(ctx.nClasses_), activation: 'softmax' }));
    loss = 'sparseCategoricalCrossentropy';
  }
  const given = ctx.compileKwargs.loss;
  model.compile({
    optimizer: ctx.compileKwargs.optimizer,
    loss: (given ?? loss) as tf.ModelCompileArgs['loss'],
  });
  return model;
}

interface SubclassedClassifierParams {
  /** @defaultValue [100] */
  model__hiddenLayerSizes?: number[];
}
interface SubclassedClassifier extends Required<SubclassedClassifierParams> {}

/** scikeras's SubclassedClassifier: every param set by the constructor, its own build method. */
class SubclassedClassifier extends KerasClassifier<SubclassedClassifierParams> {
  static override estimatorName = 'SubclassedClassifier';
  static override defaults: Readonly<Params> = {
    model__hiddenLayerSizes: [100],
    metrics: null,
    loss: null,
    optimizer: 'sgd',
  };

  override buildModel(ctx: BuildContext<SubclassedClassifierParams>): tf.LayersModel {
    return dynamicClassifier(ctx as BuildContext & { hiddenLayerSizes?: number[] });
  }
}

/** scikeras's basic_checks: fit, predict, score on 100 rows, a round trip, the same score. */
async function basicChecks(est: KerasClassifier<never> | KerasClassifier): Promise<void> {
  const [X, y] = loadIris({ returnXy: true }) as unknown as [number[][], number[]];
  const X100 = X.slice(0, 100);
  const y100 = y.slice(0, 100);
  await est.fit(X100, y100);
  await est.predict(X100);
  const score = await est.score(X100, y100);
  const loaded = await loadEstimator<KerasClassifier>(await saveEstimator(est));
  await loaded.predict(X100);
  expect(await loaded.score(X100, y100)).toBeCloseTo(score, 2);
  loaded.dispose();
}

/** scikeras's dynamic_regressor: Dense(relu) layers of `hiddenLayerSizes`, one linear unit per output. */
function dynamicRegressor(ctx: BuildContext & { hiddenLayerSizes?: number[] }): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [ctx.nFeaturesIn_] }));
  for (const units of ctx.hiddenLayerSizes ?? [10])
    model.add(tf.layers.dense({ units, activation: 'relu' }));
  model.add(tf.layers.dense({ units: (ctx.nOutputs_ as number | undefined) ?? 1 }));
  return model;
}

// scikeras's batch_size = 1000: larger than any X of the checks, so shuffling changes nothing
const BATCH_SIZE = 1000;
const HIGHER_PRECISION = ['checkClassifiersClasses', 'checkMethodsSampleOrderInvariance'];
const roundTrip = async (est: object): Promise<unknown> => loadEstimator(await saveEstimator(est));

/**
 * scikeras's MultiOutputClassifier(dynamic_classifier, hidden_layer_sizes=[]) (a test-only
 * KerasClassifier that gives a multilabel target one sigmoid output per label): our
 * KerasClassifier takes a multilabel-indicator target itself, for one sigmoid layer.
 */
function classifier(extra: Params = {}): KerasClassifier {
  return new KerasClassifier({
    model: dynamicClassifier,
    batchSize: BATCH_SIZE,
    model__hiddenLayerSizes: [],
    loss: null,
    verbose: 0,
    ...extra,
  });
}

/** scikeras's KerasRegressor(dynamic_regressor, loss=KerasRegressor.r_squared, hidden_layer_sizes=[]). */
function regressor(extra: Params = {}): KerasRegressor {
  return new KerasRegressor({
    model: dynamicRegressor,
    batchSize: BATCH_SIZE,
    loss: tf.metrics.r2Score,
    model__hiddenLayerSizes: [],
    verbose: 0,
    ...extra,
  });
}

describe('scikeras tests/test_scikit_learn_checks.py::test_fully_compliant_estimators_low_precision', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();
  const skip = Object.fromEntries(
    HIGHER_PRECISION.map((c) => [c, 'run in test_fully_compliant_estimators_high_precision']),
  );
  describeEstimatorChecks('KerasClassifier', () => classifier(), { skip, roundTrip });
  describeEstimatorChecks('KerasRegressor', () => regressor(), { skip, roundTrip });
});

describe('scikeras tests/test_scikit_learn_checks.py::test_fully_compliant_estimators_high_precision', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();
  // scikeras also sets Keras's floatx to float64 here: tfjs computes in float32 only
  const longer = { optimizer__learningRate: 0.1, epochs: 20 };
  describeEstimatorChecks('KerasClassifier', () => classifier(longer), { only: HIGHER_PRECISION });
  describeEstimatorChecks('KerasRegressor', () => regressor(longer), { only: HIGHER_PRECISION });
});

describe('scikeras tests/test_scikit_learn_checks.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();
  beforeAll(() => registerEstimator(SubclassedClassifier));

  it('tests/test_scikit_learn_checks.py::test_no_attributes_set_init_sublcassed', async () => {
    const before = tf.memory().numTensors;
    const check = await runCheck('checkNoAttributesSetInInit', () => new SubclassedClassifier());
    expect(check.status).toBe('passed');
    const est = new SubclassedClassifier({ verbose: 0, randomState: 0 });
    expect(est.getParams()).toMatchObject({
      model__hiddenLayerSizes: [100],
      optimizer: 'sgd',
      loss: null,
      metrics: null,
    });
    await basicChecks(est);
    expect(est.model_!.layers.slice(-2).map((l) => l.outputShape)).toEqual([
      [null, 100],
      [null, 1],
    ]);
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_scikit_learn_checks.py::test_no_attributes_set_init_no_args', async () => {
    const before = tf.memory().numTensors;
    function buildFn(): tf.LayersModel {
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 1, inputDim: 1, activation: 'relu' }));
      model.add(tf.layers.dense({ units: 1 }));
      model.compile({ loss: 'meanSquaredError', optimizer: 'rmsprop' });
      return model;
    }
    const check = await runCheck(
      'checkNoAttributesSetInInit',
      () => new KerasRegressor({ model: buildFn }),
    );
    expect(check.status).toBe('passed');
    const est = new KerasRegressor({ model: buildFn, verbose: 0 });
    await est.fit([[1]], [1]);
    expect(est.model_).toBeInstanceOf(tf.Sequential);
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
