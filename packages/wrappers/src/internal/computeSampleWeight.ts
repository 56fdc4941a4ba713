// Port of scikit-learn's sklearn/utils/class_weight.py compute_class_weight / compute_sample_weight (BSD-3-Clause).
import { ValueError } from '@scikeras/estimator-core';
import type { Label } from '@scikeras/estimator-core';
import { uniqueLabels } from '@scikeras/target-utils';

/** A class-weight spec: `'balanced'`, a record `{ label: weight }`, or one per output. */
export type ClassWeight = 'balanced' | Record<string, number> | Record<string, number>[] | null;

function columnWeights(col: Label[], classWeight: 'balanced' | Record<string, number>): number[] {
  const classes = uniqueLabels(col);
  const weightOf = new Map<string, number>();
  if (classWeight === 'balanced') {
    const counts = new Map<string, number>();
    for (const v of col) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    for (const c of classes)
      weightOf.set(String(c), col.length / (classes.length * counts.get(String(c))!));
  } else {
    for (const c of classes) weightOf.set(String(c), 1);
    for (const [k, w] of Object.entries(classWeight)) {
      if (!classes.some((c) => String(c) === k)) {
        throw new ValueError(`The classes, [${k}], are not in class_weight`);
      }
      weightOf.set(k, w);
    }
  }
  return col.map((v) => weightOf.get(String(v))!);
}

/**
 * Per-sample weights from class weights (scikit-learn's `compute_sample_weight`): for a
 * multi-output y the weights of the outputs are multiplied.
 *
 * @param classWeight - `'balanced'` (`nSamples / (nClasses * count(class))`), `{ label: weight }`,
 *   or for a multi-output y one record per output
 * @param y - 1-D labels or rows of labels
 * @returns one weight per sample
 * @throws ValueError when a record names a class absent from y, or a list has the wrong length
 * @example
 * ```ts
 * computeSampleWeight('balanced', [0, 0, 0, 1]); // [0.667, 0.667, 0.667, 2]
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.class_weight.compute_sample_weight.html
 */
export function computeSampleWeight(classWeight: ClassWeight, y: readonly unknown[]): number[] {
  const n = y.length;
  if (classWeight === null) return new Array<number>(n).fill(1);
  const is2D = n > 0 && Array.isArray(y[0]);
  const cols: Label[][] = is2D
    ? Array.from({ length: (y[0] as Label[]).length }, (_, j) => y.map((r) => (r as Label[])[j]!))
    : [y as Label[]];
  if (Array.isArray(classWeight)) {
    if (!is2D) {
      throw new ValueError(
        'For single-output y, class_weight must be "balanced" or a record { label: weight }, not a list.',
      );
    }
    if (classWeight.length !== cols.length) {
      throw new ValueError(
        'For multi-output, number of elements in class_weight should match number of outputs.',
      );
    }
  }
  const out = new Array<number>(n).fill(1);
  cols.forEach((col, j) => {
    const cw = Array.isArray(classWeight) ? classWeight[j]! : classWeight;
    const w = columnWeights(col, cw);
    for (let i = 0; i < n; i++) out[i]! *= w[i]!;
  });
  return out;
}
