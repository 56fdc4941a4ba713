// Twins of scikeras's tests/test_input_outputs.py (issue 17): multi-input models, loss
// invariance, target encoders reused by partialFit, output widths, and the shapes of predictions
// against scikit-learn's MLP estimators. Each test names its origin.
import * as tf from '@tensorflow/tfjs';
import { ValueError, type ArrayND } from '@scikeras/estimator-core';
import { KerasClassifier, KerasRegressor, type BuildContext } from './index';
import type { Transformer } from './IdentityTransformer';
import { checkNoLeakPerTest, mlp, rng, useTestBackend } from './test-utils/backends';

/** scikeras's FunctionTransformer(lambda X: [X[:, 0], X[:, 1:4]]): one array per model input. */
class SplitInputs implements Transformer {
  fit(): this {
    return this;
  }
  inverseTransform(X: unknown): unknown {
    return X;
  }
  transform(X: unknown): unknown {
    const { data, shape } = X as ArrayND;
    const d = shape[1]!;
    const rows = Array.from({ length: shape[0]! }, (_, i) =>
      Array.from(data.subarray(i * d, (i + 1) * d)),
    );
    return [rows.map((r) => r.slice(0, 1)), rows.map((r) => r.slice(1, 4))];
  }
}

/** scikeras's FunctionalAPIMultiInputClassifier: two inputs, compiled in its build method. */
class FunctionalAPIMultiInputClassifier extends KerasClassifier {
  static override estimatorName = 'FunctionalAPIMultiInputClassifier';
  override buildModel({ nClasses_ }: BuildContext): tf.LayersModel {
    const inp1 = tf.input({ shape: [1] });
    const inp2 = tf.input({ shape: [3] });
    const x1 = tf.layers.dense({ units: 100 }).apply(inp1) as tf.SymbolicTensor;
    const x2 = tf.layers.dense({ units: 100 }).apply(inp2) as tf.SymbolicTensor;
    const x3 = tf.layers.concatenate({ axis: -1 }).apply([x1, x2]) as tf.SymbolicTensor;
    const catOut = tf.layers
      .dense({ units: nClasses_ as number, activation: 'softmax' })
      .apply(x3) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [inp1, inp2], outputs: [catOut] });
    model.compile({
      optimizer: 'adam',
      loss: ['sparseCategoricalCrossentropy'],
      metrics: ['accuracy'],
    });
    return model;
  }
  override get featureEncoder(): Transformer {
    return new SplitInputs();
  }
}

/** scikeras's create_model: one hidden layer, one Dense output of each width in `nUnits`. */
function createModel(activation: 'sigmoid' | 'softmax', nUnits: number[]) {
  return ({ nFeaturesIn_ }: BuildContext) => {
    const inp = tf.input({ shape: [nFeaturesIn_ as number] });
    const x = tf.layers.dense({ units: 32, activation: 'relu' }).apply(inp) as tf.SymbolicTensor;
    const out = nUnits.map(
      (n) => tf.layers.dense({ units: n, activation }).apply(x) as tf.SymbolicTensor,
    );
    return tf.model({ inputs: inp, outputs: out });
  };
}

/** The shape of a prediction: [n] or [n, k]. */
function shapeOf(pred: unknown): number[] {
  const rows = pred as unknown[];
  return Array.isArray(rows[0]) ? [rows.length, (rows[0] as unknown[]).length] : [rows.length];
}

const accuracy = (y: unknown[], p: unknown[]): number =>
  y.filter((v, i) => JSON.stringify(v) === JSON.stringify(p[i])).length / y.length;

