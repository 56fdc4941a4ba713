// After Keras's keras/losses.py and keras/metrics get() alias tables (Apache-2.0), mapped to tfjs.
import * as tf from '@tensorflow/tfjs';
import { ValueError } from '@scikeras/estimator-core';

/** A tfjs loss or metric function: `(yTrue, yPred) => Tensor`. */
type Fn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Lower case without `_`: `'BinaryCrossentropy'`, `'binary_crossentropy'`, `'binaryCrossentropy'` meet. */
function normalize(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

// Keras loss identifiers (function names, class names, short aliases), normalized -> tfjs name.
const LOSSES: Record<string, string> = {
  meansquarederror: 'meanSquaredError',
  mse: 'meanSquaredError',
  meanabsoluteerror: 'meanAbsoluteError',
  mae: 'meanAbsoluteError',
  meanabsolutepercentageerror: 'meanAbsolutePercentageError',
  mape: 'meanAbsolutePercentageError',
  meansquaredlogarithmicerror: 'meanSquaredLogarithmicError',
  msle: 'meanSquaredLogarithmicError',
  binarycrossentropy: 'binaryCrossentropy',
  bce: 'binaryCrossentropy',
  categoricalcrossentropy: 'categoricalCrossentropy',
  sparsecategoricalcrossentropy: 'sparseCategoricalCrossentropy',
  hinge: 'hinge',
  squaredhinge: 'squaredHinge',
  categoricalhinge: 'categoricalHinge',
  logcosh: 'logcosh',
  kullbackleiblerdivergence: 'kullbackLeiblerDivergence',
  kldivergence: 'kullbackLeiblerDivergence',
  kld: 'kullbackLeiblerDivergence',
  poisson: 'poisson',
  cosinesimilarity: 'cosineProximity',
  cosineproximity: 'cosineProximity',
};

// Keras metric identifiers, normalized -> what tfjs's compile takes (its name, or its function
// where tfjs's compile knows no name for it).
const METRICS: Record<string, string | Fn> = {
  // Keras picks the accuracy / crossentropy from the loss and output shape; tfjs does the same
  accuracy: 'accuracy',
  acc: 'accuracy',
  crossentropy: 'crossentropy',
  ce: 'crossentropy',
  binaryaccuracy: 'binaryAccuracy',
  categoricalaccuracy: 'categoricalAccuracy',
  sparsecategoricalaccuracy: tf.metrics.sparseCategoricalAccuracy,
  precision: 'precision',
  recall: tf.metrics.recall,
  binarycrossentropy: tf.metrics.binaryCrossentropy,
  bce: tf.metrics.binaryCrossentropy,
  categoricalcrossentropy: 'categoricalCrossentropy',
  sparsecategoricalcrossentropy: 'sparseCategoricalCrossentropy',
  cosinesimilarity: 'cosine',
  cosineproximity: 'cosine',
  cosine: 'cosine',
  meansquarederror: 'mse',
  mse: 'mse',
  meanabsoluteerror: 'mae',
  mae: 'mae',
  meanabsolutepercentageerror: 'mape',
  mape: 'mape',
  r2score: tf.metrics.r2Score,
};

const spellings = (table: Record<string, unknown>): string =>
  Object.keys(table)
    .map((k) => `'${k}'`)
    .join(', ');

/**
 * The tfjs loss for a Keras or tfjs loss identifier: snake_case (`'binary_crossentropy'`),
 * camelCase (`'binaryCrossentropy'`), Keras class names (`'BinaryCrossentropy'`) and Keras's
 * short aliases (`'bce'`, `'mse'`, `'mae'`, `'mape'`, `'msle'`, `'kld'`). Anything that is not a
 * string passes through.
 *
 * @param loss - a loss identifier, or a function / class / list (returned as is)
 * @returns the tfjs loss name, or `loss` itself when it is not a string
 * @throws ValueError "Could not interpret loss function identifier: ..." listing the supported
 *   names, for a name with no tfjs equivalent (e.g. Keras's `'huber'`)
 * @example
 * ```ts
 * tfjsLossName('BinaryCrossentropy'); // 'binaryCrossentropy'
 * tfjsLossName('kld'); // 'kullbackLeiblerDivergence'
 * ```
 * @see https://keras.io/api/losses/
 */
export function tfjsLossName<T>(loss: T): T | string {
  if (typeof loss !== 'string') return loss;
  const name = LOSSES[normalize(loss)];
  if (name === undefined) {
    throw new ValueError(
      `Could not interpret loss function identifier: ${loss}. TensorFlow.js has no equivalent;` +
        ` the supported names (any case, with or without '_') are: ${spellings(LOSSES)}.` +
        ' Or pass a function (yTrue, yPred) => tf.Tensor.',
    );
  }
  return name;
}

/**
 * The tfjs metric for a Keras or tfjs metric identifier: snake_case, camelCase, Keras class names
 * (`'SparseCategoricalAccuracy'`) and short aliases (`'acc'`, `'mse'`, `'mae'`, `'mape'`,
 * `'bce'`). `'accuracy'` / `'acc'` / `'crossentropy'` / `'ce'` stay as they are: tfjs, like
 * Keras, picks the binary, categorical or sparse variant from the loss. Where tfjs's compile has
 * no name for a metric it has (`recall`, `sparseCategoricalAccuracy`, `r2Score`, ...), its
 * `tf.metrics` function is returned. Anything that is not a string passes through.
 *
 * @param metric - a metric identifier, or a function / class (returned as is)
 * @returns what tfjs's `compile` takes
 * @throws ValueError "Could not interpret metric identifier: ..." listing the supported names
 * @example
 * ```ts
 * tfjsMetricName('categorical_accuracy'); // 'categoricalAccuracy'
 * tfjsMetricName('SparseCategoricalAccuracy'); // tf.metrics.sparseCategoricalAccuracy
 * ```
 * @see https://keras.io/api/metrics/
 */
export function tfjsMetricName<T>(metric: T): T | string | Fn {
  if (typeof metric !== 'string') return metric;
  const found = METRICS[normalize(metric)];
  if (found === undefined) {
    throw new ValueError(
      `Could not interpret metric identifier: ${metric}. TensorFlow.js has no equivalent;` +
        ` the supported names (any case, with or without '_') are: ${spellings(METRICS)}.` +
        ' Or pass a function (yTrue, yPred) => tf.Tensor.',
    );
  }
  return found;
}
