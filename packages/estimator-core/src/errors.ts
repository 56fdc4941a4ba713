// The error classes of scikeras-ts, after scikit-learn's sklearn/exceptions.py (BSD-3-Clause).

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
}

/**
 * A value has the right type but a wrong content (Python's `ValueError`).
 *
 * @example
 * ```ts
 * throw new ValueError('Found input variables with inconsistent numbers of samples: [3, 4]');
 * ```
 */
export class ValueError extends ScikerasError {}

/**
 * A parameter name or value is not valid for an estimator (scikit-learn's `InvalidParameterError`).
 *
 * @example
 * ```ts
 * throw new InvalidParameterError("Invalid parameter 'epoch' for estimator KerasClassifier. ...");
 * ```
 */
export class InvalidParameterError extends ValueError {}

/**
 * An estimator is used before `fit` (scikit-learn's `NotFittedError`).
 *
 * @example
 * ```ts
 * checkIsFitted(new LabelEncoder()); // throws NotFittedError
 * ```
 */
export class NotFittedError extends ValueError {}

/**
 * A method is not implemented by this estimator (Python's `NotImplementedError`).
 *
 * @example
 * ```ts
 * throw new NotImplementedError('predictProba is not available for KerasRegressor');
 * ```
 */
export class NotImplementedError extends ScikerasError {}

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
