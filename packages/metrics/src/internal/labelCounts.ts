// Port of the counting core of scikit-learn's sklearn/metrics/_classification.py multilabel_confusion_matrix (BSD-3-Clause).
import { ValueError, type Label } from '@scikeras/estimator-core';
import { uniqueLabels } from '@scikeras/target-utils';
import type { ClassificationTargets } from './checkTargets';
import { encodeLabels, labelKey, setDiff } from './labels';

/** Per-label (or per-sample) weighted counts of true positives, predicted and true samples. */
export interface LabelCounts {
  tp: Float64Array;
  pred: Float64Array;
  true: Float64Array;
  /** Σ sample weights (or the number of samples / labels): tn = total - tp - fp - fn. */
  total: Float64Array;
}

/**
 * Counts tp / pred / true for each label in `labels` (default: every label present), or for each
 * sample with `samplewise` (multilabel only).
 */
export function labelCounts(
  targets: ClassificationTargets,
  labels: readonly Label[] | null | undefined,
  sampleWeight: ArrayLike<number> | undefined,
  samplewise: boolean,
): LabelCounts {
  if (targets.yType !== 'multilabel-indicator') {
    if (samplewise) {
      throw new ValueError(
        'Samplewise metrics are not available outside of multilabel classification.',
      );
    }
    return countsOneDim(targets.yTrue, targets.yPred, labels, sampleWeight);
  }
  return countsMultilabel(targets, labels, sampleWeight, samplewise);
}

function countsOneDim(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  labels: readonly Label[] | null | undefined,
  w: ArrayLike<number> | undefined,
): LabelCounts {
  const present = uniqueLabels(yTrue, yPred);
  const chosen = labels ?? present;
  const all = labels ? [...labels, ...setDiff(present, labels)] : present;
  const k = all.length;
  const t = encodeLabels(yTrue, all);
  const p = encodeLabels(yPred, all);
  const tp = new Float64Array(k);
  const pred = new Float64Array(k);
  const tru = new Float64Array(k);
  const n = t.length;
  let total = 0;
  if (w) {
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      const ti = t[i]!;
      const pi = p[i]!;
      tru[ti]! += wi;
      pred[pi]! += wi;
      if (ti === pi) tp[ti]! += wi;
      total += wi;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const ti = t[i]!;
      const pi = p[i]!;
      tru[ti]!++;
      pred[pi]!++;
      if (ti === pi) tp[ti]!++;
    }
    total = n;
  }
  if (!labels) return { tp, pred, true: tru, total: new Float64Array(k).fill(total) };
  // each requested label takes the counts of its first occurrence in `all`
  const first = new Map<number | string, number>();
  all.forEach((l, j) => {
    if (!first.has(labelKey(l))) first.set(labelKey(l), j);
  });
  const pick = (a: Float64Array) => Float64Array.from(chosen, (l) => a[first.get(labelKey(l))!]!);
  return {
    tp: pick(tp),
    pred: pick(pred),
    true: pick(tru),
    total: new Float64Array(chosen.length).fill(total),
  };
}

function countsMultilabel(
  targets: Extract<ClassificationTargets, { yType: 'multilabel-indicator' }>,
  labels: readonly Label[] | null | undefined,
  w: ArrayLike<number> | undefined,
  samplewise: boolean,
): LabelCounts {
  const { yTrue: t, yPred: p } = targets;
  const { rows, cols } = t;
  let columns: number[] = Array.from({ length: cols }, (_, j) => j);
  if (labels) {
    const nums = labels.map((l) => Number(labelKey(l)));
    const differs = nums.length !== cols || nums.some((v, j) => v !== j);
    if (differs && nums.length > 0) {
      const mx = nums.reduce((m, v) => Math.max(m, v), -Infinity);
      const mn = nums.reduce((m, v) => Math.min(m, v), Infinity);
      if (mx > cols - 1) {
        throw new ValueError(
          `All labels must be in [0, n labels) for multilabel targets. Got ${mx} > ${cols - 1}`,
        );
      }
      if (mn < 0) {
        throw new ValueError(
          `All labels must be in [0, n labels) for multilabel targets. Got ${mn} < 0`,
        );
      }
    }
    columns = nums;
  }
  const k = columns.length;
  const size = samplewise ? rows : k;
  const tp = new Float64Array(size);
  const pred = new Float64Array(size);
  const tru = new Float64Array(size);
  const total = new Float64Array(size);
  const td = t.data;
  const pd = p.data;
  let wsum = 0;
  for (let i = 0; i < rows; i++) {
    const wi = w ? w[i]! : 1;
    wsum += wi;
    const base = i * cols;
    for (let jj = 0; jj < k; jj++) {
      const j = columns[jj]!;
      const a = td[base + j]! !== 0;
      const b = pd[base + j]! !== 0;
      const idx = samplewise ? i : jj;
      if (a) tru[idx]! += wi;
      if (b) pred[idx]! += wi;
      if (a && b) tp[idx]! += wi;
    }
    if (samplewise) total[i] = wi * k;
  }
  if (!samplewise) total.fill(w ? wsum : rows);
  return { tp, pred, true: tru, total };
}
