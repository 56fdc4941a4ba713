// After scikeras's scikeras/wrappers.py _initialize_callbacks (MIT), for tfjs callbacks.
import type * as tf from '@tensorflow/tfjs';
import type { Params } from '@scikeras/estimator-core';
import { unflattenParams } from '../unflattenParams';

/**
 * A callback: a tfjs callback instance, a plain `{ onEpochEnd, ... }` object, a callback class
 * (built with its routed params), or one of tfjs's factories for a class
 * (`tf.callbacks.earlyStopping`).
 */
export type CallbackSpec =
  | tf.Callback
  | tf.CustomCallbackArgs
  | (new (...args: any[]) => tf.Callback | tf.CustomCallback)
  | ((args?: any) => tf.Callback);

const HOOKS = [
  'onTrainBegin',
  'onTrainEnd',
  'onEpochBegin',
  'onEpochEnd',
  'onBatchBegin',
  'onBatchEnd',
  'onYield',
  'onPredictBegin',
  'onPredictEnd',
] as const;

/** Whether a value is a `{ onEpochEnd, ... }` callback object (a leaf, not a record of callbacks). */
function isHookObject(v: unknown): v is tf.CustomCallbackArgs {
  return (
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    HOOKS.some((h) => typeof (v as Record<string, unknown>)[h] === 'function')
  );
}

const CALLBACKS_TYPE_ERROR =
  'If specified, `callbacks` must be one of:' +
  '\n - A record of string keys with callbacks or lists of callbacks as values' +
  '\n - A list of callbacks or lists of callbacks' +
  '\n - A single callback' +
  '\nWhere each callback can be an instance of `tf.Callback`, a `{ onEpochEnd, ... }` object, or a class (or tfjs factory such as `tf.callbacks.earlyStopping`) to be built by the wrapper';

function flattenCallbacks(built: unknown): (tf.Callback | tf.CustomCallbackArgs)[] {
  const list = Array.isArray(built)
    ? built
    : built && typeof built === 'object' && !isCallbackInstance(built) && !isHookObject(built)
      ? Object.values(built) // a record: Keras takes a list, the keys only name them
      : [built];
  return list.flatMap((cb: unknown) => {
    if (Array.isArray(cb)) return flattenCallbacks(cb);
    if (isCallbackInstance(cb) || isHookObject(cb)) return [cb];
    throw new TypeError(CALLBACKS_TYPE_ERROR);
  });
}

/**
 * The callbacks of one phase from the params, as scikeras's `_initialize_callbacks` makes them:
 * `callbacks` plus `fit__callbacks` or `predict__callbacks`, each built with
 * {@link unflattenParams} from its routed params (`callbacks__patience` for a single class or
 * every item, `callbacks__1__patience` for one list item, `callbacks__es__patience` for a record
 * item). Classes include tfjs's own `tf.EarlyStopping` and its factory
 * `tf.callbacks.earlyStopping`. A record becomes the list of its values.
 *
 * @param params - every param (`getParams(false)`)
 * @param phase - `'fit'` or `'predict'`
 * @returns callback instances or `{ onEpochEnd, ... }` objects
 * @throws TypeError for anything that is not a callback, or params routed to an instance
 * @example
 * ```ts
 * buildCallbacks({ callbacks: { es: tf.callbacks.earlyStopping }, callbacks__es__patience: 2 }, 'fit');
 * ```
 */
export function buildCallbacks(
  params: Params,
  phase: 'fit' | 'predict',
): (tf.Callback | tf.CustomCallbackArgs)[] {
  const build = (dest: string): (tf.Callback | tf.CustomCallbackArgs)[] => {
    const spec = params[dest];
    if (spec === null || spec === undefined) return [];
    const prefix = `${dest}__`;
    const routed = Object.fromEntries(
      Object.entries(params)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
    return flattenCallbacks(unflattenParams(spec, routed, { isLeaf: isHookObject }));
  };
  return [...build('callbacks'), ...build(`${phase}__callbacks`)];
}

/** Whether a value is a tfjs callback instance (duck-typed). */
export function isCallbackInstance(v: unknown): v is tf.Callback {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as tf.Callback).setModel === 'function' &&
    typeof (v as tf.Callback).onEpochEnd === 'function'
  );
}
