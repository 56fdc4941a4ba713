// Port of scikit-learn's sklearn/pipeline.py _name_estimators (BSD-3-Clause).
import { typeName } from '@scikeras/estimator-core';

/**
 * Names estimators after their class, lower-cased (a string stands for itself, `null` is
 * `'null'`), numbering names that occur more than once: `standardscaler-1`,
 * `standardscaler-2`.
 */
export function nameEstimators<T>(estimators: readonly T[]): [string, T][] {
  const names = estimators.map((e) =>
    typeof e === 'string' ? e : e === null ? 'null' : typeName(e).toLowerCase(),
  );
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  for (const [k, v] of [...count]) if (v === 1) count.delete(k);
  for (let i = estimators.length - 1; i >= 0; i--) {
    const n = names[i]!;
    const c = count.get(n);
    if (c !== undefined) {
      names[i] = `${n}-${c}`;
      count.set(n, c - 1);
    }
  }
  return names.map((n, i) => [n, estimators[i]!]);
}
