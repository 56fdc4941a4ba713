// After scikeras's scikeras/wrappers.py _get_compile_kwargs and scikeras/utils (MIT), for tfjs.
import type * as tf from '@tensorflow/tfjs';
import { ValueError, pyRepr, type Params } from '@scikeras/estimator-core';
import { AUTO_LOSS } from './autoLoss';
import { tfjsLossName, tfjsMetricName } from './kerasIdentifiers';
import { resolveOptimizer } from './resolveOptimizer';
import { unflattenParams } from './unflattenParams';
import type { RoutedParams } from './RoutedParams';

export { tfjsLossName, tfjsMetricName };

/** A loss as `LayersModel.compile` takes it: a tfjs name or a `(yTrue, yPred) => Tensor` function. */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
/** A loss or metric object, as Keras's `Loss` and `Metric` instances are: its `call` computes it. */
export interface LossObject {
  /**
   * The loss (or metric) of a batch, as a Keras `Loss.call`.
   *
   * @param yTrue - the targets
   * @param yPred - the model's output
   * @returns the per-sample (or reduced) loss
   */
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor;
}
/** One loss or metric: a Keras or tfjs name, a function, a loss object or a class of them (built with `loss__*`). */
type LossLike = string | LossFn | LossObject | (new (...args: any[]) => LossObject);
/** A loss given to a wrapper: a Keras or tfjs name, a function, a loss object or class, or one per output. */
export type LossSpec = LossLike | (LossLike | null)[] | Record<string, LossLike> | null;
/** A metric given to a wrapper: a Keras or tfjs name, a function, a metric object or class. */
export type MetricSpec = LossLike;
/** What `LayersModel.compile` receives, built fresh for every model (scikeras's `compile_kwargs`). */
export interface CompileKwargs {
  /**
   * A fresh optimizer from `optimizer` and `optimizer__*`. `null` (despite the type, which keeps
   * `model.compile({ optimizer: compileKwargs.optimizer })` typed for the common case) when the
   * `optimizer` param is null: the build function must then compile the model itself.
   */
  optimizer: tf.Optimizer;
  loss: string | LossFn | (string | LossFn)[] | Record<string, string | LossFn> | null;
  /** One list for every output, one list per output (Keras's list of lists), or one record entry per output name. */
  metrics?:
    | (string | LossFn)[]
    | (string | LossFn)[][]
    | Record<string, string | LossFn | (string | LossFn)[]>;
  /** Refused unless null (tfjs's compile has no `lossWeights`), see {@link compileKwargsFrom}. */
  lossWeights?: unknown;
  /** Refused unless null (tfjs's compile has no `weightedMetrics`), see {@link compileKwargsFrom}. */
  weightedMetrics?: unknown;
  /** Accepted for scikeras parity; a no-op in tfjs (every model runs eagerly). */
  runEagerly?: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/** Applies `f` to every leaf of nested lists and records (scikeras's `try_to_convert_strings_to_classes`). */
function mapLeaves(v: unknown, f: (leaf: unknown) => unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => mapLeaves(x, f));
  if (isPlainObject(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapLeaves(x, f)]));
  }
  return f(v);
}

/** On the function made from a loss object: the object's class. */
export const LOSS_SOURCE: unique symbol = Symbol('scikeras.lossSource');

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A loss or metric object (an instance with `call(yTrue, yPred)`, as Keras's `Loss` and
 * `Metric` classes are) becomes the function tfjs's compile takes, named after the object's
 * `name` or its class; functions and names pass through.
 */
function asFunction(v: unknown): unknown {
  if (typeof v === 'function' || !v || typeof v !== 'object') return v;
  const inst = v as { call?: LossFn; name?: unknown };
  if (typeof inst.call !== 'function') return v;
  const fn: LossFn = (yTrue, yPred) => inst.call!(yTrue, yPred);
  const name =
    typeof inst.name === 'string' ? inst.name : lowerFirst(v.constructor?.name ?? 'loss');
  Object.defineProperty(fn, 'name', { value: name });
  // what scikeras's loss check compares (its `loss_name` of a Loss instance is its class's name)
  Object.defineProperty(fn, LOSS_SOURCE, { value: v.constructor });
  return fn;
}

