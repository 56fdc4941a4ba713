// After scikeras's scikeras/wrappers.py _initialize_callbacks (MIT), for tfjs callbacks.
import type * as tf from '@tensorflow/tfjs';
import { paramsWithPrefix, unprefixedParams, type Params } from '@scikeras/estimator-core';

/** A callback: a tfjs callback instance, a plain `{ onEpochEnd, ... }` object, or a callback class. */
export type CallbackSpec =
  tf.Callback | tf.CustomCallbackArgs | (new (args?: any) => tf.Callback | tf.CustomCallback);

/**
 * The callbacks of one phase from the params: `callbacks` plus `fit__callbacks` or
 * `predict__callbacks`; a callback class is built with its `callbacks__<i>__*` params.
 *
 * @param params - every param (`getParams(false)`)
 * @param phase - `'fit'` or `'predict'`
 * @returns callback instances or `{ onEpochEnd, ... }` objects
 * @throws TypeError for anything that is not a callback
 * @example
 * ```ts
 * buildCallbacks({ callbacks: [Sentinel], callbacks__0__tolerance: 0.5 }, 'fit'); // [new Sentinel({ tolerance: 0.5 })]
 * ```
 */
export function buildCallbacks(
  params: Params,
  phase: 'fit' | 'predict',
): (tf.Callback | tf.CustomCallbackArgs)[] {
  const build = (dest: string): (tf.Callback | tf.CustomCallbackArgs)[] => {
    const spec = params[dest];
    if (spec === null || spec === undefined) return [];
    const routed = paramsWithPrefix(params, dest);
    const list: [string, unknown][] = Array.isArray(spec)
      ? spec.map((c, i) => [String(i), c])
      : typeof spec === 'function' || isCallbackInstance(spec) || !isPlainRecordOfCallbacks(spec)
        ? [['', spec]]
        : Object.entries(spec as Record<string, unknown>);
    return list.map(([key, cb]) => {
      if (typeof cb === 'function') {
        const args = key === '' ? unprefixedParams(routed) : paramsWithPrefix(routed, key);
        return new (cb as new (a: Params) => tf.Callback)(args);
      }
      if (cb && typeof cb === 'object') return cb as tf.Callback | tf.CustomCallbackArgs;
      throw new TypeError(
        'If specified, `callbacks` must be one of:\n - A record of string keys with callbacks as values\n - A list of callbacks\n - A single callback\nWhere each callback can be an instance of `tf.Callback`, a `{ onEpochEnd, ... }` object, or a class to be built by the wrapper',
      );
    });
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

function isPlainRecordOfCallbacks(v: unknown): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const values = Object.values(v as Record<string, unknown>);
  return (
    values.length > 0 &&
    values.every((c) =>
      typeof c === 'function'
        ? /^class\s/.test(Function.prototype.toString.call(c))
        : isCallbackInstance(c) || (!!c && typeof c === 'object'),
    )
  );
}
