// registerModel and friends: @scikeras/wrappers' names for estimator-core's function registry, so
// that model-building functions (and custom losses) are saved and sent to worker threads by name.
import * as tf from '@tensorflow/tfjs';
import {
  getRegisteredFunction,
  registerFunction,
  registerFunctionNamespace,
  registeredFunctionModule,
  registeredFunctionName,
  registeredFunctionNames,
  unregisterFunction,
  type RegisteredFunction,
  type RegisterFunctionOptions,
} from '@scikeras/estimator-core';
import * as metricsTfjs from '@scikeras/metrics/tfjs';

export type { RegisteredFunction } from '@scikeras/estimator-core';

/** Options of {@link registerModel} (estimator-core's `RegisterFunctionOptions`). */
export type RegisterModelOptions = RegisterFunctionOptions;

// Always known by name, in every thread that loads this package: @scikeras/metrics/tfjs's
// losses and metrics ('@scikeras/metrics/tfjs:rootMeanSquaredError') and tf.metrics
// ('tfjs:metrics.categoricalAccuracy'), so such params save and travel without registering them.
registerFunctionNamespace('@scikeras/metrics/tfjs:', metricsTfjs);
registerFunctionNamespace('tfjs:metrics.', tf.metrics);

/**
 * Registers a model-building function (or any function-valued param, such as a custom loss)
 * under a name, so that estimators using it can be saved with {@link saveEstimator}, loaded
 * back with {@link loadEstimator}, and sent to worker threads (`nJobs > 1`) by name. The
 * same registry as estimator-core's `registerFunction`.
 *
 * Register the same name to the same function in every thread: put the `registerModel` calls in
 * a module that only defines models, and give its URL as `module` (worker threads import it).
 *
 * @param name - a non-empty name, unique in this thread
 * @param fn - the function
 * @param options - `module`: the registering module's `import.meta.url` (`__filename` in CommonJS)
 * @returns `fn`, so `const build = registerModel('mlp', (ctx) => ...)` works
 * @throws InvalidParameterError when `name` is empty, `fn` is not a function, or `module` is not
 *   an absolute path or URL
 * @throws ValueError when `name` is already registered to another function
 * @example
 * ```ts
 * // models.ts: only model definitions, so worker threads can import it
 * export const mlp = registerModel('mlp', ({ nFeaturesIn_, nClasses_, hidden = 32 }) =>
 *   tf.sequential({ layers: [tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
 *                            tf.layers.dense({ units: nClasses_, activation: 'softmax' })] }),
 *   { module: import.meta.url });
 * ```
 * @remarks Python pickles a build function by its module path; JavaScript cannot import a
 * function from a closure, so scikeras-ts names it explicitly.
 */
export function registerModel<F extends RegisteredFunction>(
  name: string,
  fn: F,
  options: RegisterModelOptions = {},
): F {
  return registerFunction(name, fn, options);
}

/**
 * Removes a name from the registry (estimator-core's `unregisterFunction`).
 *
 * @param name - the registered name
 * @returns whether the name was registered
 * @example
 * ```ts
 * unregisterModel('mlp');
 * ```
 */
export function unregisterModel(name: string): boolean {
  return unregisterFunction(name);
}

/**
 * The function registered under a name (or a built-in: `'@scikeras/metrics/tfjs:<name>'`,
 * `'tfjs:metrics.<name>'`).
 *
 * @param name - the registered name
 * @returns the function, or `undefined`
 * @example
 * ```ts
 * const build = getRegisteredModel('mlp');
 * ```
 */
export function getRegisteredModel(name: string): RegisteredFunction | undefined {
  return getRegisteredFunction(name);
}

/**
 * The name a function is registered under, or the name a loaded stand-in remembers.
 *
 * @param fn - a function
 * @returns its registered name, or `undefined`
 * @example
 * ```ts
 * registeredModelName(mlp); // 'mlp'
 * ```
 */
export function registeredModelName(fn: unknown): string | undefined {
  return registeredFunctionName(fn);
}

/**
 * The module URL a name was registered from.
 *
 * @param name - the registered name
 * @returns the URL, or `undefined` when none was given
 * @example
 * ```ts
 * registeredModelModule('mlp'); // 'file:///app/models.mjs'
 * ```
 */
export function registeredModelModule(name: string): string | undefined {
  return registeredFunctionModule(name);
}

/**
 * The names registered in this thread, sorted.
 *
 * @returns the names
 * @example
 * ```ts
 * registeredModelNames(); // ['mlp']
 * ```
 */
export function registeredModelNames(): string[] {
  return registeredFunctionNames();
}
