// Twins of scikeras's tests/test_utils.py (issue 17): loss_name and metric_name, here lossName
// and metricName. Each test names its origin. tfjs has no Loss or Metric classes: a class with a
// `call(yTrue, yPred)` method (what the wrappers' `loss` and `metrics` params take) stands in.
import * as tf from '@tensorflow/tfjs';
import { ValueError } from '@scikeras/estimator-core';
import { lossName, metricName } from './index';
import { checkNoLeakPerTest, useTestBackend } from './test-utils/backends';

/** A loss class as a user writes one for the wrappers (scikeras's CustomLoss(losses.Loss)). */
class CustomLoss {
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.metrics.meanSquaredError(yTrue, yPred);
  }
}

/** scikeras's CustomMetric(metrics.AUC): a subclass of a metric class. */
class AUC {
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.metrics.binaryAccuracy(yTrue, yPred);
  }
}
class CustomMetric extends AUC {}

/** Keras's `CategoricalCrossentropy` class (loss and metric), which tfjs lacks: the same class of one's own. */
class CategoricalCrossentropy {
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.metrics.categoricalCrossentropy(yTrue, yPred);
  }
}

const untouched = <T>(f: () => T): T => {
  const before = tf.memory().numTensors;
  const r = f();
  expect(tf.memory().numTensors).toBe(before);
  return r;
};

describe('scikeras tests/test_utils.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it.each<[string, unknown]>([
    ['"categorical_crossentropy"', 'categorical_crossentropy'],
    ['"CategoricalCrossentropy"', 'CategoricalCrossentropy'],
    ['tfjs\'s "categoricalCrossentropy"', 'categoricalCrossentropy'],
    ['the function tf.metrics.categoricalCrossentropy', tf.metrics.categoricalCrossentropy],
    ['the class CategoricalCrossentropy', CategoricalCrossentropy],
    ['an instance of CategoricalCrossentropy', new CategoricalCrossentropy()],
  ])('tests/test_utils.py::test_loss_invariance (%s)', (_, obj) => {
    expect(untouched(() => lossName(obj))).toBe('categorical_crossentropy');
  });

  it.each<[string, unknown]>([
    ['the class', CustomLoss],
    ['an instance', new CustomLoss()],
  ])('tests/test_utils.py::test_custom_loss (%s)', (_, obj) => {
    expect(untouched(() => lossName(obj))).toBe('custom_loss');
  });

  it.each<[string, unknown]>([
    ['"categorical_crossentropy"', 'categorical_crossentropy'],
    ['"CategoricalCrossentropy"', 'CategoricalCrossentropy'],
    ['the function tf.metrics.categoricalCrossentropy', tf.metrics.categoricalCrossentropy],
    ['the class CategoricalCrossentropy', CategoricalCrossentropy],
    ['an instance of CategoricalCrossentropy', new CategoricalCrossentropy()],
  ])('tests/test_utils.py::test_metric_invariance (%s)', (_, obj) => {
    expect(untouched(() => metricName(obj))).toBe('categorical_crossentropy');
  });

  // Python's object(), object, list(): a plain object, the Object class, an array
  it.each<[string, unknown]>([
    ['{}', {}],
    ['Object', Object],
    ['[]', []],
  ])('tests/test_utils.py::test_loss_types (%s)', (_, loss) => {
    untouched(() => {
      expect(() => lossName(loss)).toThrow(TypeError);
      expect(() => lossName(loss)).toThrow(
        '``loss`` must be a string, a function, a loss object (an instance with a ``call(yTrue, yPred)``' +
          ' method, as ``tf.keras.losses.Loss`` instances are) or a class whose instances are loss objects',
      );
    });
  });

  it('tests/test_utils.py::test_unknown_loss_raises', () => {
    untouched(() => {
      expect(() => lossName('unknown_loss')).toThrow(ValueError);
      expect(() => lossName('unknown_loss')).toThrow(/^Unknown loss function: unknown_loss\. /);
    });
  });

  it.each<[string, unknown]>([
    ['{}', {}],
    ['Object', Object],
    ['[]', []],
  ])('tests/test_utils.py::test_metric_types (%s)', (_, obj) => {
    untouched(() => {
      expect(() => metricName(obj)).toThrow(TypeError);
      expect(() => metricName(obj)).toThrow(
        /^``metric`` must be a string, a function, a metric object/,
      );
    });
  });

  it('tests/test_utils.py::test_unknown_metric', () => {
    untouched(() => {
      expect(() => metricName('unknown_metric')).toThrow(ValueError);
      expect(() => metricName('unknown_metric')).toThrow(
        /^Unknown metric function: unknown_metric\. /,
      );
    });
  });

  it.each<[string, unknown]>([
    ['the class', CustomMetric],
    ['an instance', new CustomMetric()],
  ])('tests/test_utils.py::test_custom_metric (%s)', (_, metric) => {
    expect(untouched(() => metricName(metric))).toBe('custom_metric');
  });
});

describe('lossName and metricName beyond the scikeras tests', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it.each<[unknown, string]>([
    ['mse', 'mean_squared_error'],
    ['MSE', 'mean_squared_error'],
    ['meanSquaredError', 'mean_squared_error'],
    [tf.metrics.MSE, 'mean_squared_error'],
    [tf.metrics.mse, 'mean_squared_error'],
    [tf.losses.meanSquaredError, 'mean_squared_error'],
    ['kld', 'kl_divergence'],
    ['KLDivergence', 'kl_divergence'],
    ['kullbackLeiblerDivergence', 'kl_divergence'],
    ['logcosh', 'log_cosh'],
    ['cosineProximity', 'cosine_similarity'],
    ['huber', 'huber'],
    [tf.metrics.mape, 'mean_absolute_percentage_error'],
  ])('lossName(%p) is %p', (loss, name) => {
    expect(lossName(loss)).toBe(name);
  });

  it.each<[unknown, string]>([
    ['acc', 'accuracy'],
    ['AUC', 'auc'],
    ['RootMeanSquaredError', 'root_mean_squared_error'],
    [tf.metrics.sparseCategoricalAccuracy, 'sparse_categorical_accuracy'],
    [tf.metrics.r2Score, 'r2_score'],
    ['mae', 'mean_absolute_error'],
  ])('metricName(%p) is %p', (metric, name) => {
    expect(metricName(metric)).toBe(name);
  });

  it('names a function of ones own after it, snake-cased, and gives null for null', () => {
    const myLoss = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor => tf.sub(yTrue, yPred);
    expect(lossName(myLoss)).toBe('my_loss');
    expect(metricName(myLoss)).toBe('my_loss');
    expect(lossName(null)).toBeNull();
    expect(metricName(undefined)).toBeNull();
  });

  it('knows a loss name is not a metric name and the reverse', () => {
    expect(() => lossName('accuracy')).toThrow(/^Unknown loss function: accuracy\./);
    expect(metricName('accuracy')).toBe('accuracy');
  });
});
