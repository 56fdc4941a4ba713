// Port of scikeras's scikeras/utils/__init__.py metric_name (MIT), for tfjs and JavaScript classes.
import { ValueError } from '@scikeras/estimator-core';
import { KERAS_METRIC_NAMES, kerasNameOf } from './internal/kerasNames';

/**
 * A metric's full Keras name (e.g. `'mean_squared_error'`), whatever form it is given in: a Keras
 * or tfjs name in any spelling (`'acc'`, `'CategoricalAccuracy'`, `'categoricalAccuracy'`), a
 * tfjs metric function (`tf.metrics.categoricalAccuracy`), a function of your own, a metric
 * object (an instance with a `call(yTrue, yPred)` method, as the wrappers' `metrics` param
 * takes), or a class of such objects (instantiated with no arguments first, as scikeras does).
 * The result is always snake_case.
 *
 * @param metric - the metric; `null` / `undefined` give `null`
 * @returns the full name, or `null`
 * @throws TypeError "``metric`` must be a string, a function, ..." for anything else
 * @throws ValueError "Unknown metric function: ..." for a name Keras does not know
 * @example
 * ```ts
 * metricName('acc'); // 'accuracy'
 * metricName('CategoricalCrossentropy'); // 'categorical_crossentropy'
 * metricName(tf.metrics.MSE); // 'mean_squared_error'
 * ```
 * @remarks Keras's names, also for metrics tfjs lacks (`'auc'`, `'root_mean_squared_error'`).
 * scikeras snake-cases class names letter by letter (`'AUC'` -> `'a_u_c'`); here a class name
 * Keras knows gives Keras's metric name (`'auc'`), another class is snake-cased as scikeras does.
 * `'crossentropy'` / `'ce'` are kept: Keras's and tfjs's `compile` take them.
 * @see https://adriangb.com/scikeras/stable/generated/scikeras.utils.metric_name.html
 */
export function metricName(metric: unknown): string | null {
  return kerasNameOf(metric, {
    names: KERAS_METRIC_NAMES,
    typeMessage:
      '``metric`` must be a string, a function, a metric object (an instance with a' +
      ' ``call(yTrue, yPred)`` method, as ``tf.keras.metrics.Metric`` instances are) or a' +
      ' class whose instances are metric objects',
    unknown: (name) =>
      new ValueError(
        `Unknown metric function: ${name}. Please ensure it is a Keras or tfjs metric name` +
          " (any case, with or without '_') or pass the function or class itself.",
      ),
  });
}
