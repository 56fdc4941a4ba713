// The registry of functions: function-valued params (model-building functions, custom losses,
// ...) are saved and sent to worker threads by the name they are registered under.
import { InvalidParameterError, ValueError } from '../errors';
import { pyRepr } from '../repr';
import { moduleUrl } from './moduleUrl';
import { registryState, type RegisteredFunction } from './registryState';

export type { RegisteredFunction } from './registryState';

/** Options of {@link registerFunction}. */
export interface RegisterFunctionOptions {
  /**
   * The module that makes this registration when imported (`import.meta.url` in ESM,
   * `__filename` in CommonJS). Worker threads (`nJobs > 1`) import it to find the function
   * there. Give it only for a module that defines functions and does nothing else on import
   * (not your main script: the worker would run it again).
   */
  module?: string;
}

/**
 * Registers a function under a name, so that estimators whose params hold it can be saved,
 * loaded back, and sent to worker threads (`nJobs > 1`) by name. `@scikeras/wrappers` calls
 * this `registerModel`.
 *
 * Register the same name to the same function in every thread: put the calls in a module that
 * both your main code and the worker threads import (its URL as `module`).
 *
 * @param name - a non-empty name, unique in this thread
 * @param fn - the function
 * @param options - `module`: where worker threads can import this registration from
 * @returns `fn`, so `const build = registerFunction('mlp', (ctx) => ...)` works
 * @throws InvalidParameterError when `name` is empty, `fn` is not a function, or `module` is not
 *   an absolute path or URL
 * @throws ValueError when `name` is already registered to another function
 * @example
 * ```ts
 * export const halve = registerFunction('halve', (x: number) => x / 2, { module: import.meta.url });
 * ```
 * @remarks Python pickles a function by its module path; JavaScript cannot import a function
 * from a closure, so scikeras-ts names it explicitly.
 */
export function registerFunction<F extends RegisteredFunction>(
  name: string,
  fn: F,
  options: RegisterFunctionOptions = {},
): F {
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidParameterError(
      `The 'name' parameter of registerFunction must be a non-empty str. Got ${pyRepr(name)} instead.`,
    );
  }
  if (typeof fn !== 'function') {
    throw new InvalidParameterError(
      `The 'fn' parameter of registerFunction must be a function. Got ${typeof fn} instead.`,
    );
  }
  const url =
    options.module === undefined
      ? undefined
      : moduleUrl(options.module, "The 'module' option of registerFunction");
  const s = registryState();
  const existing = s.fnByName.get(name);
  if (existing !== undefined && existing !== fn) {
    throw new ValueError(
      `A different function is already registered as '${name}'. ` +
        `Call unregisterFunction('${name}') first, or choose another name.`,
    );
  }
  s.fnByName.set(name, fn);
  if (!s.nameOfFn.has(fn)) s.nameOfFn.set(fn, name);
  if (url !== undefined) {
    s.moduleOfFn.set(name, url);
    s.imported.add(url);
  }
  return fn;
}

/**
 * Removes a name from the registry.
 *
 * @param name - the registered name
 * @returns whether the name was registered
 * @example
 * ```ts
 * unregisterFunction('halve');
 * ```
 */
export function unregisterFunction(name: string): boolean {
  const s = registryState();
  const fn = s.fnByName.get(name);
  if (fn === undefined) return false;
  s.fnByName.delete(name);
  s.moduleOfFn.delete(name);
  if (s.nameOfFn.get(fn) === name) {
    s.nameOfFn.delete(fn);
    for (const [n, f] of s.fnByName) if (f === fn) s.nameOfFn.set(fn, n);
  }
  return true;
}

/**
 * Makes every function of a namespace object known by `prefix + key` in this thread without
 * registering each (e.g. `'tfjs:metrics.'` for `tf.metrics`). Registered names win over these.
 *
 * @param prefix - the prefix of the names, e.g. `'@scikeras/metrics/tfjs:'`
 * @param ns - the namespace (a module namespace or object of functions)
 * @example
 * ```ts
 * registerFunctionNamespace('tfjs:metrics.', tf.metrics);
 * registeredFunctionName(tf.metrics.categoricalAccuracy); // 'tfjs:metrics.categoricalAccuracy'
 * ```
 */
