import * as tf from '@tensorflow/tfjs';
import { NotImplementedError, ValueError } from '@scikeras/estimator-core';
import {
  autoLoss,
  BaseWrapper,
  KerasClassifier,
  KerasRegressor,
  type BuildContext,
  type CompileKwargs,
} from './index';
import { checkNoLeakPerTest, rng, useTestBackend } from './test-utils/backends';

function dense(units: number, outputs = 1): tf.LayersModel {
  const inp = tf.input({ shape: [3] });
  const outs = Array.from(
    { length: outputs },
    () => tf.layers.dense({ units }).apply(inp) as tf.SymbolicTensor,
  );
  return tf.model({ inputs: inp, outputs: outs });
}

const r = rng(7);
const X = Array.from({ length: 12 }, () => [r(), r(), r()]);

describe('autoLoss', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it('picks the loss from the task and target type, checking the output units', () => {
    const before = tf.memory().numTensors;
    const one = dense(1);
    const three = dense(3);
    const two = dense(1, 2);
    expect(autoLoss('classifier', 'binary', one)).toBe('binaryCrossentropy');
    expect(autoLoss('classifier', 'multiclass', three)).toBe('sparseCategoricalCrossentropy');
    expect(autoLoss('regressor', 'continuous', three)).toBe('meanSquaredError');
    expect(() => autoLoss('classifier', 'binary', three)).toThrow(
      'Binary classification expects a model with exactly 1 output unit; the model has 3.',
    );
    expect(() => autoLoss('classifier', 'multiclass', one)).toThrow(ValueError);
    expect(() => autoLoss('regressor', 'continuous', two)).toThrow(
      /^Only single-output models are supported with `loss="auto"`\. The model has 2 outputs/,
    );
    expect(() => autoLoss('classifier', 'multiclass-multioutput', three)).toThrow(
      NotImplementedError,
    );
    expect(() => autoLoss('classifier', 'multiclass-multioutput', three)).not.toThrow(
      /might be appropriate/,
    );
    for (const m of [one, three, two]) m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('before the build (no model): no checks, null where the target picks no loss', () => {
    expect(autoLoss('classifier', 'binary', null)).toBe('binaryCrossentropy');
    expect(autoLoss('classifier', 'multilabel-indicator', null)).toBeNull();
    expect(autoLoss('regressor', 'continuous-multioutput', null)).toBe('meanSquaredError');
  });

  it("is the default loss of KerasClassifier and KerasRegressor, not BaseWrapper's", () => {
    expect(new KerasClassifier().getParams().loss).toBe('auto');
    expect(new KerasRegressor().getParams().loss).toBe('auto');
    expect(new BaseWrapper().getParams().loss).toBeNull();
  });

  it("the build context's compileKwargs carry the picked loss; a build function may compile with it", async () => {
    const before = tf.memory().numTensors;
    const seen: CompileKwargs['loss'][] = [];
    const est = new KerasClassifier({
      model: (ctx: BuildContext) => {
        seen.push(ctx.compileKwargs.loss);
        const m = dense(1);
        m.compile(ctx.compileKwargs as tf.ModelCompileArgs);
        return m;
      },
      verbose: 0,
    });
    await est.fit(
      X,
      X.map((_, i) => i % 2),
    );
    expect(seen).toEqual(['binaryCrossentropy']);
    expect(est.model_!.loss).toBe('binaryCrossentropy');
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("BaseWrapper has no 'auto': an uncompiled model is refused, unchanged estimator", async () => {
    const before = tf.memory().numTensors;
    const est = new BaseWrapper({ model: () => dense(1), loss: 'auto', verbose: 0 });
    await expect(
      est.fit(
        X,
        X.map(() => [0.5]),
      ),
    ).rejects.toThrow(
      '`loss="auto"` is supported by KerasClassifier and KerasRegressor only: pass BaseWrapper a loss, or compile the model in the model-building function.',
    );
    expect(est.model_).toBeUndefined();
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
