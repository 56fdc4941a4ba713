// Port of scikit-learn's sklearn/metrics/_classification.py confusion_matrix (BSD-3-Clause).
import { ValueError, checkConsistentLength, type Label } from '@scikeras/estimator-core';
import { uniqueLabels } from '@scikeras/target-utils';
import { checkTargets } from './internal/checkTargets';
import { encodeLabels, labelKey } from './internal/labels';
import { toWeights } from './internal/numeric';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** The labels indexing the matrix, in order. @defaultValue every label present, sorted */
  labels?: readonly Label[] | null;
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
  /** Normalize over the true labels (rows), the predictions (columns), or all cells. @defaultValue null */
  normalize?: 'true' | 'pred' | 'all' | null;
}

/**
 * Confusion matrix: entry `[i][j]` counts the samples of true class `labels[i]` predicted as `labels[j]`.
 *
 * @param yTrue - true labels
 * @param yPred - predicted labels
 * @param options - `labels`, `sampleWeight`, `normalize`
 * @returns the `nLabels x nLabels` matrix as rows
 * @throws ValueError "multilabel-indicator is not supported", "'labels' should contains at least one label.", "At least one label specified must be in y_true"
 * @example
 * ```ts
 * confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]); // [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
 * confusionMatrix(['cat', 'ant', 'cat'], ['ant', 'ant', 'cat'], { labels: ['ant', 'cat'] }); // [[1, 0], [1, 1]]
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.confusion_matrix.html
 */
export function confusionMatrix(
  yTrue: unknown,
  yPred: unknown,
  options: ConfusionMatrixOptions = {},
): number[][] {
  const targets = checkTargets(yTrue, yPred);
  if (targets.yType === 'multilabel-indicator') {
    throw new ValueError(`${targets.yType} is not supported`);
  }
  const t = targets.yTrue;
  const p = targets.yPred;
  let labels: readonly Label[];
  if (options.labels === undefined || options.labels === null) {
    labels = uniqueLabels(t, p);
  } else {
    labels = options.labels;
    const k = labels.length;
    if (k === 0) throw new ValueError("'labels' should contains at least one label.");
    if (t.length === 0) return Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const keys = new Set(labels.map(labelKey));
    let any = false;
    for (let i = 0; i < t.length && !any; i++) any = keys.has(labelKey(t[i]!));
    if (!any) throw new ValueError('At least one label specified must be in y_true');
  }
  const w = toWeights(options.sampleWeight);
  checkConsistentLength(t, p, w);
  const normalize = options.normalize ?? null;
  if (normalize !== null && normalize !== 'true' && normalize !== 'pred' && normalize !== 'all') {
    throw new ValueError("normalize must be one of {'true', 'pred', 'all', null}");
  }
  const k = labels.length;
  const ti = encodeLabelsLast(t, labels);
  const pi = encodeLabelsLast(p, labels);
  const cm = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < ti.length; i++) {
    const a = ti[i]!;
    const b = pi[i]!;
    if (a < 0 || b < 0) continue;
    cm[a]![b]! += w ? w[i]! : 1;
  }
  return normalizeMatrix(cm, normalize);
}

/** scikit-learn maps a repeated label to its last position ({label: index} dict). */
function encodeLabelsLast(y: ArrayLike<Label>, labels: readonly Label[]): Int32Array {
  const rev = [...labels].reverse();
  const enc = encodeLabels(y, rev);
  const k = labels.length;
  for (let i = 0; i < enc.length; i++) if (enc[i]! >= 0) enc[i] = k - 1 - enc[i]!;
  return enc;
}

function normalizeMatrix(cm: number[][], normalize: 'true' | 'pred' | 'all' | null): number[][] {
  if (normalize === null) return cm;
  const k = cm.length;
  const fix = (v: number) => (Number.isNaN(v) ? 0 : v);
  if (normalize === 'true') {
    return cm.map((row) => {
      const s = row.reduce((a, b) => a + b, 0);
      return row.map((v) => fix(v / s));
    });
  }
  if (normalize === 'pred') {
    const colSums = new Array<number>(k).fill(0);
    for (const row of cm) row.forEach((v, j) => (colSums[j]! += v));
    return cm.map((row) => row.map((v, j) => fix(v / colSums[j]!)));
  }
  const total = cm.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
  return cm.map((row) => row.map((v) => fix(v / total)));
}
