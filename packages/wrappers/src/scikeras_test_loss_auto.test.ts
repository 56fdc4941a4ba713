// Twins of scikeras's tests/test_loss_auto.py (index id 13879347758, commit 036c26d4): the
// `loss: 'auto'` default of KerasClassifier and KerasRegressor (src/autoLoss.ts).
import * as tf from '@tensorflow/tfjs';
import { NotImplementedError, ValueError } from '@scikeras/estimator-core';
import {
  IdentityTransformer,
  KerasClassifier,
  KerasRegressor,
  tfjsLossName,
  type BuildContext,
  type Transformer,
} from './index';
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

  /** scikeras's NoEncoderClf: a classifier whose target encoder is the identity. */
  class NoEncoderClf extends KerasClassifier<{ outputs?: number | null; compile?: boolean }> {
    override get targetEncoder(): Transformer {
      return new IdentityTransformer();
    }
  }

  const X = data(2).X;
  const oneHot = (labels: number[]): number[][] =>
    labels.map((k) => Array.from({ length: N_CLASSES }, (_, j) => (j === k ? 1 : 0)));

  it.each([
    ['multilabel-indicator', 'binary_crossentropy'],
    ['multiclass-multioutput', ''],
    ['classification_w_onehot_targets', 'categorical_crossentropy'],
  ])(
    'tests/test_loss_auto.py::test_classifier_unsupported_multi_output_tasks (%s)',
    async (useCase, hint) => {
      const before = tf.memory().numTensors;
      const r = rng(3);
      let y: number[][];
      let est: KerasClassifier<{ compile?: boolean }>;
      if (useCase === 'classification_w_onehot_targets') {
        y = oneHot(X.map(() => Math.floor(r() * N_CLASSES)));
        est = new KerasClassifier({ model: shallowNet, model__compile: false, verbose: 0 });
      } else {
        // scikeras's y1 = randint(0, 1): all zeros
        y = X.map(() => [0, useCase === 'multiclass-multioutput' ? Math.floor(r() * 2) : 0]);
        if (useCase === 'multilabel-indicator') y[0] = [1, 1];
        est = new NoEncoderClf({ model: shallowNet, model__compile: false, verbose: 0 });
      }
      const match = hint
        ? new RegExp(
            '`loss="auto"` is not supported for tasks of type(.|\\n)+' +
              `loss="${hint}" might be appropriate`,
          )
        : /`loss="auto"` is not supported for tasks of type/;
      await expect(est.initialize(X, y)).rejects.toThrow(NotImplementedError);
      await expect(est.initialize(X, y)).rejects.toThrow(match);
      expect(est.initialized_).toBeUndefined(); // the failed initialize changed nothing
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it.each([
    ['binary_classification', 'binary_crossentropy'],
    ['binary_classification_w_one_class', 'binary_crossentropy'],
    ['classification_w_1d_targets', 'sparse_categorical_crossentropy'],
  ])(
    'tests/test_loss_auto.py::test_classifier_default_loss_only_model_specified (%s)',
    async (useCase, expLoss) => {
      const before = tf.memory().numTensors;
      const r = rng(4);
      const est = new KerasClassifier({
        model: shallowNet,
        model__outputs: useCase.includes('binary') ? 1 : null,
        verbose: 0,
        randomState: 0,
      });
      if (useCase === 'binary_classification_w_one_class') {
        const y = X.map(() => 0);
        // issue 13: our classifier refuses a one-class y in fit (scikeras fits it); given every
        // class through partialFit's `classes`, the one-class y is a binary target
        await expect(est.fit(X, y)).rejects.toThrow(
          'This solver needs samples of at least 2 classes in the data, but the data contains only one class: 0',
        );
        await est.partialFit(X, y, { classes: [0, 1] });
      } else if (useCase === 'binary_classification') {
        await est.fit(
          X,
          X.map((_, i) => i % 2),
        );
      } else {
        await est.fit(
          X,
          X.map(() => [Math.floor(r() * N_CLASSES)]),
        );
      }
      expect(est.model_!.loss).toBe(tfjsLossName(expLoss)); // scikeras: loss_name(model_.loss)
      expect(est.loss).toBe('auto');
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it.each([['single_output'], ['multi_output']])(
    'tests/test_loss_auto.py::test_regressor_default_loss_only_model_specified (%s)',
    async (useCase) => {
      const before = tf.memory().numTensors;
      const r = rng(5);
      const col = X.map(() => r());
      const single = useCase === 'single_output';
      const est = new KerasRegressor<{ outputs?: number | null }>({
        model: shallowNet,
        model__outputs: single ? 1 : 2,
        verbose: 0,
        randomState: 0,
      });
      await est.fit(X, single ? col : col.map((v) => [v, v]));
      expect(est.loss).toBe('auto');
      expect(est.model_!.loss).toBe(tfjsLossName('mean_squared_error'));
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  /**
   * scikeras's Multi mixin's target_encoder, FunctionTransformer(lambda x: [x[:, 0], x[:, 1]]):
   * here the encoder declares 2 expected outputs and the wrapper's preProcessY splits y's columns
   * into one target per output (our encoders say how many outputs the model has; 1 when silent).
   */
  class SplitColumns implements Transformer {
    nOutputsExpected_?: number;
    fit(): this {
      this.nOutputsExpected_ = 2;
      return this;
    }
    transform(y: unknown): unknown {
      return y;
    }
    inverseTransform(y: unknown): unknown {
      return y;
    }
  }

  /** scikeras's Multi mixin's _keras_build_fn: two 1-unit outputs, compiled with mse on request. */
  function multiModel(ctx: BuildContext & { compile?: boolean }): tf.LayersModel {
    const inp = tf.input({ shape: [FEATURES] });
    const out1 = tf.layers.dense({ units: 1 }).apply(inp) as tf.SymbolicTensor;
    const out2 = tf.layers.dense({ units: 1 }).apply(inp) as tf.SymbolicTensor;
    const model = tf.model({ inputs: inp, outputs: [out1, out2] });
    if (ctx.compile === true) {
      model.compile({ optimizer: ctx.compileKwargs.optimizer, loss: 'meanSquaredError' });
    }
    return model;
  }

  class RegMulti extends KerasRegressor<{ compile?: boolean }> {
    override buildModel(ctx: BuildContext<{ compile?: boolean }>): tf.LayersModel {
      return multiModel(ctx);
    }
    override get targetEncoder(): Transformer {
      return new SplitColumns();
    }
  }

  class ClfMulti extends KerasClassifier<{ compile?: boolean }> {
    override buildModel(ctx: BuildContext<{ compile?: boolean }>): tf.LayersModel {
      return multiModel(ctx);
    }
    override get targetEncoder(): Transformer {
      return new SplitColumns();
    }
  }

  describe.each([
    ['RegMulti', RegMulti],
    ['ClfMulti', ClfMulti],
  ])('%s', (_name, Est) => {
    it.each([[true], [false]])(
      'tests/test_loss_auto.py::test_multi_output_support (user_compiled %p)',
      async (userCompiled) => {
        const before = tf.memory().numTensors;
        const y = X.map(() => [0, 0]); // scikeras's randint(0, 1), stacked twice
        const est = new (Est as typeof RegMulti)({
          model__compile: userCompiled,
          verbose: 0,
          randomState: 0,
        });
        if (userCompiled) {
          await est.fit(X, y);
          expect(est.model_!.loss).toBe('meanSquaredError');
        } else {
          await expect(est.fit(X, y)).rejects.toThrow(ValueError);
          await expect(est.fit(X, y)).rejects.toThrow(
            /Only single-output models are supported with `loss="auto"`/,
          );
        }
        est.dispose();
        expect(tf.memory().numTensors).toBe(before);
      },
    );
  });

  it('tests/test_loss_auto.py::test_multiclass_single_output_unit', async () => {
    const before = tf.memory().numTensors;
    const est = new KerasClassifier({ model: shallowNet, model__outputs: 1, verbose: 0 });
    const y = X.map((_, i) => [i % N_CLASSES]);
    await expect(est.fit(X, y)).rejects.toThrow(ValueError);
    await expect(est.fit(X, y)).rejects.toThrow(
      /Multi-class targets require the model to have >1 output units/,
    );
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_loss_auto.py::test_binary_multiple_output_units', async () => {
    const before = tf.memory().numTensors;
    const est = new KerasClassifier({ model: shallowNet, model__outputs: 2, verbose: 0 });
    const y = X.map((_, i) => i % 2);
    await expect(est.fit(X, y)).rejects.toThrow(ValueError);
    await expect(est.fit(X, y)).rejects.toThrow(
      /Binary classification expects a model with exactly 1 output unit/,
    );
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
