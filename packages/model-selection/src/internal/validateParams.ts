// scikit-learn's parameter-validation messages (sklearn/utils/_param_validation.py, BSD-3-Clause), camelCased.
import { InvalidParameterError } from '@scikeras/estimator-core';

function repr(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  if (typeof v === 'function') return v.name ? `[Function ${v.name}]` : '[Function]';
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Python-like repr for messages. */
export { repr as pyRepr };

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
      `The '${name}' parameter of ${owner} must be an int in the range [${min}, ${max === Infinity ? 'inf)' : `${max}]`}. Got ${repr(value)} instead.`,
    );
  }
  return value;
}

/** Throws unless `value` is a boolean. */
export function checkBoolParam(owner: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidParameterError(
      `The '${name}' parameter of ${owner} must be an instance of 'bool'. Got ${repr(value)} instead.`,
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
    `The 'randomState' parameter of ${owner} must be an int in the range [0, 4294967295], an instance of 'RandomState' or null. Got ${repr(value)} instead.`,
  );
}
