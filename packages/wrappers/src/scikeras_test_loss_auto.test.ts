// Twins of scikeras's tests/test_loss_auto.py (index id 13879347758, commit 036c26d4). Only
// test_user_compiled has one: the file's other tests check `loss="auto"`, a default that the
// scikeras wrappers.py in the index (commit 00be7c5e, `loss=None`) and our wrappers do not have.
import * as tf from '@tensorflow/tfjs';
import { KerasClassifier, type BuildContext } from './index';
import { checkNoLeakPerTest, rng, useTestBackend } from './test-utils/backends';

const N_CLASSES = 4;
const FEATURES = 8;
const N_EG = 40;

/** tests/test_loss_auto.py's shallow_net: one Dense layer, compiled on request. */
function shallowNet(
  ctx: BuildContext & { outputs?: number | null; loss?: string | null; compile?: boolean },
): tf.LayersModel {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: ctx.outputs ?? N_CLASSES, inputShape: [FEATURES] }));
  if (ctx.compile === true) m.compile({ optimizer: 'rmsprop', loss: ctx.loss as string });
  return m;
}

function data(seed: number): { X: number[][]; labels: number[] } {
  const r = rng(seed);
  const X = Array.from({ length: N_EG }, () => Array.from({ length: FEATURES }, () => r()));
  const labels = X.map((_, i) => i % N_CLASSES);
  return { X, labels };
}

describe('scikeras tests/test_loss_auto.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  // Keras's identifiers with their tfjs names: the user compiles with tfjs's own.
  it.each([
    ['binary_crossentropy', 'binaryCrossentropy'],
    ['categorical_crossentropy', 'categoricalCrossentropy'],
    ['sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy'],
    ['poisson', 'poisson'],
    ['kl_divergence', 'kullbackLeiblerDivergence'],
    ['hinge', 'hinge'],
    ['categorical_hinge', 'categoricalHinge'],
    ['squared_hinge', 'squaredHinge'],
  ])('tests/test_loss_auto.py::test_user_compiled (%s)', async (keras, loss) => {
    const before = tf.memory().numTensors;
    const { X, labels } = data(1);
    // scikeras one-hot encodes y itself for categorical_crossentropy only when the wrapper's
    // loss says so: here the user compiled the model, so y comes one-hot. scikeras passes the
    // other losses the labels as a column, which Keras broadcasts against the 4 outputs; tfjs's
    // model.fit refuses a [n, 1] target for a [n, 4] output, so those get one-hot y too.
    const oneHot = !['binary_crossentropy', 'sparse_categorical_crossentropy'].includes(keras);
    const y = oneHot
      ? labels.map((k) => Array.from({ length: N_CLASSES }, (_, j) => (j === k ? 1 : 0)))
      : labels;
    const est = new KerasClassifier({
      model: shallowNet,
      model__compile: true,
      model__loss: loss,
      model__outputs: keras.includes('binary') ? 1 : null,
      verbose: 0,
      randomState: 0,
    });
    await est.partialFit(X, y);
    expect(est.model_!.loss).toBe(loss); // the user's loss as compiled
    expect(est.currentEpoch).toBe(1);
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
