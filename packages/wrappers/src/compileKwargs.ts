// After scikeras's scikeras/wrappers.py _get_compile_kwargs and scikeras/utils (MIT), for tfjs.
import * as tf from '@tensorflow/tfjs';
import { ValueError } from '@scikeras/estimator-core';
import type { Params } from '@scikeras/estimator-core';

/** A loss as `LayersModel.compile` takes it: a tfjs name or a `(yTrue, yPred) => Tensor` function. */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
/** A loss given to a wrapper: a Keras or tfjs name, a function, or one per output. */
export type LossSpec =
  string | LossFn | (string | LossFn | null)[] | Record<string, string | LossFn> | null;
/** A metric given to a wrapper: a Keras or tfjs name or a function. */
export type MetricSpec = string | LossFn;
/** An optimizer given to a wrapper: a name, an optimizer class, a factory or an instance. */
export type OptimizerSpec =
  | string
  | tf.Optimizer
  | (new (...args: any[]) => tf.Optimizer)
  | ((params: Params) => tf.Optimizer)
  | null;

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

interface OptimizerEntry {
  className: string;
  defaults: Record<string, number | boolean>;
}

// Keras 2 defaults (what a scikeras user gets from optimizer="adam"), in tfjs config names.
const OPTIMIZERS: Record<string, OptimizerEntry> = {
  sgd: { className: 'SGD', defaults: { learningRate: 0.01 } },
  momentum: {
    className: 'Momentum',
    defaults: { learningRate: 0.01, momentum: 0.9, useNesterov: false },
  },
  rmsprop: {
    className: 'RMSProp',
    defaults: { learningRate: 0.001, decay: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
  },
  adam: {
    className: 'Adam',
    defaults: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  },
  adagrad: {
    className: 'Adagrad',
    defaults: { learningRate: 0.001, initialAccumulatorValue: 0.1 },
  },
  adadelta: {
    className: 'Adadelta',
    defaults: { learningRate: 0.001, rho: 0.95, epsilon: 1e-7 },
  },
  adamax: {
    className: 'Adamax',
    defaults: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, decay: 0 },
  },
};

// Keras spellings of optimizer params -> tfjs config names.
const OPTIMIZER_ALIASES: Record<string, Record<string, string>> = {
  RMSProp: { rho: 'decay' },
  Adam: { beta_1: 'beta1', beta_2: 'beta2' },
  Adamax: { beta_1: 'beta1', beta_2: 'beta2' },
  SGD: {},
};

function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function optimizerClass(className: string): any {
  const map = tf.serialization.SerializationMap.getMap().classNameMap;
  const entry = map[className];
  if (!entry) throw new ValueError(`Could not interpret optimizer identifier: ${className}`);
  return entry[0];
}

function makeOptimizer(className: string, config: Params): tf.Optimizer {
  const Cls = optimizerClass(className);
  const entry = Object.values(OPTIMIZERS).find((e) => e.className === className);
  const aliases = OPTIMIZER_ALIASES[className] ?? {};
  const cfg: Params = { ...(entry?.defaults ?? {}) };
  for (const [k, v] of Object.entries(config)) cfg[aliases[k] ?? camel(k)] = v;
  if (className === 'SGD' && typeof cfg.momentum === 'number' && cfg.momentum > 0) {
    return makeOptimizer('Momentum', cfg);
  }
  if (className === 'SGD') delete cfg.momentum;
  return Cls.fromConfig(Cls, cfg) as tf.Optimizer;
}

function isOptimizerInstance(v: unknown): v is tf.Optimizer {
  return !!v && typeof v === 'object' && v instanceof tf.Optimizer;
}

function isOptimizerClass(v: unknown): v is new (...a: any[]) => tf.Optimizer {
  const proto = typeof v === 'function' ? (v as { prototype?: unknown }).prototype : undefined;
  return !!proto && typeof proto === 'object' && proto instanceof tf.Optimizer;
}

/**
 * A new optimizer for one model from the `optimizer` param and the `optimizer__*` params:
 * names use Keras defaults, classes are built from their `className`, factories are called
 * with the routed params, instances are re-created from their config (never shared).
 *
 * @param spec - the `optimizer` param
 * @param routed - the `optimizer__*` params, prefix stripped (Keras or tfjs spellings)
 * @returns a fresh `tf.Optimizer`
 * @throws ValueError "Could not interpret optimizer identifier: ..." for anything else
 * @example
 * ```ts
 * resolveOptimizer('adam', { learningRate: 0.01 }); // a new tf.AdamOptimizer
 * ```
 */
export function resolveOptimizer(spec: OptimizerSpec | unknown, routed: Params): tf.Optimizer {
  if (typeof spec === 'string') {
    const entry = OPTIMIZERS[spec.toLowerCase()];
    if (!entry) {
      throw new ValueError(
        `Could not interpret optimizer identifier: '${spec}'. Use one of ${Object.keys(OPTIMIZERS)
          .map((k) => `'${k}'`)
          .join(', ')}, a tf.Optimizer class or instance, or a function returning one.`,
      );
    }
    return makeOptimizer(entry.className, routed);
  }
  if (isOptimizerInstance(spec)) {
    const className = (spec.constructor as any).className as string;
    return makeOptimizer(className, { ...(spec.getConfig() as Params), ...routed });
  }
  if (isOptimizerClass(spec)) return makeOptimizer((spec as any).className as string, routed);
  if (typeof spec === 'function') {
    const made = (spec as (p: Params) => unknown)(routed);
    if (!isOptimizerInstance(made)) {
      throw new ValueError(
        `Could not interpret optimizer identifier: the optimizer factory returned ${String(made)}, not a tf.Optimizer.`,
      );
    }
    return made;
  }
  throw new ValueError(
    `Could not interpret optimizer identifier: ${String(spec)}. Pass a name such as 'adam', a tf.Optimizer class or instance, or a function returning one.`,
  );
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
  return camel(loss);
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
  return camel(metric);
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
  const sub = (key: string): Params => {
    const out: Params = {};
    for (const [k, v] of Object.entries(routed))
      if (k.startsWith(`${key}__`)) out[k.slice(key.length + 2)] = v;
    return out;
  };
  if (Array.isArray(spec)) {
    if (spec.every((l) => l === null || l === undefined)) return null;
    return spec.map((l, i) => lossOf(l, sub(String(i)))) as (string | LossFn)[];
  }
  if (typeof spec === 'object') {
    return Object.fromEntries(
      Object.entries(spec as Record<string, unknown>).map(([k, v]) => [k, lossOf(v, sub(k))]),
    ) as Record<string, string | LossFn>;
  }
  const top: Params = Object.fromEntries(Object.entries(routed).filter(([k]) => !k.includes('__')));
  return lossOf(spec, top) as string | LossFn;
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
    if (isClass(m)) {
      const args: Params = {};
      for (const [k, v] of Object.entries(routed))
        if (k.startsWith(`${key}__`)) args[k.slice(key.length + 2)] = v;
      return new (m as new (a: Params) => LossFn)(args);
    }
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
