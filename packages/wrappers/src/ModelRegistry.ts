// A name -> function registry, so that model-building functions (and other function-valued
// params such as custom losses) can be saved to a file or sent to a worker thread by name.
import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import * as metricsTfjs from '@scikeras/metrics/tfjs';

/** Any function-valued param: a model-building function, a custom loss, a callback factory. */
export type RegisteredFunction = (...args: any[]) => any;

interface RegistryState {
  byName: Map<string, RegisteredFunction>;
  byFn: Map<RegisteredFunction, string>;
  modules: Map<string, string>;
}

/** Options of {@link registerModel}. */
export interface RegisterModelOptions {
  /**
   * The module that makes this registration when imported (`import.meta.url` in ESM,
   * `__filename` in CommonJS). Worker threads (`nJobs > 1`) import it to find the function
   * there. Give it only for a module that defines models and does nothing else on import
   * (not your main script: the worker would run it again).
   */
  module?: string;
}

// One registry per JavaScript realm (thread), shared by every copy of this package loaded in it
// (ESM and CJS builds, or two install paths), so a worker's setup module registers into the same
// map that the worker's `fromTravelSpec` reads.
const KEY = Symbol.for('@scikeras/wrappers/ModelRegistry');
function state(): RegistryState {
  const g = globalThis as unknown as Record<symbol, RegistryState | undefined>;
  let s = g[KEY];
  if (!s) {
    s = { byName: new Map(), byFn: new Map(), modules: new Map() };
    g[KEY] = s;
  }
  return s;
}

let builtins:
  { byName: Map<string, RegisteredFunction>; byFn: Map<RegisteredFunction, string> } | undefined;

/**
 * Functions that are always known by name, in every thread: `@scikeras/metrics/tfjs`'s losses
 * and metrics (`'@scikeras/metrics/tfjs:rootMeanSquaredError'`) and tfjs's `tf.metrics.*`
 * (`'tfjs:metrics.categoricalAccuracy'`), so that params such as `loss: rootMeanSquaredError`
 * save and travel without registering them.
 */
function builtinTable(): NonNullable<typeof builtins> {
  if (builtins) return builtins;
  const t = {
    byName: new Map<string, RegisteredFunction>(),
    byFn: new Map<RegisteredFunction, string>(),
  };
  const add = (prefix: string, ns: object): void => {
    for (const [k, v] of Object.entries(ns)) {
      if (typeof v !== 'function' || /^[A-Z]/.test(k)) continue;
      const name = `${prefix}${k}`;
      t.byName.set(name, v as RegisteredFunction);
      if (!t.byFn.has(v as RegisteredFunction)) t.byFn.set(v as RegisteredFunction, name);
    }
  };
  add('@scikeras/metrics/tfjs:', metricsTfjs);
  add('tfjs:metrics.', tf.metrics);
  builtins = t;
  return t;
}

/** Marks the stand-in a loaded estimator gets for a build function that is not registered. */
const MISSING = Symbol.for('@scikeras/wrappers/missingFunction');

/**
 * Registers a model-building function (or any function-valued param, such as a custom loss)
 * under a name, so that estimators using it can be saved with {@link saveEstimator}, loaded
 * back with {@link loadEstimator}, and sent to worker threads (`nJobs > 1`) by name.
 *
 * Register the same name to the same function in every thread: put the `registerModel` calls in
 * a module that both your main code and the worker setup module import.
 *
 * @param name - a non-empty name, unique in this thread
 * @param fn - the function
 * @param options - `module`: where worker threads can import this registration from
 * @returns `fn`, so `const build = registerModel('mlp', (ctx) => ...)` works
 * @throws InvalidParameterError when `name` is empty or `fn` is not a function
 * @throws ValueError when `name` is already registered to another function
 * @example
 * ```ts
 * export const mlp = registerModel('mlp', ({ nFeaturesIn_, nClasses_, hidden = 32 }) =>
 *   tf.sequential({ layers: [tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
 *                            tf.layers.dense({ units: nClasses_, activation: 'softmax' })] }));
 * const clf = new KerasClassifier({ model: mlp });
 * // in a module of its own, so worker threads can import it (GridSearchCV with nJobs: 2);
 * // another name: 'mlp' is already taken by another function in this thread
 * registerModel('wide-mlp', buildWideMlp, { module: import.meta.url });
 * ```
 * @remarks Python pickles a build function by its module path; JavaScript cannot import a
 * function from a closure, so scikeras-ts names it explicitly.
 */
