// The registry of callback classes: an estimator whose `callbacks` hold instances of a
// registered class is saved and sent to worker threads as the class's registered name plus the
// argument its constructor takes (issue 17 item 7).
import {
  InvalidParameterError,
  ValueError,
  pyRepr,
  registerFunction,
  registeredFunctionModule,
  unregisterFunction,
} from '@scikeras/estimator-core';

/** A callback class: its constructor takes one config argument. */
export type CallbackClass<C extends object = object> = new (config?: any) => C;

/** Options of {@link registerCallback}. */
export interface RegisterCallbackOptions<C extends object = object> {
  /**
   * The module that makes this registration when imported (`import.meta.url` in ESM,
   * `__filename` in CommonJS): worker threads (`nJobs > 1`) import it to find the class.
   */
  module?: string;
  /**
   * The constructor argument that rebuilds an instance (`new Klass(getConfig(cb))`).
   * @defaultValue the instance's own `getConfig()` method
   */
  getConfig?: (callback: C) => unknown;
}

interface Entry {
  name: string;
  Klass: CallbackClass;
  getConfig?: (callback: object) => unknown;
}

interface CallbackRegistry {
  byName: Map<string, Entry>;
  byPrototype: Map<object, Entry>;
}

const KEY = Symbol.for('@scikeras/wrappers/callbackRegistry');

/** The registry of this realm (shared by the ESM and CommonJS builds). */
function registry(): CallbackRegistry {
  const g = globalThis as unknown as Record<symbol, CallbackRegistry | undefined>;
  return (g[KEY] ??= { byName: new Map(), byPrototype: new Map() });
}

/**
 * Registers a callback class under a name, so that estimators whose `callbacks` hold its
 * instances can be saved ({@link saveEstimator}) and sent to worker threads (`nJobs > 1`): an
 * instance is stored as the name and its constructor's argument (`getConfig`), and rebuilt with
 * `new Klass(config)`. The class itself is registered as a function under the same name, so
 * `callbacks: [Klass]` (built by the wrapper with `callbacks__<i>__*` params) saves too.
 *
 * tfjs's own callbacks (`tf.callbacks.earlyStopping(...)`, `tf.CustomCallback` with registered
 * functions) and `{ onEpochEnd, ... }` objects of registered functions need no registration.
 *
 * @param name - a non-empty name, unique in this thread (shared with registerModel's names)
 * @param Klass - the class; an instance is rebuilt with `new Klass(config)`
 * @param options - `module` (for worker threads) and `getConfig` (the constructor argument of
 *   an instance; by default its `getConfig()` method)
 * @returns `Klass`
 * @throws InvalidParameterError when `name` is empty or `Klass` is not a class
 * @throws ValueError when `name` is already registered to another class or function
 * @example
 * ```ts
 * export class StopAtLoss extends tf.Callback {
 *   constructor(readonly config: { threshold: number }) { super(); }
 *   getConfig() { return this.config; }
 *   override async onEpochEnd(_epoch: number, logs?: tf.Logs) {
 *     if ((logs?.loss ?? Infinity) < this.config.threshold) this.model.stopTraining = true;
 *   }
 * }
 * registerCallback('StopAtLoss', StopAtLoss, { module: import.meta.url });
 * await saveEstimator(new KerasClassifier({ model, callbacks: [new StopAtLoss({ threshold: 0.1 })] }), dir);
 * ```
 * @remarks scikeras pickles callbacks (their whole state, with their class found by module
 * path); here a callback is rebuilt from its constructor argument, so state it gathered while
 * training (e.g. EarlyStopping's best value) starts afresh, as it does at each `fit`.
 */
export function registerCallback<C extends object>(
  name: string,
  Klass: CallbackClass<C>,
  options: RegisterCallbackOptions<C> = {},
): CallbackClass<C> {
  if (typeof name !== 'string' || name.length === 0)
    throw new InvalidParameterError(
      `The 'name' parameter of registerCallback must be a non-empty str. Got ${pyRepr(name)} instead.`,
    );
  if (
    typeof Klass !== 'function' ||
    typeof Klass.prototype !== 'object' ||
    Klass.prototype === null
  )
    throw new InvalidParameterError(
      `The 'Klass' parameter of registerCallback must be a class. Got ${typeof Klass} instead.`,
    );
  const reg = registry();
  const existing = reg.byName.get(name);
  if (existing && existing.Klass !== Klass)
    throw new ValueError(
      `A different callback class is already registered as '${name}'. Call unregisterCallback('${name}') first, or choose another name.`,
    );
  registerFunction(name, Klass as unknown as (...args: unknown[]) => unknown, {
    module: options.module,
  });
  const entry: Entry = { name, Klass, getConfig: options.getConfig as Entry['getConfig'] };
  reg.byName.set(name, entry);
  if (!reg.byPrototype.has(Klass.prototype as object))
    reg.byPrototype.set(Klass.prototype as object, entry);
  return Klass;
}

/**
 * Removes a callback class from the registry (and its name from the function registry).
 *
 * @param name - the registered name
 * @returns whether the name was registered
 * @example
 * ```ts
 * unregisterCallback('StopAtLoss');
 * ```
 */
export function unregisterCallback(name: string): boolean {
  const reg = registry();
  const entry = reg.byName.get(name);
  if (!entry) return false;
  reg.byName.delete(name);
  if (reg.byPrototype.get(entry.Klass.prototype as object) === entry)
    reg.byPrototype.delete(entry.Klass.prototype as object);
  unregisterFunction(name);
  return true;
}

/** The registration of an instance's exact class, if any (internal). */
export function callbackEntryOf(instance: object): Readonly<Entry> | undefined {
  return registry().byPrototype.get(Object.getPrototypeOf(instance) as object);
}

/** The class registered under a name, with its module (internal). */
export function callbackEntry(name: string): (Readonly<Entry> & { module?: string }) | undefined {
  const e = registry().byName.get(name);
  return e && { ...e, module: registeredFunctionModule(name) };
}
