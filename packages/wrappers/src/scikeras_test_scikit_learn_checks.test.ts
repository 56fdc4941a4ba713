// Twins of scikeras's tests/test_scikit_learn_checks.py (issue 17): scikit-learn's
// check_no_attributes_set_in_init (estimator-core's checkNoAttributesSetInInit) on a subclassed
// wrapper and on a wrapper whose build function takes nothing, then scikeras's basic_checks.
// Each test names its origin.
import * as tf from '@tensorflow/tfjs';
import { registerEstimator, type Params } from '@scikeras/estimator-core';
import { runCheck } from '@scikeras/estimator-core/testing';
import { loadIris } from '@scikeras/datasets';
import {
  KerasClassifier,
  KerasRegressor,
  loadEstimator,
  saveEstimator,
  type BuildContext,
} from './index';
import { checkNoLeakPerTest, useTestBackend } from './test-utils/backends';

/** scikeras's dynamic_classifier for a binary target: Dense(relu) layers, one sigmoid unit. */
function dynamicClassifier(ctx: BuildContext & { hiddenLayerSizes?: number[] }): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [ctx.nFeaturesIn_] }));
  for (const units of ctx.hiddenLayerSizes ?? [10])
    model.add(tf.layers.dense({ units, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  // loss=None: dynamic_classifier compiles with the binary target's loss
  model.compile({ optimizer: ctx.compileKwargs.optimizer, loss: 'binaryCrossentropy' });
  return model;
}

interface SubclassedClassifierParams {
  /** @defaultValue [100] */
  model__hiddenLayerSizes?: number[];
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
interface SubclassedClassifier extends Required<SubclassedClassifierParams> {}

/** scikeras's SubclassedClassifier: every param set by the constructor, its own build method. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
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
