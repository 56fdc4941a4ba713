// scikeras's scikeras/wrappers.py routing (MIT): every param sent to its destination, once per fit.
import { paramsWithPrefix, splitParamKey, type Params } from '@scikeras/estimator-core';
import { routeParams } from './routeParams';

/** The `fit` keyword arguments a wrapper forwards to tfjs (`fit__x` or `x`). */
export const FIT_KWARGS: ReadonlySet<string> = new Set([
  'batchSize',
  'epochs',
  'verbose',
  'validationSplit',
  'validationData',
  'shuffle',
  'classWeight',
  'initialEpoch',
  'validationBatchSize',
  'validationFreq',
  'stepsPerEpoch',
  'validationSteps',
  'yieldEvery',
]);

/** The `predict` keyword arguments (`predict__x` or `x`). */
export const PREDICT_KWARGS: ReadonlySet<string> = new Set(['batchSize', 'verbose']);

/** The `compile` keyword arguments (`compile__x` or `x`). */
export const COMPILE_KWARGS: ReadonlySet<string> = new Set([
  'optimizer',
  'loss',
  'metrics',
  'lossWeights',
  'weightedMetrics',
  'runEagerly',
]);

/**
 * Every param, sent to where it goes (scikeras's routing), computed once per `fit` from one
 * `getParams` snapshot. Each destination holds its own names (prefix stripped), with
 * `dest__x` overriding `x`.
 */
export interface RoutedParams {
  /** The build function's params: every unprefixed param, `model__x` overriding `x`. */
  model: Params;
  /** `optimizer`, `loss`, `metrics`, `lossWeights`, `weightedMetrics`, `runEagerly` (`compile__x` overriding). */
  compile: Params;
  /** `optimizer__*`: the optimizer's own params. */
  optimizer: Params;
  /** `loss__*`: a loss class's params (`loss__0__x` for a list of losses). */
  loss: Params;
  /** `metrics__*`: a metric class's params, by position (`metrics__0__x`). */
  metrics: Params;
  /** The tfjs `fit` arguments from params (`fit__x` overriding `x`), callbacks excluded. */
  fit: Params;
  /** The tfjs `predict` arguments from params (`predict__x` overriding `x`), callbacks excluded. */
  predict: Params;
  /** The callback params as they are named (`callbacks`, `callbacks__*`, `fit__callbacks*`, `predict__callbacks*`). */
  callbacks: Params;
  /** `score__*`: the scorer's options. */
  score: Params;
}

function withoutCallbacks(args: Params): Params {
  for (const k of Object.keys(args)) if (k.startsWith('callbacks')) delete args[k];
  return args;
}

function isCallbackKey(key: string): boolean {
  const split = splitParamKey(key);
  if (split === null) return key === 'callbacks';
  const [head, rest] = split;
  if (head === 'callbacks') return true;
  return (head === 'fit' || head === 'predict') && rest.startsWith('callbacks');
}

/**
 * Routes every param to its destination (see {@link RoutedParams}).
 *
 * @param params - every param by name (one `getParams(false)` snapshot)
 * @param fitKwargs - the unprefixed names forwarded to tfjs `fit` (a classifier drops `classWeight`)
 * @returns the routed params
 * @example
 * ```ts
 * routeWrapperParams({ batchSize: 8, fit__batchSize: 32, optimizer__learningRate: 0.1 }, FIT_KWARGS);
 * // { fit: { batchSize: 32 }, optimizer: { learningRate: 0.1 }, predict: { batchSize: 8 }, ... }
 * ```
 * @see https://adriangb.com/scikeras/stable/advanced.html#routed-parameters
 */
export function routeWrapperParams(params: Params, fitKwargs: ReadonlySet<string>): RoutedParams {
  return {
    model: routeParams(params, 'model', null),
    compile: routeParams(params, 'compile', COMPILE_KWARGS),
    optimizer: paramsWithPrefix(params, 'optimizer'),
    loss: paramsWithPrefix(params, 'loss'),
    metrics: paramsWithPrefix(params, 'metrics'),
    fit: withoutCallbacks(routeParams(params, 'fit', fitKwargs)),
    predict: withoutCallbacks(routeParams(params, 'predict', PREDICT_KWARGS)),
    callbacks: Object.fromEntries(Object.entries(params).filter(([k]) => isCallbackKey(k))),
    score: paramsWithPrefix(params, 'score'),
  };
}
