// Port of scikit-learn's sklearn/model_selection/_validation.py cross_val_score (BSD-3-Clause).
import { ValueError, pyRepr, type EstimatorLike } from '@scikeras/estimator-core';
import { CROSS_VALIDATE_OPTIONS, crossValidate, type CrossValidateOptions } from './crossValidate';
import { isMultimetric } from '../execution/scoring';
import { checkOptionKeys } from '../internal/checkOptions';

/** Options of {@link crossValScore}: those of crossValidate for one metric. */
export type CrossValScoreOptions = Omit<
  CrossValidateOptions,
  'returnTrainScore' | 'returnEstimator'
>;

/** The option names of {@link crossValScore} (an unknown one is a TypeError). */
export const CROSS_VAL_SCORE_OPTIONS = CROSS_VALIDATE_OPTIONS.filter(
  (k) => k !== 'returnTrainScore' && k !== 'returnEstimator',
);

/**
 * The test score of each cross-validation fold.
 *
 * @param estimator - any object keeping the estimator protocol
 * @param X - the samples
 * @param y - the target
 * @param options - scoring (one metric), cv, nJobs, executor, searchId, verbose, fitOptions, errorScore, onProgress,
 *   timeout, signal (see {@link CrossValidateOptions})
 * @returns one score per fold
 * @throws ValueError for several metrics ("use crossValidate"), or when every fit failed;
 *   TypeError for an unknown option name; the signal's reason when it is aborted
 * @example
 * ```ts
 * await crossValScore(new LogisticRegression(), X, y, { cv: 5 }); // [0.96, 1, 0.93, 0.96, 1]
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.cross_val_score.html
 */
export async function crossValScore(
  estimator: EstimatorLike,
  X: unknown,
  y?: unknown,
  options: CrossValScoreOptions = {},
): Promise<number[]> {
  checkOptionKeys(options, CROSS_VAL_SCORE_OPTIONS, 'crossValScore');
  if (isMultimetric(options.scoring)) {
    throw new ValueError(
      `For evaluating multiple scores, use crossValidate instead. ${pyRepr(options.scoring)} was passed.`,
    );
  }
  const res = await crossValidate(estimator, X, y, options);
  return res.testScore!;
}
