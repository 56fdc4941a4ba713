// numpy's str() of a number, as data: what np.asarray([...], dtype=str) makes of it ('nan',
// 'inf', '3', '0.5'). Messages use estimator-core's pyRepr instead.
import { pyNumStr } from '@scikeras/estimator-core';

/**
 * numpy's `str()` of a number stored in a label array.
 *
 * @param n - the number
 * @returns `'nan'`, `'inf'`, `'-inf'`, or Python's text of the number
 */
export function numpyNumStr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return pyNumStr(n);
}
