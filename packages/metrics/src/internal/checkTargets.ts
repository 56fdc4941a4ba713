// Port of scikit-learn's sklearn/metrics/_classification.py _check_targets (BSD-3-Clause).
import {
  ValueError,
  checkConsistentLength,
  columnOr1d,
  type Label,
} from '@scikeras/estimator-core';
import { typeOfTarget, uniqueLabels } from '@scikeras/target-utils';
import { toNum2D, type Num2D } from './numeric';

/** Validated classification targets: 1-D labels, or label-indicator matrices for multilabel. */
export type ClassificationTargets =
  | { yType: 'binary' | 'multiclass'; yTrue: ArrayLike<Label>; yPred: ArrayLike<Label> }
  | { yType: 'multilabel-indicator'; yTrue: Num2D; yPred: Num2D };

/**
 * Checks that yTrue and yPred belong to the same classification task, as scikit-learn's
 * `_check_targets`: binary + multiclass is multiclass, any other mix is rejected.
 */
export function checkTargets(yTrue: unknown, yPred: unknown): ClassificationTargets {
  checkConsistentLength(yTrue, yPred);
  const typeTrue = typeOfTarget(yTrue, { inputName: 'y_true' });
  const typePred = typeOfTarget(yPred, { inputName: 'y_pred' });
  let yType: string = typeTrue;
  if (typeTrue !== typePred) {
    const pair = new Set([typeTrue, typePred]);
    if (pair.has('binary') && pair.has('multiclass')) yType = 'multiclass';
    else {
      throw new ValueError(
        `Classification metrics can't handle a mix of ${typeTrue} and ${typePred} targets`,
      );
    }
  }
  if (yType !== 'binary' && yType !== 'multiclass' && yType !== 'multilabel-indicator') {
    throw new ValueError(`${yType} is not supported`);
  }
  if (yType === 'multilabel-indicator') {
    const t = toNum2D(yTrue, { allowEmpty: true });
    const p = toNum2D(yPred, { allowEmpty: true });
    if (t.cols !== p.cols) {
      throw new ValueError(`Multi-label binary indicator input with different numbers of labels`);
    }
    return { yType, yTrue: t, yPred: p };
  }
  const t = columnOr1d(yTrue) as ArrayLike<Label>;
  const p = columnOr1d(yPred) as ArrayLike<Label>;
  if (yType === 'binary' && uniqueLabels(t, p).length > 2) yType = 'multiclass';
  return { yType: yType as 'binary' | 'multiclass', yTrue: t, yPred: p };
}
