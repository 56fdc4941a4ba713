// Python's text of values in messages and feature names (repr of tuples, str of numpy floats).
import { pyRepr } from '@scikeras/estimator-core';
import { numpyNumStr } from '@scikeras/target-utils';

/** Python's repr of a tuple: `(0, 1)`. */
export function pyTuple(values: readonly unknown[]): string {
  return `(${values.map(pyRepr).join(', ')})`;
}

/** Python's `str()` of a float (numpy float64): `1.0`, `0.5`, `1e-05`, `nan`, `-0.0`. */
export function pyFloatStr(v: number): string {
  if (Object.is(v, -0)) return '-0.0';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  return numpyNumStr(v);
}
