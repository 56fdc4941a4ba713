// Port of scikit-learn's sklearn/utils/multiclass.py check_classification_targets (BSD-3-Clause)
import { ValueError } from '@scikeras/estimator-core';
import { typeOfTarget } from './typeOfTarget';

const CLASSIFICATION_TYPES = new Set([
  'binary',
  'multiclass',
  'multiclass-multioutput',
  'multilabel-indicator',
  'multilabel-sequences',
]);

/**
 * Ensures that the target is a classification target ('binary', 'multiclass',
 * 'multiclass-multioutput' or 'multilabel-indicator').
 *
 * @param y - target values
 * @throws ValueError "Unknown label type: 'continuous'" (and for 'continuous-multioutput', 'unknown')
 * @throws ValueError from {@link typeOfTarget} for input that is not array-like
 * @example
 * ```ts
 * checkClassificationTargets([0, 1, 1]); // ok
 * checkClassificationTargets([0.5, 1.5]); // throws: Unknown label type: 'continuous'
 * ```
 * @see https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/utils/multiclass.py
 */
export function checkClassificationTargets(y: unknown): void {
  const yType = typeOfTarget(y, { inputName: 'y' });
  if (!CLASSIFICATION_TYPES.has(yType)) {
    throw new ValueError(`Unknown label type: '${yType}'`);
  }
}
