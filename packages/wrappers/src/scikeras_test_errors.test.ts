// Twins of scikeras's tests/test_errors.py (issue 17): the errors scikeras raises, with its
// messages where ours follow them. Each test names its origin.
import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { BaseWrapper, KerasClassifier, KerasRegressor, type BuildContext } from './index';
import { checkNoLeakPerTest, mlp, useTestBackend } from './test-utils/backends';
import { testClassifier as clf } from './test-utils/wrappers';

const X2 = [
  [1, 2],
  [2, 3],
];

/** scikeras's test_no_loss/test_no_optimizer get_model: one sigmoid output per target column. */
function getModel(compile: boolean) {
  return (ctx: BuildContext) => {
    const inp = tf.input({ shape: [ctx.nFeaturesIn_ as number] });
    const hidden = tf.layers
      .dense({ units: 10, activation: 'relu' })
      .apply(inp) as tf.SymbolicTensor;
    const out = Array.from(
      { length: (ctx.nOutputs_ as number | undefined) ?? 1 },
      (_, i) =>
        tf.layers
          .dense({ units: 1, activation: 'sigmoid', name: `out${i + 1}` })
          .apply(hidden) as tf.SymbolicTensor,
    );
    const model = tf.model({ inputs: inp, outputs: out });
    try {
      if (compile) model.compile(ctx.compileKwargs as unknown as tf.ModelCompileArgs);
    } catch (e) {
      model.dispose(); // the model never reaches the wrapper
      throw e;
    }
    return model;
  };
}

