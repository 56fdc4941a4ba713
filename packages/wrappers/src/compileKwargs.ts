// After scikeras's scikeras/wrappers.py _get_compile_kwargs and scikeras/utils (MIT), for tfjs.
import type * as tf from '@tensorflow/tfjs';
import {
  ValueError,
  paramsWithPrefix,
  unprefixedParams,
  type Params,
} from '@scikeras/estimator-core';
import { camelCase } from './internal/camelCase';
import { resolveOptimizer } from './resolveOptimizer';
import type { RoutedParams } from './RoutedParams';

/** A loss as `LayersModel.compile` takes it: a tfjs name or a `(yTrue, yPred) => Tensor` function. */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
/** A loss given to a wrapper: a Keras or tfjs name, a function, or one per output. */
export type LossSpec =
  string | LossFn | (string | LossFn | null)[] | Record<string, string | LossFn> | null;
/** A metric given to a wrapper: a Keras or tfjs name or a function. */
export type MetricSpec = string | LossFn;
/** What `LayersModel.compile` receives, built fresh for every model (scikeras's `compile_kwargs`). */
export interface CompileKwargs {
  optimizer: tf.Optimizer;
  loss: string | LossFn | (string | LossFn)[] | Record<string, string | LossFn> | null;
  metrics?: (string | LossFn)[] | Record<string, string | LossFn | (string | LossFn)[]>;
  /** Accepted for scikeras parity; tfjs ignores it. */
  lossWeights?: unknown;
  /** Accepted for scikeras parity; a no-op in tfjs (every model runs eagerly). */
  runEagerly?: boolean;
}

// Keras loss / metric names (and their short aliases) -> tfjs names.
const LOSS_ALIASES: Record<string, string> = {
  mse: 'meanSquaredError',
  mae: 'meanAbsoluteError',
  mape: 'meanAbsolutePercentageError',
  msle: 'meanSquaredLogarithmicError',
  kld: 'kullbackLeiblerDivergence',
  kl_divergence: 'kullbackLeiblerDivergence',
  log_cosh: 'logcosh',
  cosine_similarity: 'cosineProximity',
};

/**
 * The tfjs name of a Keras or tfjs loss name (`'binary_crossentropy'` -> `'binaryCrossentropy'`,
 * `'mse'` -> `'meanSquaredError'`); functions pass through.
 *
 * @param loss - a loss name or function
 * @returns what `LayersModel.compile` accepts
 * @example
 * ```ts
 * tfjsLossName('sparse_categorical_crossentropy'); // 'sparseCategoricalCrossentropy'
 * ```
 */
export function tfjsLossName<T>(loss: T): T | string {
  if (typeof loss !== 'string') return loss;
  const lower = loss.toLowerCase();
  if (LOSS_ALIASES[lower]) return LOSS_ALIASES[lower]!;
  return camelCase(loss);
}

const METRIC_ALIASES: Record<string, string> = {
  acc: 'accuracy',
  accuracy: 'accuracy',
  mean_squared_error: 'mse',
  meansquarederror: 'mse',
  mean_absolute_error: 'mae',
  meanabsoluteerror: 'mae',
  mean_absolute_percentage_error: 'mape',
  meanabsolutepercentageerror: 'mape',
  cosine_similarity: 'cosine',
};

/**
 * The tfjs name of a Keras or tfjs metric name (`'binary_accuracy'` -> `'binaryAccuracy'`,
 * `'mean_squared_error'` -> `'mse'`); functions pass through.
 *
 * @param metric - a metric name or function
 * @returns what `LayersModel.compile` accepts
 * @example
 * ```ts
 * tfjsMetricName('categorical_accuracy'); // 'categoricalAccuracy'
 * ```
 */
export function tfjsMetricName<T>(metric: T): T | string {
  if (typeof metric !== 'string') return metric;
  const lower = metric.toLowerCase();
  if (METRIC_ALIASES[lower]) return METRIC_ALIASES[lower]!;
  return camelCase(metric);
}

function isClass(v: unknown): v is new (args: Params) => unknown {
  return typeof v === 'function' && /^class\s/.test(Function.prototype.toString.call(v));
}

/** A loss class is built with its routed params; an instance with `call` becomes a function. */
function lossOf(l: unknown, args: Params): unknown {
  if (!isClass(l)) return tfjsLossName(l);
  const inst = new l(args) as { call?: LossFn } | LossFn;
  if (typeof inst === 'function') return inst;
  if (inst && typeof inst.call === 'function') {
    const fn: LossFn = (yTrue, yPred) => inst.call!(yTrue, yPred);
    Object.defineProperty(fn, 'name', { value: l.name.charAt(0).toLowerCase() + l.name.slice(1) });
    return fn;
  }
  throw new ValueError(
    `The loss class ${l.name} must build a function or an object with a call(yTrue, yPred) method.`,
  );
}

