// numpy's broadcasting of a scalar or a per-feature vector over the rows of X (`X += shift`).
import { ValueError } from '@scikeras/estimator-core';

/**
 * Applies `op(x, v_j)` to every value of column j, in place: `v` is one number for every
 * column, or one per column (a one-element array broadcasts like a number, as in numpy).
 *
 * @param X - the rows (at least one)
 * @param v - a number or one value per column
 * @param op - how to combine
 * @throws ValueError with numpy's message when `v` has neither 1 nor `nFeatures` values
 */
export function addPerFeature(
  X: number[][],
  v: number | ArrayLike<number>,
  op: (x: number, v: number) => number,
): void {
  const d = X[0]!.length;
  const per =
    typeof v === 'number' || v.length === 1
      ? new Array<number>(d).fill(typeof v === 'number' ? v : v[0]!)
      : v;
  if (per.length !== d)
    throw new ValueError(
      `operands could not be broadcast together with shapes (${X.length},${d}) (${per.length},) (${X.length},${d})`,
    );
  for (const row of X) for (let j = 0; j < d; j++) row[j] = op(row[j]!, per[j]!);
}
