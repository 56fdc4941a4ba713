// Port of scikit-learn's sklearn/utils/__init__.py shuffle (resample without replacement, BSD-3-Clause).
import type { RandomState } from '@scikeras/estimator-core';

/**
 * Shuffles the rows of several arrays of the same length consistently (scikit-learn's
 * `shuffle(X, y, random_state=rng)`: one permutation of `0..n-1` indexes every array).
 *
 * @param rng - the generator
 * @param arrays - arrays of the same length
 * @returns new arrays, rows in the permuted order (the rows themselves are not copied)
 */
export function shuffleRows<T extends unknown[][]>(rng: RandomState, ...arrays: T): T {
  const perm = rng.permutation(arrays[0]!.length);
  return arrays.map((a) => perm.map((i) => a[i])) as T;
}

/** Permutes the columns of `X` in place by `order` (numpy's `X[:, :] = X[:, order]`). */
export function permuteColumns(X: number[][], order: number[]): void {
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    X[i] = order.map((j) => row[j]!);
  }
}
