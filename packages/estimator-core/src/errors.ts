// The error classes of scikeras-ts, after scikit-learn's sklearn/exceptions.py (BSD-3-Clause).

/**
 * The brand of an error class: a registered symbol (`Symbol.for`), the same in every copy of
 * this package (ESM and CJS builds, two installed versions), set to `true` on the class's
 * prototype so instances of the class and of its subclasses carry it.
 */
function brandOf(name: string): symbol {
  return Symbol.for(`@scikeras/estimator-core/${name}`);
}

const BRAND = Symbol.for('@scikeras/estimator-core/brand');

/** Brands `cls` as `name`: its instances, and its subclasses' instances, carry the brand. */
function brand(cls: abstract new (...args: never[]) => object, name: string): void {
  const key = brandOf(name);
  Object.defineProperty(cls, BRAND, { value: key });
  Object.defineProperty(cls.prototype, key, { value: true });
}

/**
 * Base class of every error scikeras-ts throws on purpose.
 *
 * @example
 * ```ts
 * try { new KFold({ nSplits: 1 }).getNSplits(); } catch (e) { if (e instanceof ScikerasError) console.log(e.message); }
 * ```
 */
export class ScikerasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /**
   * `e instanceof ValueError` by brand: true for errors thrown by any copy of this package
   * (its ESM and CJS builds load separate classes), subclass relations kept. A class defined
   * outside this file (a user's `class MyError extends ValueError`) has no brand of its own and
   * keeps JavaScript's prototype-chain test.
   *
   * @param value - the value on the left of `instanceof`
   * @returns whether `value` is an instance of this class
   * @example
   * ```ts
   * const { ValueError } = require('@scikeras/estimator-core');
   * try { await importedEsmCode(); } catch (e) { e instanceof ValueError; } // true for an ESM ValueError too
   * ```
   * @remarks Python has one class per name per process; JavaScript may load a package twice
   * (ESM and CJS builds, two versions), so the classes are compared by registered symbol.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Object.prototype.hasOwnProperty.call(this, BRAND)) {
      const key = (this as unknown as Record<symbol, symbol>)[BRAND]!;
      return (
        typeof value === 'object' &&
        value !== null &&
        (value as Record<symbol, unknown>)[key] === true
      );
    }
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}
brand(ScikerasError, 'ScikerasError');

/**
 * A value has the right type but a wrong content (Python's `ValueError`).
 *
 * @example
 * ```ts
 * throw new ValueError('Found input variables with inconsistent numbers of samples: [3, 4]');
 * ```
 */
export class ValueError extends ScikerasError {}
brand(ValueError, 'ValueError');

/**
 * A parameter name or value is not valid for an estimator (scikit-learn's `InvalidParameterError`).
 *
 * @example
 * ```ts
 * throw new InvalidParameterError("Invalid parameter 'epoch' for estimator KerasClassifier. ...");
 * ```
 */
export class InvalidParameterError extends ValueError {}
brand(InvalidParameterError, 'InvalidParameterError');

/**
 * An estimator is used before `fit` (scikit-learn's `NotFittedError`).
 *
 * @example
 * ```ts
 * checkIsFitted(new LabelEncoder()); // throws NotFittedError
 * ```
 */
export class NotFittedError extends ValueError {}
brand(NotFittedError, 'NotFittedError');

/**
 * A method is not implemented by this estimator (Python's `NotImplementedError`).
 *
 * @example
 * ```ts
 * throw new NotImplementedError('predictProba is not available for KerasRegressor');
 * ```
 */
export class NotImplementedError extends ScikerasError {}
brand(NotImplementedError, 'NotImplementedError');

/**
 * Something went wrong that is not the caller's input (Python's `RuntimeError`), e.g. a
 * constructor that does not store its params, found by `clone`.
 *
 * @example
 * ```ts
 * throw new RuntimeError('Cannot clone object ...');
 * ```
 */
export class RuntimeError extends ScikerasError {}
brand(RuntimeError, 'RuntimeError');

/**
 * A task ran longer than the time it was given (Python's `TimeoutError`, which joblib's
 * `Parallel(timeout=...)` raises), e.g. a fit of a search with `timeout` and `errorScore: 'raise'`.
 *
 * @example
 * ```ts
 * throw new TimeoutError('The fit of candidate 1, fold 2 ran longer than timeout=60 s.');
 * ```
 * @remarks Not a subclass of the DOMException `TimeoutError` that `AbortSignal.timeout()`
 * gives; both have the name `'TimeoutError'`, so `e.name === 'TimeoutError'` tells either.
 */
export class TimeoutError extends ScikerasError {}
brand(TimeoutError, 'TimeoutError');

/**
 * A worker (thread or process) ended while it ran a task: it exited, crashed on an uncaught
 * error or ran out of memory (loky's `TerminatedWorkerError`, a `RuntimeError` there too).
 *
 * @example
 * ```ts
 * throw new TerminatedWorkerError('A worker thread exited with code 3 while fitting candidate 1, fold 2.');
 * ```
 */
export class TerminatedWorkerError extends RuntimeError {}
brand(TerminatedWorkerError, 'TerminatedWorkerError');