export function registerModel<F extends RegisteredFunction>(
  name: string,
  fn: F,
  options: RegisterModelOptions = {},
): F {
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidParameterError(
      `The 'name' parameter of registerModel must be a non-empty str. Got ${JSON.stringify(name)} instead.`,
    );
  }
  if (typeof fn !== 'function') {
    throw new InvalidParameterError(
      `The 'fn' parameter of registerModel must be a function. Got ${typeof fn} instead.`,
    );
  }
  const s = state();
  const existing = s.byName.get(name);
  if (existing !== undefined && existing !== fn) {
    throw new ValueError(
      `A different function is already registered as '${name}'. ` +
        `Call unregisterModel('${name}') first, or choose another name.`,
    );
  }
  if (
    options.module !== undefined &&
    (typeof options.module !== 'string' || options.module === '')
  ) {
    throw new InvalidParameterError(
      `The 'module' option of registerModel must be a non-empty str (import.meta.url or __filename). Got ${JSON.stringify(options.module)} instead.`,
    );
  }
  s.byName.set(name, fn);
  if (!s.byFn.has(fn)) s.byFn.set(fn, name);
  if (options.module) s.modules.set(name, options.module);
  return fn;
}

/**
 * Removes a name from the registry.
 *
 * @param name - the registered name
 * @returns whether the name was registered
 * @example
 * ```ts
 * unregisterModel('mlp');
 * ```
 */
export function unregisterModel(name: string): boolean {
  const s = state();
  const fn = s.byName.get(name);
  if (fn === undefined) return false;
  s.byName.delete(name);
  s.modules.delete(name);
  if (s.byFn.get(fn) === name) {
    s.byFn.delete(fn);
    for (const [n, f] of s.byName) if (f === fn) s.byFn.set(fn, n);
  }
  return true;
}

/**
 * The function registered under a name (or a built-in: `'@scikeras/metrics/tfjs:<name>'`,
 * `'tfjs:metrics.<name>'`).
 *
 * @param name - the registered name
 * @returns the function, or `undefined` when nothing is registered under `name`
 * @example
 * ```ts
 * const build = getRegisteredModel('mlp');
 * ```
 */
export function getRegisteredModel(name: string): RegisteredFunction | undefined {
  return state().byName.get(name) ?? builtinTable().byName.get(name);
}

/**
 * The name a function is registered under (the first one, if several), or the name a loaded
 * stand-in remembers (see {@link loadEstimator}).
 *
 * @param fn - a function
 * @returns its registered name, or `undefined`
 * @example
 * ```ts
 * registeredModelName(mlp); // 'mlp'
 * ```
 */
export function registeredModelName(fn: unknown): string | undefined {
  if (typeof fn !== 'function') return undefined;
  const name =
    state().byFn.get(fn as RegisteredFunction) ?? builtinTable().byFn.get(fn as RegisteredFunction);
  if (name !== undefined) return name;
  const missing = (fn as unknown as Record<symbol, unknown>)[MISSING];
  return typeof missing === 'string' ? missing : undefined;
}

/**
 * The module a name was registered from (the `module` option of {@link registerModel}).
 *
 * @param name - the registered name
 * @returns the module specifier, or `undefined` when none was given
 * @example
 * ```ts
 * registeredModelModule('mlp'); // 'file:///app/models.mjs'
 * ```
 */
export function registeredModelModule(name: string): string | undefined {
  return state().modules.get(name);
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
  return [...state().byName.keys()].sort();
}

/**
 * A stand-in for a function that was saved by name but is not registered where the estimator is
 * loaded: predicting works (the model is restored from its weights); calling it (refitting,
 * `clone` + fit) calls the function registered under `name` by then, or throws an error that
 * says how to register it.
 *
 * @param name - the name saved in the file
 * @param param - the param it stands for, e.g. `'model'`
 * @param owner - the estimator's class name, for the message
 * @returns a function that forwards to the registered function, or throws a ValueError
 * @internal
 */
export function missingFunction(name: string, param: string, owner: string): RegisteredFunction {
  const stub = function missingRegisteredFunction(this: unknown, ...args: unknown[]): unknown {
    const late = getRegisteredModel(name);
    if (late !== undefined) return late.apply(this, args);
    throw new ValueError(
      `The '${param}' parameter of this loaded ${owner} refers to the function '${name}', which is ` +
        `not registered in this thread. Call registerModel('${name}', fn) before refitting, or ` +
        `setParams({ ${param}: fn }).`,
    );
  };
  Object.defineProperty(stub, MISSING, { value: name });
  return stub;
}
