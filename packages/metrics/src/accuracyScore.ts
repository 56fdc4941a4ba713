// Port of scikit-learn's sklearn/metrics/_classification.py accuracy_score (BSD-3-Clause).
import { checkConsistentLength, type Label } from '@scikeras/estimator-core';
import { checkTargets } from './internal/checkTargets';
import { labelKey } from './internal/labels';
import { toWeights, weightSum } from './internal/numeric';

/** Options of {@link accuracyScore}. */
export interface AccuracyScoreOptions {
  /** Return the fraction of correct samples (`true`) or their (weighted) count (`false`). @defaultValue true */
  normalize?: boolean;
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
}

/**
 * Accuracy classification score; for multilabel targets, the subset accuracy (a sample counts
 * only when its whole label set is right).
 *
 * @param yTrue - true labels: `Label[]`, a typed array, or a label-indicator matrix (multilabel)
 * @param yPred - predicted labels, same form
 * @param options - `normalize`, `sampleWeight`
 * @returns the fraction (or weighted count) of correctly classified samples
 * @throws ValueError "Classification metrics can't handle a mix of binary and continuous targets", "Found input variables with inconsistent numbers of samples: [4, 3]"
 * @example
 * ```ts
 * accuracyScore([0, 2, 1, 3], [0, 1, 2, 3]); // 0.5
 * accuracyScore([0, 2, 1, 3], [0, 1, 2, 3], { normalize: false }); // 2
 * accuracyScore([[0, 1], [1, 1]], [[1, 1], [1, 1]]); // 0.5 (subset accuracy)
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.accuracy_score.html
 */
export function accuracyScore(
  yTrue: unknown,
  yPred: unknown,
  options: AccuracyScoreOptions = {},
): number {
  const targets = checkTargets(yTrue, yPred);
  const w = toWeights(options.sampleWeight);
  checkConsistentLength(yTrue, yPred, w);
  const correct = sampleCorrect(targets);
  return weightedSum(correct, w, options.normalize ?? true);
}

function sampleCorrect(targets: ReturnType<typeof checkTargets>): Uint8Array {
  if (targets.yType === 'multilabel-indicator') {
    const { yTrue: t, yPred: p } = targets;
    const out = new Uint8Array(t.rows);
    const c = t.cols;
    for (let i = 0; i < t.rows; i++) {
      let ok = 1;
      for (let j = i * c; j < (i + 1) * c; j++) {
        if (t.data[j] !== p.data[j]) {
          ok = 0;
          break;
        }
      }
      out[i] = ok;
    }
    return out;
  }
  const t = targets.yTrue;
  const p = targets.yPred;
  const n = t.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = t[i]!;
    const b = p[i]!;
    out[i] = a === b || (typeof a !== typeof b && sameLabel(a, b)) ? 1 : 0;
  }
  return out;
}

function sameLabel(a: Label, b: Label): boolean {
  return labelKey(a) === labelKey(b);
}

/** scikit-learn's `_weighted_sum`. */
export function weightedSum(
  score: ArrayLike<number>,
  w: ArrayLike<number> | undefined,
  normalize: boolean,
): number {
  let s = 0;
  if (w) {
    for (let i = 0; i < score.length; i++) s += score[i]! * w[i]!;
    return normalize ? s / weightSum(w) : s;
  }
  for (let i = 0; i < score.length; i++) s += score[i]!;
  return normalize ? s / score.length : s;
}
