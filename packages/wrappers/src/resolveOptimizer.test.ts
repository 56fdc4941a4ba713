import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { checkOptimizer, resolveOptimizer } from './resolveOptimizer';

const className = (o: tf.Optimizer): string =>
  (o.constructor as unknown as { className: string }).className;

describe('resolveOptimizer', () => {
  it('builds a new optimizer from a name with Keras defaults and routed params', () => {
    const before = tf.memory().numTensors;
    const adam = resolveOptimizer('adam', { learningRate: 0.01 });
    expect(className(adam)).toBe('Adam');
    expect(adam.getConfig()).toEqual({
      learningRate: 0.01,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
    });
    adam.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    [
      'adam',
      { learning_rate: 0.02, beta_1: 0.8, beta_2: 0.9 },
      { learningRate: 0.02, beta1: 0.8, beta2: 0.9 },
    ],
    ['rmsprop', { rho: 0.8 }, { decay: 0.8 }],
    ['sgd', { momentum: 0.5, nesterov: true }, { momentum: 0.5, useNesterov: true }],
  ])('keeps Keras spellings working (%s)', (name, routed, want) => {
    const opt = resolveOptimizer(name, routed);
    expect(opt.getConfig()).toMatchObject(want);
    if (name === 'sgd') expect(className(opt)).toBe('Momentum');
    opt.dispose();
  });

  it("rejects a param the optimizer does not take, listing the valid ones (Keras's lr)", () => {
    expect(() => resolveOptimizer('adam', { lr: 0.1 })).toThrow(
      new InvalidParameterError(
        "Invalid parameter 'lr' for optimizer Adam. Valid parameters are: ['beta1', 'beta2', 'epsilon', 'learningRate']. Did you mean 'learningRate'?",
      ),
    );
    expect(() => resolveOptimizer('rmsprop', { mommentum: 1 })).toThrow(
      "Invalid parameter 'mommentum' for optimizer RMSProp. Valid parameters are: ['centered', 'decay', 'epsilon', 'learningRate', 'momentum']. Did you mean 'momentum'?",
    );
    expect(() => resolveOptimizer(tf.AdamOptimizer, { zzz: 1 })).toThrow(
      "Invalid parameter 'zzz' for optimizer Adam. Valid parameters are: ['beta1', 'beta2', 'epsilon', 'learningRate'].",
    );
    const instance = tf.train.sgd(0.1);
    expect(() => resolveOptimizer(instance, { beta1: 0.9 })).toThrow(
      "Invalid parameter 'beta1' for optimizer SGD.",
    );
    instance.dispose();
  });

  it('re-creates instances from their config, never sharing them', () => {
    const instance = tf.train.adam(0.05);
    const copy = resolveOptimizer(instance, { beta1: 0.7 });
    expect(copy).not.toBe(instance);
    expect(copy.getConfig()).toMatchObject({ learningRate: 0.05, beta1: 0.7 });
    instance.dispose();
    copy.dispose();
  });

  it('calls factories with the routed params, unchecked', () => {
    const seen: unknown[] = [];
    const opt = resolveOptimizer(
      (p: Record<string, unknown>) => {
        seen.push(p);
        return tf.train.sgd(Number(p.lr));
      },
      { lr: 0.3 },
    );
    expect(seen).toEqual([{ lr: 0.3 }]);
    expect(opt.getConfig().learningRate).toBeCloseTo(0.3);
    opt.dispose();
    expect(() => resolveOptimizer(() => 3, {})).toThrow(
      'Could not interpret optimizer identifier: the optimizer factory returned 3, not a tf.Optimizer.',
    );
  });

  it('rejects unknown optimizers', () => {
    expect(() => resolveOptimizer('adamw', {})).toThrow(ValueError);
    expect(() => resolveOptimizer(null, {})).toThrow(
      'Could not interpret optimizer identifier: null.',
    );
  });
});

describe('checkOptimizer', () => {
  it('checks without building anything', () => {
    const before = tf.memory().numTensors;
    expect(() => checkOptimizer('adam', { learning_rate: 0.1 })).not.toThrow();
    expect(() => checkOptimizer('adam', { lr: 0.1 })).toThrow(InvalidParameterError);
    expect(tf.memory().numTensors).toBe(before);
  });
});
