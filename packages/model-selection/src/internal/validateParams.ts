// scikit-learn's parameter-validation messages (sklearn/utils/_param_validation.py, BSD-3-Clause), camelCased.
import { InvalidParameterError, pyRepr } from '@scikeras/estimator-core';

/** Throws unless `value` is an integer in `[min, max]` (max inclusive; Infinity for none). */
export function checkIntParam(
  owner: string,
  name: string,
  value: unknown,
  min: number,
  max = Infinity,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidParameterError(
      `The '${name}' parameter of ${owner} must be an int in the range [${min}, ${max === Infinity ? 'inf)' : `${max}]`}. Got ${pyRepr(value)} instead.`,
    );
  }
  return value;
}

/** Throws unless `value` is a boolean. */
export function checkBoolParam(owner: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidParameterError(
      `The '${name}' parameter of ${owner} must be an instance of 'bool'. Got ${pyRepr(value)} instead.`,
    );
  }
  return value;
}

/** Throws unless `value` is null, an integer or a RandomState. */
export function checkRandomStateParam(owner: string, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return;
  if (typeof value === 'object' && value !== null && 'permutation' in value) return;
  throw new InvalidParameterError(
    `The 'randomState' parameter of ${owner} must be an int in the range [0, 4294967295], an instance of 'RandomState' or null. Got ${pyRepr(value)} instead.`,
  );
}

/** Throws unless `value` is null or a number of seconds in (0, inf); returns it (null for undefined). */
export function checkTimeout(value: unknown, owner: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InvalidParameterError(
      `The 'timeout' parameter of ${owner} must be a float in the range (0, inf) or null. Got ${pyRepr(value)} instead.`,
    );
  }
  return value;
}
