// Port of scikit-learn's sklearn/model_selection/_validation.py cross_val_predict (BSD-3-Clause).
import {
  ValueError,
  numSamples,
  warn,
  type EstimatorLike,
  type Label,
} from '@scikeras/estimator-core';
import { LabelEncoder } from '@scikeras/target-utils';
import { runCrossValTasks, type CrossValidateOptions } from './crossValidate';
import { checkOptionKeys } from '../internal/checkOptions';
import { labelsOf } from '../internal/labelsOf';

/** Options of {@link crossValPredict}. */
export interface CrossValPredictOptions extends Omit<
  CrossValidateOptions,
  'scoring' | 'returnTrainScore' | 'returnEstimator' | 'errorScore'
> {
  /** The prediction method. @defaultValue 'predict' */
  method?: 'predict' | 'predictProba';
}

/** The option names of {@link crossValPredict} (an unknown one is a TypeError). */
export const CROSS_VAL_PREDICT_OPTIONS = [
  'groups',
  'cv',
  'nJobs',
  'executor',
  'searchId',
  'verbose',
  'fitOptions',
  'method',
  'onProgress',
  'timeout',
  'signal',
] as const satisfies readonly (keyof CrossValPredictOptions)[];

function is2D(y: unknown): boolean {
  return Array.isArray(y) && y.length > 0 && (Array.isArray(y[0]) || ArrayBuffer.isView(y[0]));
}

/**
 * Each sample's prediction by the estimator fitted on the folds that did not contain it.
 * With `method: 'predictProba'` y is label-encoded first (as scikit-learn does), so the columns
 * are the sorted classes of the whole y; a class missing from a training fold gets 0.
 *
 * @param estimator - any object keeping the estimator protocol
 * @param X - the samples
 * @param y - the target
 * @param options - method, cv, nJobs, executor, searchId, verbose, fitOptions, groups, onProgress,
 *   timeout, signal
 * @returns the predictions in sample order (labels, or one probability row per sample)
 * @throws ValueError "crossValPredict only works for partitions" when the test folds do not cover every sample once;
 *   TimeoutError for a fold past `timeout` (there is no errorScore here, as in scikit-learn);
 *   TypeError for an unknown option name; the signal's reason when it is aborted
 * @example
 * ```ts
 * const proba = await crossValPredict(clf, X, y, { cv: 3, method: 'predictProba' });
 * ```
 * @remarks A 2-D y is not label-encoded for `predictProba` (scikit-learn encodes each column).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.cross_val_predict.html
 */
export async function crossValPredict(
  estimator: EstimatorLike,
  X: unknown,
  y?: unknown,
  options: CrossValPredictOptions = {},
): Promise<unknown[]> {
  checkOptionKeys(options, CROSS_VAL_PREDICT_OPTIONS, 'crossValPredict');
  const method = options.method ?? 'predict';
  let yUsed = y;
  let nClasses = 0;
  const encode = method === 'predictProba' && y !== undefined && y !== null && !is2D(y);
  if (encode) {
    const le = new LabelEncoder();
    yUsed = Array.from(le.fitTransform(labelsOf(y) as never) as ArrayLike<number>);
    nClasses = (le.classes_ as Label[]).length;
  }
  const checkPartition = (tasks: { testIdx: number[] }[]) => {
    const n = numSamples(X);
    const hit = new Uint8Array(n);
    let count = 0;
    for (const t of tasks) {
      for (const i of t.testIdx) {
        hit[i] = 1;
        count++;
      }
    }
    if (count !== n || !hit.every((h) => h === 1))
      throw new ValueError('crossValPredict only works for partitions');
  };
  const { results, tasks } = await runCrossValTasks(
    estimator,
    X,
    yUsed,
    { ...options, errorScore: 'raise' },
    method,
    'crossValPredict',
    checkPartition,
  );
  const out: unknown[] = new Array(numSamples(X));
  for (const r of results) {
    let preds = r.predictions as unknown[];
    if (encode)
      preds = enforcePredictionOrder(r.classes as number[], preds as number[][], nClasses);
    const testIdx = tasks[r.taskIndex]!.testIdx;
    preds.forEach((p, k) => (out[testIdx[k]!] = p));
  }
  return out;
}

// Port of scikit-learn's _enforce_prediction_order for predict_proba.
function enforcePredictionOrder(
  classes: number[],
  predictions: number[][],
  nClasses: number,
): number[][] {
  if (classes.length === nClasses) return predictions;
  warn(
    `Number of classes in training fold (${classes.length}) does not match total number of classes (${nClasses}). ` +
      'Results may not be appropriate for your use case. To fix this, use a cross-validation technique resulting in properly stratified folds',
    'RuntimeWarning',
  );
  return predictions.map((row) => {
    const full = new Array<number>(nClasses).fill(0);
    classes.forEach((c, j) => (full[c] = row[j]!));
    return full;
  });
}