export function registerFunctionNamespace(prefix: string, ns: object): void {
  const s = registryState();
  if (s.namespaces.some((n) => n.prefix === prefix && n.ns === ns)) return;
  s.namespaces.push({ prefix, ns });
  s.builtinTable = undefined;
}

function builtinTable(): NonNullable<ReturnType<typeof registryState>['builtinTable']> {
  const s = registryState();
  if (s.builtinTable) return s.builtinTable;
  const t = {
    byName: new Map<string, RegisteredFunction>(),
    byFn: new Map<RegisteredFunction, string>(),
  };
  for (const { prefix, ns } of s.namespaces) {
    for (const [k, v] of Object.entries(ns)) {
      if (typeof v !== 'function' || /^[A-Z]/.test(k)) continue;
      const name = `${prefix}${k}`;
      t.byName.set(name, v as RegisteredFunction);
      if (!t.byFn.has(v as RegisteredFunction)) t.byFn.set(v as RegisteredFunction, name);
    }
  }
  s.builtinTable = t;
  return t;
}

/** Marks the stand-in a loaded estimator gets for a function that is not registered. */
const MISSING = Symbol.for('@scikeras/estimator-core/missingFunction');

/**
 * The function registered under a name (or known through {@link registerFunctionNamespace}).
 *
 * @param name - the registered name
 * @returns the function, or `undefined`
 * @example
 * ```ts
 * getRegisteredFunction('halve');
 * ```
 */
export function getRegisteredFunction(name: string): RegisteredFunction | undefined {
  return registryState().fnByName.get(name) ?? builtinTable().byName.get(name);
}

/**
 * The name a function is registered under (the first one, if several), or the name a loaded
 * stand-in remembers ({@link missingFunction}).
 *
 * @param fn - a function
 * @returns its registered name, or `undefined`
 * @example
 * ```ts
 * registeredFunctionName(halve); // 'halve'
 * ```
 */
export function registeredFunctionName(fn: unknown): string | undefined {
  if (typeof fn !== 'function') return undefined;
  const f = fn as RegisteredFunction;
  const name = registryState().nameOfFn.get(f) ?? builtinTable().byFn.get(f);
  if (name !== undefined) return name;
  const missing = (fn as unknown as Record<symbol, unknown>)[MISSING];
  return typeof missing === 'string' ? missing : undefined;
}

/**
 * The module a name was registered from ({@link RegisterFunctionOptions.module}), as a URL.
 *
 * @param name - the registered name
 * @returns the module URL, or `undefined`
 * @example
 * ```ts
 * registeredFunctionModule('halve'); // 'file:///app/functions.mjs'
 * ```
 */
export function registeredFunctionModule(name: string): string | undefined {
  return registryState().moduleOfFn.get(name);
}

/**
 * The names registered in this thread, sorted.
 *
 * @returns the names
 * @example
 * ```ts
 * registeredFunctionNames(); // ['halve']
 * ```
 */
export function registeredFunctionNames(): string[] {
  return [...registryState().fnByName.keys()].sort();
}

/**
 * A stand-in for a function that was saved by name but is not registered where the estimator is
 * loaded: calling it calls the function registered under `name` by then, or throws an error
 * that says how to register it.
 *
 * @param name - the name saved in the file
 * @param param - the param it stands for, e.g. `'model'`
 * @param owner - the estimator's name, for the message
 * @returns a function that forwards to the registered function, or throws a ValueError
 * @example
 * ```ts
 * const stub = missingFunction('mlp', 'model', 'KerasClassifier');
 * ```
 */
export function missingFunction(name: string, param: string, owner: string): RegisteredFunction {
  const stub = function missingRegisteredFunction(this: unknown, ...args: unknown[]): unknown {
    const late = getRegisteredFunction(name);
    if (late !== undefined) return late.apply(this, args);
    throw new ValueError(
      `The '${param}' parameter of this loaded ${owner} refers to the function '${name}', which is ` +
        `not registered in this thread. Call registerFunction('${name}', fn) (registerModel in ` +
        `@scikeras/wrappers) before refitting, or setParams({ ${param}: fn }).`,
    );
  };
  Object.defineProperty(stub, MISSING, { value: name });
  return stub;
}
