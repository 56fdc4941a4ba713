// Port of scikit-learn's sklearn/model_selection/_split.py RepeatedStratifiedKFold (BSD-3-Clause).
import { registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import type { CrossValidator } from './BaseCrossValidator';
import { RepeatedSplits, type RepeatedKFoldParams } from './RepeatedKFold';
import type { RandomState } from '../RandomState';
import { StratifiedKFold } from './StratifiedKFold';

/** Params of {@link RepeatedStratifiedKFold}: those of RepeatedKFold. */
export type RepeatedStratifiedKFoldParams = RepeatedKFoldParams;

/**
 * Repeats a shuffled StratifiedKFold `nRepeats` times.
 *
 * @example
 * ```ts
 * const rskf = new RepeatedStratifiedKFold({ nSplits: 2, nRepeats: 2, randomState: 36851234 });
 * for (const [train, test] of rskf.split([[1, 2], [3, 4], [1, 2], [3, 4]], [0, 0, 1, 1])) console.log(train, test);
 * ```
 * @remarks As for RepeatedKFold: scikit-learn's structure, seeded shuffles that are not numpy's.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.RepeatedStratifiedKFold.html
 */
export class RepeatedStratifiedKFold extends RepeatedSplits {
  static estimatorName = 'RepeatedStratifiedKFold';

  /**
   * One repetition: a shuffled StratifiedKFold seeded from `rng`.
   *
   * @param rng - the repetitions' shared generator
   * @returns a fresh StratifiedKFold
   */
  protected makeCv(rng: RandomState): CrossValidator {
    return new StratifiedKFold({ nSplits: this.nSplits, shuffle: true, randomState: rng });
  }
}
registerEstimator(RepeatedStratifiedKFold, { module: MODULE_URL });
