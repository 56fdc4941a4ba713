// The registry of estimator classes: how saved files and TravelSpecs name a class (by its
// registered name) and find it again (never by evaluating anything from the data).
import { InvalidParameterError } from '../errors';
import { declaredEstimatorName } from './estimatorNameOf';
import { moduleUrl } from './moduleUrl';
import { registryState, type AnyClass } from './registryState';

/** Options of {@link registerEstimator}. */
export interface RegisterEstimatorOptions {
  /** The name to store the class under. @defaultValue its own `static estimatorName` */
  name?: string;
  /**
   * The module that makes this registration when imported (`import.meta.url` in ESM,
   * `__filename` in CommonJS): a worker thread imports it before rebuilding an estimator of
   * this class. Needed to send the class to worker threads (`nJobs > 1`), not to save it.
   */
  module?: string;
}

/**
 * Registers an estimator class under a name, so that its estimators are shown by that name and
 * can be saved (`saveEstimator`), loaded, and sent to worker threads (`nJobs > 1`). The name is
 * the class's own `static estimatorName` unless `options.name` is given.
 *
 * Registering a name again points it at the new class (a package loaded twice, as ESM and as
 * CommonJS, registers both copies); the earlier class keeps its name.
 *
 * @param Klass - the class
 * @param options - `name`, and `module` for worker threads
 * @returns `Klass`, so a class can be registered where it is exported
 * @throws InvalidParameterError when the class has no own `static estimatorName` and no `name`
 *   is given, or `module` is not an absolute path or URL
 * @example
 * ```ts
 * export class MyClassifier extends KerasClassifier {
 *   static estimatorName = 'MyClassifier';
 * }
 * registerEstimator(MyClassifier, { module: import.meta.url });
 * ```
 * @remarks scikit-learn pickles a class by its module path and `__qualname__`; JavaScript has
 * neither at run time, and minifiers rename classes, so scikeras-ts names them explicitly.
 */
export function registerEstimator<C extends AnyClass>(
  Klass: C,
  options: RegisterEstimatorOptions = {},
): C {
  if (typeof Klass !== 'function') {
    throw new InvalidParameterError(
      `The 'Klass' parameter of registerEstimator must be a class. Got ${typeof Klass} instead.`,
    );
  }
  const name = options.name ?? declaredEstimatorName(Klass);
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidParameterError(
      `registerEstimator needs a name for the class ${Klass.name || '<anonymous>'}: give the class its own ` +
        `static estimatorName = '${Klass.name || 'MyEstimator'}', or pass { name }.`,
    );
  }
  const url =
    options.module === undefined
      ? undefined
      : moduleUrl(options.module, "The 'module' option of registerEstimator");
  const s = registryState();
  s.classByName.set(name, Klass);
  s.nameOfClass.set(Klass, name);
  if (url !== undefined) {
    s.moduleOfClass.set(Klass, url);
    s.imported.add(url);
  }
  return Klass;
}

/**
 * The class registered under a name in this thread.
 *
 * @param name - the registered name
 * @returns the class, or `undefined`
 * @example
 * ```ts
 * getEstimatorClass('KFold'); // KFold, once @scikeras/model-selection is loaded
 * ```
 */
export function getEstimatorClass(name: string): AnyClass | undefined {
  return registryState().classByName.get(name);
}

/**
 * The registered name of a class (not its `static estimatorName` alone).
 *
 * @param Klass - the class
 * @returns the name, or `undefined` when the class is not registered
 * @example
 * ```ts
 * registeredEstimatorName(KFold); // 'KFold'
 * ```
 */
export function registeredEstimatorName(Klass: AnyClass): string | undefined {
  return registryState().nameOfClass.get(Klass);
}

/**
 * The module a class was registered from ({@link RegisterEstimatorOptions.module}).
 *
 * @param Klass - the class
 * @returns the module URL, or `undefined`
 * @example
 * ```ts
 * registeredEstimatorModule(KFold); // 'file:///app/node_modules/@scikeras/model-selection/dist/index.mjs'
 * ```
 */
export function registeredEstimatorModule(Klass: AnyClass): string | undefined {
  return registryState().moduleOfClass.get(Klass);
}

/**
 * The class names registered in this thread, sorted.
 *
 * @returns the names
 * @example
 * ```ts
 * registeredEstimatorNames(); // ['GridSearchCV', 'KFold', ...]
 * ```
 */
export function registeredEstimatorNames(): string[] {
  return [...registryState().classByName.keys()].sort();
}