describe('scikeras tests/test_errors.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it('tests/test_errors.py::test_unknown_param', () => {
    const before = tf.memory().numTensors;
    const est = new BaseWrapper();
    expect(() => est.setParams({ test: 1 })).toThrow(ValueError);
    expect(() => est.setParams({ test: 1 })).toThrow(InvalidParameterError);
    expect(() => est.setParams({ test: 1 })).toThrow(
      /^Invalid parameter test for estimator [\s\S]*This issue can likely be resolved by setting this parameter/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  describe('TestInvalidBuildFn', () => {
    it('tests/test_errors.py::TestInvalidBuildFn::test_invalid_build_fn', async () => {
      const before = tf.memory().numTensors;
      class Model {}
      const est = new KerasClassifier({ model: new Model() as never, verbose: 0 });
      const fit = est.fit([[0], [1]], [0, 1]);
      await expect(fit).rejects.toThrow(TypeError);
      await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(/`model` must be/);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('tests/test_errors.py::TestInvalidBuildFn::test_no_build_fn', async () => {
      const before = tf.memory().numTensors;
      class NoBuildFn extends KerasClassifier {}
      const est = new NoBuildFn({ verbose: 0 });
      await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(ValueError);
      await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(/must implement `buildModel`/);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('tests/test_errors.py::TestInvalidBuildFn::test_call_and_build_fn_function', async () => {
      const before = tf.memory().numTensors;
      class Clf extends KerasClassifier {
        override buildModel(ctx: BuildContext): tf.LayersModel {
          return mlp(ctx as Parameters<typeof mlp>[0]);
        }
      }
      const est = new Clf({ model: (() => null) as never, verbose: 0 });
      await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(ValueError);
      await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(/cannot implement `buildModel`/);
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  // scikeras: Keras compiles with `loss=None` and scikeras refuses to train ("... must provide a
  // loss function ..."). tfjs's `compile` itself refuses a null loss, inside the build function,
  // so with `compile` the error is tfjs's; without it the wrapper raises scikeras's message.
  describe.each([
    ['null', null],
    ['[null]', [null]],
  ])('loss %s', (_name, loss) => {
    it('tests/test_errors.py::test_no_loss (compile false)', async () => {
      const before = tf.memory().numTensors;
      const est = new KerasRegressor({ model: getModel(false), loss, verbose: 0 });
      await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(ValueError);
      await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(
        /^No valid loss function found\. You must provide a loss/,
      );
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('tests/test_errors.py::test_no_loss (compile true: tfjs refuses the null loss)', async () => {
      const before = tf.memory().numTensors;
      const est = new KerasRegressor({ model: getModel(true), loss, verbose: 0 });
      await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(
        /^When passing an Array as loss, it should have one entry per model output/,
      );
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  // scikeras expects Keras's "Could not interpret optimizer identifier" from `compile`. Without
  // `compile` ours raises scikeras's "You must provide an optimizer or a compiled model"; with it,
  // tfjs's `compile` fails on the null optimizer inside the build function (a TypeError).
  it('tests/test_errors.py::test_no_optimizer (compile false)', async () => {
    const before = tf.memory().numTensors;
    const est = new KerasRegressor({
      model: getModel(false),
      loss: 'mse',
      optimizer: null,
      verbose: 0,
    });
    await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(ValueError);
    await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(
      /^You must provide an optimizer or a compiled model/,
    );
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_errors.py::test_no_optimizer (compile true: tfjs refuses the null optimizer)', async () => {
    const before = tf.memory().numTensors;
    const est = new KerasRegressor({
      model: getModel(true),
      loss: 'mse',
      optimizer: null,
      verbose: 0,
    });
    await expect(est.fit([[0], [1]], [0, 1])).rejects.toThrow(TypeError);
    expect(est.model_).toBeUndefined();
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_errors.py::test_target_dtype_changes_incremental_fit', async () => {
    const before = tf.memory().numTensors;
    const est = clf();
    await est.fit(X2, [1, 3]);
    await est.partialFit(X2, new Uint8Array([1, 3]));
    await expect(est.partialFit(X2, new Float64Array([1, 3]))).rejects.toThrow(
      /^Got y with dtype float, but this KerasClassifier expected int/,
    );
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_errors.py::test_target_dims_changes_incremental_fit', async () => {
    const before = tf.memory().numTensors;
    const est = clf();
    await est.fit(X2, [1, 3]);
    await expect(est.partialFit(X2, [[1], [3]])).rejects.toThrow(/^y has 2 dimensions, but this /);
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_errors.py::test_target_shape_changes_incremental_fit_clf', async () => {
    const before = tf.memory().numTensors;
    const est = clf();
    await est.fit(X2, [[1], [3]]);
    await expect(
      est.partialFit(X2, [
        [1, 1],
        [3, 3],
      ]),
    ).rejects.toThrow(
      // scikeras's OrdinalEncoder says "X has 2 features, but ... is expecting 1 features";
      // our target encoder refuses the width change with scikit-learn's column_or_1d message.
      new ValueError('y should be a 1d array, got an array of shape (2, 2) instead.'),
    );
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_errors.py::test_X_dtype_changes_incremental_fit', async () => {
    const before = tf.memory().numTensors;
    const est = clf();
    // numpy's integer X as an Int32Array (plain JS numbers are doubles: float64)
    await est.fit({ data: Int32Array.from(X2.flat()), shape: [2, 2] }, [1, 3]);
    expect(est.XDtype_).toBe('int32');
    // X.astype(np.uint8) and X.astype(np.float64)
    await est.partialFit({ data: Uint8Array.from(X2.flat()), shape: [2, 2] }, [1, 3]);
    const epochs = est.currentEpoch_;
    const asFloat64 = { data: Float64Array.from(X2.flat()), shape: [2, 2] };
    await expect(est.partialFit(asFloat64, [1, 3])).rejects.toThrow(
      new ValueError(
        'Got X with dtype float64, but this KerasClassifier expected int32 and casting from float64 to int32 is not safe!',
      ),
    );
    await expect(est.partialFit(X2, [1, 3])).rejects.toThrow(/casting from float64 to int32/);
    expect(est.currentEpoch_).toBe(epochs);
    expect(est.XDtype_).toBe('int32');
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('plain whole numbers are float64: a later partialFit batch with fractions is accepted', async () => {
    const before = tf.memory().numTensors;
    const est = clf();
    await est.fit(X2, [1, 3]);
    expect(est.XDtype_).toBe('float64');
    await est.partialFit(
      X2.map((row) => row.map((v) => v + 0.5)),
      [1, 3],
    );
    expect(est.currentEpoch_).toBe(2);
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_errors.py::test_target_classes_change_incremental_fit', async () => {
    const before = tf.memory().numTensors;
    const est = clf();
    await est.fit(X2, [1, 3]);
    await est.partialFit(X2, [1, 3]);
    await expect(est.partialFit(X2, [10, 3])).rejects.toThrow(/Found unknown categories/);
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
