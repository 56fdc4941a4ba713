// Port of scikit-learn's sklearn/model_selection/_split.py StratifiedKFold (BSD-3-Clause), 1.2's allocation.
import {
  ValueError,
  columnOr1d,
  numSamples,
  warn,
  type Label,
  registerEstimator,
  estimatorNameOf,
} from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import { typeOfTarget, uniqueInverse } from '@scikeras/target-utils';
import { BaseCrossValidator, type Split } from './BaseCrossValidator';
import { checkKFoldParams, checkNotMoreSplitsThanSamples, type KFoldParams } from './KFold';
import { checkRandomState } from '../RandomState';
import { bincount } from '../internal/bincount';

/** Params of {@link StratifiedKFold}: those of KFold. */
export type StratifiedKFoldParams = KFoldParams;

/** The target types stratification accepts, checked like scikit-learn. */
export function checkStratifiableTarget(y: unknown): Label[] {
  const t = typeOfTarget(y as never, { inputName: 'y' });
  if (t !== 'binary' && t !== 'multiclass') {
    throw new ValueError(
      `Supported target types are: ('binary', 'multiclass'). Got '${t}' instead.`,
    );
  }
  return Array.from(columnOr1d(y) as ArrayLike<Label>);
}

export interface StratifiedKFold extends Required<StratifiedKFoldParams> {}

/**
 * Stratified k-fold: folds that keep each class's share of samples. Classes are taken in order
 * of first appearance in `y`; each class's samples go to the folds in blocks, in data order.
 *
 * @example
 * ```ts
 * const skf = new StratifiedKFold({ nSplits: 2 });
 * [...skf.split([[1], [2], [3], [4]], [0, 0, 1, 1])]; // [[[1, 3], [0, 2]], [[0, 2], [1, 3]]]
 * ```
 * @remarks Without shuffling the indices equal scikit-learn 1.2's exactly. With
 * `shuffle: true` the fold assignment within each class is shuffled by a seeded generator:
 * reproducible, but not numpy's stream.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.StratifiedKFold.html
 */
export class StratifiedKFold extends BaseCrossValidator<StratifiedKFoldParams> {
  static estimatorName = 'StratifiedKFold';

  static override defaults = {
    nSplits: 5,
    shuffle: false,
    randomState: null,
  } satisfies StratifiedKFoldParams;

  override *split(X?: unknown, y?: unknown, groups?: unknown): Generator<Split> {
    checkKFoldParams(estimatorNameOf(this), this);
    checkNotMoreSplitsThanSamples(this.nSplits, X);
    yield* super.split(X, y, groups);
  }

  /** The fold of each sample (scikit-learn's `_make_test_folds`). */
  makeTestFolds(X: unknown, y: unknown): Int32Array {
    const rng = checkRandomState(this.randomState);
    const labels = checkStratifiableTarget(y);
    if (labels.length !== numSamples(X)) {
      throw new ValueError(
        `Found input variables with inconsistent numbers of samples: [${numSamples(X)}, ${labels.length}]`,
      );
    }
    const { firstIndex, inverse } = uniqueInverse(labels);
    // encode classes by order of first appearance
    const { inverse: classPerm } = uniqueInverse(firstIndex);
    const encoded = Array.from(inverse, (k) => classPerm[k]!);
    const nClasses = firstIndex.length;
    const counts = bincount(encoded, nClasses);
    const k = this.nSplits;
    const minGroups = counts.reduce((m, c) => Math.min(m, c), Infinity);
    if (counts.every((c) => k > c)) {
      throw new ValueError(
        `nSplits=${k} cannot be greater than the number of members in each class.`,
      );
    }
    if (k > minGroups) {
      warn(
        `The least populated class in y has only ${minGroups} members, which is less than nSplits=${k}.`,
        'UserWarning',
      );
    }
    // round-robin over the sorted labels gives how many of each class go to each fold
    const sorted = [...encoded].sort((a, b) => a - b);
    const allocation: number[][] = Array.from({ length: k }, () =>
      new Array<number>(nClasses).fill(0),
    );
    sorted.forEach((c, i) => allocation[i % k]![c]!++);
    const testFolds = new Int32Array(encoded.length);
    for (let c = 0; c < nClasses; c++) {
      const foldsForClass: number[] = [];
      for (let f = 0; f < k; f++)
        for (let r = 0; r < allocation[f]![c]!; r++) foldsForClass.push(f);
      if (this.shuffle) rng.shuffle(foldsForClass);
      let j = 0;
      for (let i = 0; i < encoded.length; i++)
        if (encoded[i] === c) testFolds[i] = foldsForClass[j++]!;
    }
    return testFolds;
  }

  protected override *iterTestMasks(X?: unknown, y?: unknown): Generator<Uint8Array> {
    const folds = this.makeTestFolds(X, y);
    for (let f = 0; f < this.nSplits; f++) yield Uint8Array.from(folds, (v) => (v === f ? 1 : 0));
  }

  /**
   * The number of folds.
   *
   * @returns `nSplits`
   * @throws InvalidParameterError when the params are invalid
   * @example
   * ```ts
   * new StratifiedKFold({ nSplits: 3 }).getNSplits(); // 3
   * ```
   */
  override getNSplits(): number {
    checkKFoldParams(estimatorNameOf(this), this);
    return this.nSplits;
  }
}
registerEstimator(StratifiedKFold, { module: MODULE_URL });
