// Port of scikit-learn's sklearn/metrics/_classification.py _check_set_wise_labels (BSD-3-Clause).
import { ValueError, pyList, pyRepr, warn, type Label } from '@scikeras/estimator-core';
import { uniqueLabels } from '@scikeras/target-utils';
import type { ClassificationTargets } from './checkTargets';
import { labelKey } from './labels';

/** How per-label scores are averaged; `null` returns one score per label. */
export type Average = 'binary' | 'micro' | 'macro' | 'weighted' | 'samples';

/** Validates `average` and `posLabel`, returning the labels to score. */
export function checkSetWiseLabels(
  targets: ClassificationTargets,
  average: Average | null,
  labels: readonly Label[] | null | undefined,
  posLabel: Label | null,
): readonly Label[] | null | undefined {
  if (targets.yType === 'binary' || targets.yType === 'multiclass') {
    // (multilabel present labels are the column indices)
  }
  if (average === 'binary') {
    if (targets.yType === 'binary') {
      const present = uniqueLabels(targets.yTrue, targets.yPred);
      const key = posLabel === null ? null : labelKey(posLabel);
      if (!present.some((l) => labelKey(l) === key) && present.length >= 2) {
        throw new ValueError(
          `posLabel=${pyRepr(posLabel)} is not a valid label. It should be one of ${pyList(present)}`,
        );
      }
      return [posLabel as Label];
    }
    const options =
      targets.yType === 'multiclass'
        ? "[null, 'micro', 'macro', 'weighted']"
        : "[null, 'micro', 'macro', 'weighted', 'samples']";
    throw new ValueError(
      `Target is ${targets.yType} but average='binary'. Please choose another average setting, one of ${options}.`,
    );
  }
  if (posLabel !== null && posLabel !== 1) {
    warn(
      `Note that posLabel (set to ${pyRepr(posLabel)}) is ignored when average != 'binary' (got ${pyRepr(average)}). You may use labels=[posLabel] to specify a single positive class.`,
      'UserWarning',
    );
  }
  return labels;
}

/** Throws unless `average` is one of scikit-learn's options. */
export function checkAverage(average: unknown): asserts average is Average | null {
  if (
    average === null ||
    average === 'binary' ||
    average === 'micro' ||
    average === 'macro' ||
    average === 'weighted' ||
    average === 'samples'
  )
    return;
  throw new ValueError("average has to be one of (null, 'micro', 'macro', 'weighted', 'samples')");
}