describe('scikeras tests/test_input_outputs.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it('tests/test_input_outputs.py::test_multi_input', async () => {
    const before = tf.memory().numTensors;
    const r = rng(4);
    const X = Array.from({ length: 10 }, () => [r(), r(), r(), r()]);
    const y = Array.from({ length: 10 }, (_, i) => i);
    const clf = new FunctionalAPIMultiInputClassifier({ verbose: 0, randomState: 0 });
    await clf.fit(X, y);
    expect(clf.model_!.inputs).toHaveLength(2);
    expect(shapeOf(await clf.predict(X))).toEqual([10]);
    const score = await clf.score(X, y);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    clf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  // scikeras compares clf_1.predict with itself (`y_2 = clf_1.predict(X)`); the twin checks that
  // both losses fit, partialFit and predict labels of y, and that clf_1's predictions are stable.
  it.each([
    ['multiclass (ordinal, sorted)', [1, 2, 3]],
    ['multiclass (ordinal, unsorted)', [2, 1, 3]],
    [
      'multilabel-indicator (one-hot)',
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    ],
    ['multiclass (categorical)', ['a', 'b', 'c']],
  ] as [string, unknown[]][])(
    'tests/test_input_outputs.py::test_KerasClassifier_loss_invariance (%s)',
    async (yType, y) => {
      const before = tf.memory().numTensors;
      const X = y.map((_, i) => [i]);
      const clf1 = new KerasClassifier({
        model: mlp,
        loss: 'categorical_crossentropy',
        randomState: 0,
        verbose: 0,
      });
      await clf1.fit(X, y);
      await clf1.partialFit(X, y);
      const y1 = (await clf1.predict(X)) as unknown[];
      expect(shapeOf(y1)).toEqual(shapeOf(y));
      if (!yType.startsWith('multilabel')) {
        // sparse_categorical_crossentropy does not take one-hot targets (as in Keras)
        const clf2 = new KerasClassifier({
          model: mlp,
          loss: 'sparse_categorical_crossentropy',
          randomState: 0,
          verbose: 0,
        });
        await clf2.fit(X, y);
        const y2 = (await clf2.predict(X)) as unknown[];
        expect(y2.every((v) => y.includes(v))).toBe(true);
        expect(await clf1.predict(X)).toEqual(y1);
        clf2.dispose();
      }
      clf1.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it.each(['categorical_crossentropy', 'sparse_categorical_crossentropy'])(
    'tests/test_input_outputs.py::test_KerasClassifier_transformers_can_be_reused (%s)',
    async (loss) => {
      const before = tf.memory().numTensors;
      const X1 = [[1], [2], [3]];
      const y1 = [1, 2, 3];
      const clf = new KerasClassifier({ model: mlp, loss, randomState: 0, verbose: 0 });
      await clf.fit(X1, y1);
      const tfs = clf.targetEncoder_;
      await clf.partialFit(X1, [1, 1, 1]); // only 1 of the 3 classes
      expect(clf.targetEncoder_).toBe(tfs); // the same transformer was re-used
      expect([...(clf.classes_ as number[])].sort()).toEqual([1, 2, 3]);
      clf.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('tests/test_input_outputs.py::test_incompatible_output_dimensions', async () => {
    const before = tf.memory().numTensors;
    const r = rng(5);
    const X = Array.from({ length: 10 }, () => Array.from({ length: 20 }, () => r()));
    const y = Array.from({ length: 10 }, (_, i) => i % 3);
    // a model with 2 outputs for a 1-output target
    const buildFnClf = ({ nFeaturesIn_ }: BuildContext) => {
      const inp = tf.input({ shape: [nFeaturesIn_ as number] });
      const x1 = tf.layers.dense({ units: 100 }).apply(inp) as tf.SymbolicTensor;
      const binaryOut = tf.layers
        .dense({ units: 1, activation: 'sigmoid' })
        .apply(x1) as tf.SymbolicTensor;
      const catOut = tf.layers
        .dense({ units: 2, activation: 'softmax' })
        .apply(x1) as tf.SymbolicTensor;
      const model = tf.model({ inputs: [inp], outputs: [binaryOut, catOut] });
      model.compile({
        optimizer: 'rmsprop',
        loss: ['binaryCrossentropy', 'categoricalCrossentropy'],
      });
      return model;
    };
    const clf = new KerasClassifier({ model: buildFnClf, verbose: 0 });
    await expect(clf.fit(X, y)).rejects.toThrow(ValueError);
    await expect(clf.fit(X, y)).rejects.toThrow(/input of size/);
    clf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  // The shape half of scikeras's comparison with MLPClassifier: each prediction has the shape
  // scikit-learn's gives for that target (1-D for one label per row, [n, k] for one-hot and
  // multilabel-indicator y). The dtype half cannot be ported: JavaScript has one number type.
  const n = 200;
  const bits = Array.from({ length: n }, (_, i) => (i * 7) % 2);
  const three = Array.from({ length: n }, (_, i) => (i * 7) % 3);
  const four = Array.from({ length: n }, (_, i) => (i * 5) % 4);
  it.each([
    ['single_output_binary_sigmoid', 'sigmoid', [1], 'binary_crossentropy', bits, bits],
    [
      'single_output_binary_sigmoid (string labels)',
      'sigmoid',
      [1],
      'binary_crossentropy',
      bits,
      bits.map(String),
    ],
    [
      'single_output_binary_softmax',
      'softmax',
      [2],
      'categorical_crossentropy',
      bits,
      bits.map((v) => [v, 1 - v]),
    ],
    [
      'single_output_multiclass_sparse',
      'softmax',
      [3],
      'sparse_categorical_crossentropy',
      three,
      three,
    ],
    [
      'single_output_multiclass_one_hot',
      'softmax',
      [3],
      'categorical_crossentropy',
      three,
      three.map((v) => [0, 1, 2].map((k) => (k === v ? 1 : 0))),
    ],
    [
      'multilabel_indicator_single_sigmoid',
      'sigmoid',
      [2],
      'bce',
      four,
      four.map((v) => [v === 1 || v === 3 ? 1 : 0, v === 2 || v === 3 ? 1 : 0]),
    ],
  ] as [string, 'sigmoid' | 'softmax', number[], string, number[], unknown[]][])(
    'tests/test_input_outputs.py::test_output_shapes_and_dtypes_against_sklearn_cls (%s)',
    async (_case, activation, units, loss, x, y) => {
      const before = tf.memory().numTensors;
      const X = x.map((v) => [v]);
      const est = new KerasClassifier({
        model: createModel(activation, units),
        loss,
        optimizer: 'adam',
        optimizer__learningRate: 0.05,
        epochs: 15,
        randomState: 0,
        verbose: 0,
      });
      await est.fit(X.slice(0, 150), y.slice(0, 150));
      const pred = (await est.predict(X.slice(150))) as unknown[];
      expect(shapeOf(pred)).toEqual(shapeOf(y.slice(150)));
      // scikeras's min_score: 0.95, and 0.4 for multilabel-indicator (every label of a row right)
      const minScore = Array.isArray(y[0]) && loss === 'bce' ? 0.4 : 0.95;
      expect(accuracy(y.slice(150), pred)).toBeGreaterThanOrEqual(minScore);
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it.each([
    ['continuous', (v: number) => v],
    ['continuous_multioutput', (v: number) => [v, v]],
  ] as [string, (v: number) => unknown][])(
    'tests/test_input_outputs.py::test_output_shapes_and_dtypes_against_sklearn_reg (%s)',
    async (_case, target) => {
      const before = tf.memory().numTensors;
      const X = bits.map((v) => [v]);
      const y = bits.map(target);
      const est = new KerasRegressor({
        model: mlp,
        loss: 'mse',
        optimizer: 'adam',
        optimizer__learningRate: 0.05,
        epochs: 15,
        randomState: 0,
        verbose: 0,
      });
      await est.fit(X.slice(0, 150), y.slice(0, 150));
      const pred = await est.predict(X.slice(150));
      expect(shapeOf(pred)).toEqual(shapeOf(y.slice(150)));
      expect(await est.score(X.slice(150), y.slice(150))).toBeGreaterThanOrEqual(0.99);
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});
