// Python's "f() got an unexpected keyword argument 'x'" for an options object, with Python 3.12's
// "Did you mean ...?".
import { closestMatch, pyRepr } from '@scikeras/estimator-core';

/**
 * Throws a TypeError for an option name that `fn` does not take (a typo such as `n_job` would
 * otherwise be ignored silently).
 *
 * @param options - the options object given
 * @param valid - the option names `fn` takes
 * @param fn - the function's name, for the message
 * @throws TypeError "crossValidate() got an unexpected keyword argument 'n_job'. Did you mean 'nJobs'?"
 */
export function checkOptionKeys(options: unknown, valid: readonly string[], fn: string): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(`${fn}() takes its options as an object, got ${pyRepr(options)}.`);
  for (const key of Object.keys(options)) {
    if (valid.includes(key)) continue;
    const match = closestMatch(key, valid);
    throw new TypeError(
      `${fn}() got an unexpected keyword argument '${key}'.${match ? ` Did you mean '${match}'?` : ''}`,
    );
  }
}