/**
 * Resolves the `loss` param for `compile` as scikeras does: names become tfjs's (see
 * {@link tfjsLossName}), then classes are built from the `loss__*` params with
 * {@link unflattenParams} (`loss__x` for a single loss or every item of a list / record,
 * `loss__0__x` / `loss__out1__x` for one item, `loss__x__y` for a nested class); an object with a
 * `call(yTrue, yPred)` method becomes a function. `'auto'` stays `'auto'`: the wrapper picks the
 * loss once the target and the model are known (see `autoLoss`).
 *
 * @param spec - the `loss` param
 * @param routed - the `loss__*` params, prefix stripped
 * @returns the loss for `compile`, or `null` when none was given
 * @throws ValueError for a loss name with no tfjs equivalent
 * @throws TypeError "... does not accept parameters because it's not a class. ..." when params
 *   are routed to a name or a function
 * @example
 * ```ts
 * resolveLoss(['binary_crossentropy', 'categorical_crossentropy']);
 * ```
 */
export function resolveLoss(spec: unknown, routed: Params = {}): CompileKwargs['loss'] {
  if (spec === null || spec === undefined) return null;
  if (spec === AUTO_LOSS) return AUTO_LOSS; // picked once the target and the model are known
  if (Array.isArray(spec) && spec.every((l) => l === null || l === undefined)) return null;
  const built = unflattenParams(mapLeaves(spec, tfjsLossName), routed);
  return mapLeaves(built, asFunction) as CompileKwargs['loss'];
}

/**
 * Resolves the `metrics` param for `compile` as scikeras does: names become tfjs's (see
 * {@link tfjsMetricName}), then classes are built from the `metrics__*` params with
 * {@link unflattenParams}; objects with `call` become functions. A single metric becomes a list.
 *
 * @param spec - the `metrics` param
 * @param routed - the `metrics__*` params, prefix stripped
 * @returns the metrics for `compile`, or `undefined`
 * @throws ValueError for a metric name with no tfjs equivalent; TypeError for params routed to
 *   something that is not a class
 * @example
 * ```ts
 * resolveMetrics(['accuracy'], {}); // ['accuracy']
 * ```
 */
export function resolveMetrics(spec: unknown, routed: Params): CompileKwargs['metrics'] {
  if (spec === null || spec === undefined) return undefined;
  const built = mapLeaves(unflattenParams(mapLeaves(spec, tfjsMetricName), routed), asFunction);
  return (
    Array.isArray(built) || isPlainObject(built) ? built : [built]
  ) as CompileKwargs['metrics'];
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
  checkUnsupportedCompileKwargs(kw);
  const loss = resolveLoss(kw.loss, routed.loss);
  const metrics = resolveMetrics(kw.metrics, routed.metrics);
  const optimizer =
    kw.optimizer === null || kw.optimizer === undefined
      ? (null as unknown as tf.Optimizer)
      : resolveOptimizer(kw.optimizer, routed.optimizer);
  return { ...kw, optimizer, loss, metrics };
}

const UNSUPPORTED_COMPILE_KWARGS: Record<string, string> = {
  lossWeights:
    "TensorFlow.js's LayersModel.compile has no lossWeights: weight the outputs inside a custom loss function instead",
  weightedMetrics:
    "TensorFlow.js's LayersModel.compile has no weightedMetrics: its metrics are never weighted by sampleWeight",
};

/**
 * Refuses the compile params tfjs cannot honour (`lossWeights`, `weightedMetrics`) when set,
 * rather than ignoring them.
 *
 * @param kw - the compile params (`compile__x` over `x`)
 * @throws ValueError naming the param, e.g. "lossWeights={...} is not supported: ..."
 * @example
 * ```ts
 * checkUnsupportedCompileKwargs({ lossWeights: null }); // fine
 * ```
 */
export function checkUnsupportedCompileKwargs(kw: Params): void {
  for (const [name, why] of Object.entries(UNSUPPORTED_COMPILE_KWARGS)) {
    const v = kw[name];
    if (v === null || v === undefined) continue;
    throw new ValueError(`${name}=${pyRepr(v)} is not supported: ${why}. Leave ${name} null.`);
  }
}