/**
 * Resolves the `loss` param for `compile`: names converted, lists and records element-wise; a
 * loss class is built with the `loss__*` params (tfjs's own losses are functions and take none).
 *
 * @param spec - the `loss` param
 * @param routed - the `loss__*` params, prefix stripped
 * @returns the loss for `compile`, or `null` when none was given
 * @throws ValueError when a loss class builds something that is not a loss
 * @example
 * ```ts
 * resolveLoss(['binary_crossentropy', 'categorical_crossentropy']);
 * ```
 */
export function resolveLoss(spec: unknown, routed: Params = {}): CompileKwargs['loss'] {
  if (spec === null || spec === undefined) return null;
  const sub = (key: string): Params => paramsWithPrefix(routed, key);
  if (Array.isArray(spec)) {
    if (spec.every((l) => l === null || l === undefined)) return null;
    return spec.map((l, i) => lossOf(l, sub(String(i)))) as (string | LossFn)[];
  }
  if (typeof spec === 'object') {
    return Object.fromEntries(
      Object.entries(spec as Record<string, unknown>).map(([k, v]) => [k, lossOf(v, sub(k))]),
    ) as Record<string, string | LossFn>;
  }
  return lossOf(spec, unprefixedParams(routed)) as string | LossFn;
}

/**
 * Resolves the `metrics` param for `compile`: names converted; a metric class in the list is
 * built with its `metrics__<index>__*` params.
 *
 * @param spec - the `metrics` param
 * @param routed - the `metrics__*` params, prefix stripped
 * @returns the metrics for `compile`, or `undefined`
 * @example
 * ```ts
 * resolveMetrics(['accuracy'], {}); // ['accuracy']
 * ```
 */
export function resolveMetrics(spec: unknown, routed: Params): CompileKwargs['metrics'] {
  if (spec === null || spec === undefined) return undefined;
  const one = (m: unknown, key: string): string | LossFn => {
    if (isClass(m)) return new (m as new (a: Params) => LossFn)(paramsWithPrefix(routed, key));
    return tfjsMetricName(m) as string | LossFn;
  };
  if (Array.isArray(spec)) return spec.map((m, i) => one(m, String(i)));
  if (typeof spec === 'object') {
    return Object.fromEntries(
      Object.entries(spec as Record<string, unknown>).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.map((m, i) => one(m, `${k}__${i}`)) : one(v, k),
      ]),
    );
  }
  return [one(spec, '0')];
}

/**
 * The Keras name of a tfjs history key, as scikeras records it in `history_`: `'acc'` ->
 * `'accuracy'`, `'val_acc'` -> `'val_accuracy'`, `'mse'` -> `'mean_squared_error'`,
 * camelCase -> snake_case.
 *
 * @param key - a key of tfjs's `History.history`
 * @returns the Keras spelling
 * @example
 * ```ts
 * kerasMetricName('val_binaryAccuracy'); // 'val_binary_accuracy'
 * ```
 */
export function kerasMetricName(key: string): string {
  const val = key.startsWith('val_');
  const base = val ? key.slice(4) : key;
  const full: Record<string, string> = {
    acc: 'accuracy',
    mse: 'mean_squared_error',
    MSE: 'mean_squared_error',
    mae: 'mean_absolute_error',
    MAE: 'mean_absolute_error',
    mape: 'mean_absolute_percentage_error',
    MAPE: 'mean_absolute_percentage_error',
    cosine: 'cosine_proximity',
  };
  const name = full[base] ?? base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return val ? `val_${name}` : name;
}

/**
 * The compile arguments of one fit from its routed params: one new optimizer built from
 * `optimizer` and `optimizer__*`, `loss` and `metrics` resolved to tfjs names (classes built
 * with `loss__*` / `metrics__*`), `compile__*` overrides.
 *
 * @param routed - the routed params of the fit
 * @returns the compile kwargs (the caller owns the optimizer)
 * @throws ValueError / InvalidParameterError for an optimizer, loss or metric that cannot be built
 * @example
 * ```ts
 * compileKwargsFrom(routeWrapperParams(est.getParams(false), FIT_KWARGS)).optimizer; // a new tf.Optimizer
 * ```
 */
export function compileKwargsFrom(
  routed: Pick<RoutedParams, 'compile' | 'optimizer' | 'loss' | 'metrics'>,
): CompileKwargs {
  const kw = routed.compile;
  const loss = resolveLoss(kw.loss, routed.loss);
  const metrics = resolveMetrics(kw.metrics, routed.metrics);
  return { ...kw, optimizer: resolveOptimizer(kw.optimizer, routed.optimizer), loss, metrics };
}
