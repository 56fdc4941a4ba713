// Port of scikit-learn's sklearn/model_selection/_split.py _RepeatedSplits and RepeatedKFold (BSD-3-Clause).
import { BaseEstimator, registerEstimator, estimatorNameOf } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import type { CrossValidator, Split } from './BaseCrossValidator';
import { KFold } from './KFold';
import { checkRandomState, type RandomState } from '../RandomState';
import { checkIntParam, checkRandomStateParam } from '../internal/validateParams';

/** Params of {@link RepeatedKFold} and {@link RepeatedStratifiedKFold}. */
export interface RepeatedKFoldParams {
  /** Number of folds, at least 2. @defaultValue 5 */
  nSplits?: number;
  /** Number of times the k-fold is repeated (each time shuffled differently). @defaultValue 10 */
  nRepeats?: number;
  /** Seed (or generator) shared by the repeats. @defaultValue null */
  randomState?: number | RandomState | null;
}

/** Base of the repeated splitters (scikit-learn's `_RepeatedSplits`). */
export abstract class RepeatedSplits
  extends BaseEstimator<RepeatedKFoldParams>
  implements CrossValidator
{
  declare nSplits: number;
  declare nRepeats: number;
  declare randomState: number | RandomState | null;

  /** scikit-learn's defaults, shared by both repeated splitters. */
  static override defaults = {
    nSplits: 5,
    nRepeats: 10,
    randomState: null,
  } satisfies RepeatedKFoldParams;

  /**
   * The splitter of one repetition, shuffled by `rng`.
   *
   * @param rng - the repetitions' shared generator
   * @returns a fresh splitter (KFold or StratifiedKFold)
   */
  protected abstract makeCv(rng: RandomState): CrossValidator;

  /**
   * Generates the `[train, test]` splits of every repeat, repeat after repeat.
   *
   * @param X - the samples
   * @param y - the target (stratified variant)
   * @param groups - ignored
   * @returns a generator of `nSplits * nRepeats` splits
   * @example
   * ```ts
   * [...new RepeatedKFold({ nSplits: 2, nRepeats: 2, randomState: 0 }).split([[1], [2], [3], [4]])].length; // 4
   * ```
   */
  *split(X?: unknown, y?: unknown, groups?: unknown): Generator<Split> {
    checkIntParam(estimatorNameOf(this), 'nRepeats', this.nRepeats, 1);
    checkRandomStateParam(estimatorNameOf(this), this.randomState);
    const rng = checkRandomState(this.randomState);
    for (let r = 0; r < this.nRepeats; r++) yield* this.makeCv(rng).split(X, y, groups);
  }

  /**
   * The number of splits over all repeats.
   *
   * @returns `nSplits * nRepeats`
   * @example
   * ```ts
   * new RepeatedKFold({ nSplits: 3, nRepeats: 2 }).getNSplits(); // 6
   * ```
   */
  getNSplits(X?: unknown, y?: unknown, groups?: unknown): number {
    checkIntParam(estimatorNameOf(this), 'nRepeats', this.nRepeats, 1);
    return this.makeCv(checkRandomState(0)).getNSplits(X, y, groups) * this.nRepeats;
  }
}

export interface RepeatedKFold extends Required<RepeatedKFoldParams> {}

/**
 * Repeats a shuffled KFold `nRepeats` times, each repeat shuffled differently from one shared
 * generator.
 *
 * @example
 * ```ts
 * const rkf = new RepeatedKFold({ nSplits: 2, nRepeats: 2, randomState: 2652124 });
 * for (const [train, test] of rkf.split([[1, 2], [3, 4], [1, 2], [3, 4]])) console.log(train, test);
 * ```
 * @remarks The structure (each repeat a partition, `nSplits * nRepeats` splits) is
 * scikit-learn's; the shuffles are seeded and reproducible but not numpy's.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.RepeatedKFold.html
 */
export class RepeatedKFold extends RepeatedSplits {
  static estimatorName = 'RepeatedKFold';

  /**
   * One repetition: a shuffled KFold seeded from `rng`.
   *
   * @param rng - the repetitions' shared generator
   * @returns a fresh KFold
   */
  protected makeCv(rng: RandomState): CrossValidator {
    return new KFold({ nSplits: this.nSplits, shuffle: true, randomState: rng });
  }
}
registerEstimator(RepeatedKFold, { module: MODULE_URL });
