// Port of scikit-learn's sklearn/model_selection/_split.py GroupKFold (BSD-3-Clause), 1.2's greedy assignment.
import { ValueError, registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import { uniqueInverse } from '@scikeras/target-utils';
import { BaseCrossValidator, type Split } from './BaseCrossValidator';
import { checkNotMoreSplitsThanSamples } from './KFold';
import { argsortQuick } from '../internal/argsortQuick';
import { bincount } from '../internal/bincount';
import { assertFiniteNumbers, labelsOf } from '../internal/labelsOf';
import { checkIntParam } from '../internal/validateParams';

/** Params of {@link GroupKFold}. */
export interface GroupKFoldParams {
  /** Number of folds, at least 2. @defaultValue 5 */
  nSplits?: number;
}

export interface GroupKFold extends Required<GroupKFoldParams> {}

/**
 * K-fold with non-overlapping groups: a group is in exactly one test fold. Groups are assigned
 * largest first, each to the fold with the fewest samples so far.
 *
 * @example
 * ```ts
 * const gkf = new GroupKFold({ nSplits: 2 });
 * [...gkf.split([[1], [2], [3], [4]], null, ['a', 'a', 'b', 'c'])];
 * ```
 * @remarks Equal-sized groups are ordered by a port of numpy 1.24's (unstable) introsort so
 * that the folds equal scikit-learn 1.2's.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.GroupKFold.html
 */
export class GroupKFold extends BaseCrossValidator<GroupKFoldParams> {
  static estimatorName = 'GroupKFold';

  static override defaults = { nSplits: 5 } satisfies GroupKFoldParams;

  override *split(X?: unknown, y?: unknown, groups?: unknown): Generator<Split> {
    checkIntParam('GroupKFold', 'nSplits', this.nSplits, 2);
    checkNotMoreSplitsThanSamples(this.nSplits, X);
    yield* super.split(X, y, groups);
  }

  protected override *iterTestIndices(
    _X?: unknown,
    _y?: unknown,
    groups?: unknown,
  ): Generator<number[]> {
    if (groups === null || groups === undefined)
      throw new ValueError("The 'groups' parameter should not be None.");
    const labels = labelsOf(groups);
    assertFiniteNumbers(labels, 'groups');
    const { uniques, inverse } = uniqueInverse(labels);
    const nGroups = uniques.length;
    if (this.nSplits > nGroups) {
      throw new ValueError(
        `Cannot have number of splits nSplits=${this.nSplits} greater than the number of groups: ${nGroups}.`,
      );
    }
    const perGroup = bincount(inverse, nGroups);
    const order = argsortQuick(perGroup).reverse();
    const perFold = new Array<number>(this.nSplits).fill(0);
    const groupToFold = new Int32Array(nGroups);
    for (const g of order) {
      let lightest = 0;
      for (let f = 1; f < perFold.length; f++) if (perFold[f]! < perFold[lightest]!) lightest = f;
      perFold[lightest]! += perGroup[g]!;
      groupToFold[g] = lightest;
    }
    for (let f = 0; f < this.nSplits; f++) {
      const out: number[] = [];
      for (let i = 0; i < inverse.length; i++) if (groupToFold[inverse[i]!] === f) out.push(i);
      yield out;
    }
  }

  /**
   * The number of folds.
   *
   * @returns `nSplits`
   * @throws InvalidParameterError when `nSplits` is invalid
   * @example
   * ```ts
   * new GroupKFold({ nSplits: 3 }).getNSplits(); // 3
   * ```
   */
  override getNSplits(): number {
    return checkIntParam('GroupKFold', 'nSplits', this.nSplits, 2);
  }
}
registerEstimator(GroupKFold, { module: MODULE_URL });
