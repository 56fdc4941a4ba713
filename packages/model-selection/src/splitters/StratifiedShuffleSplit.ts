// Port of scikit-learn's sklearn/model_selection/_split.py StratifiedShuffleSplit (BSD-3-Clause).
import {
  ValueError,
  numSamples,
  type Label,
  registerEstimator,
  estimatorNameOf,
} from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import { uniqueInverse } from '@scikeras/target-utils';
import type { Split } from './BaseCrossValidator';
import { checkRandomState } from '../RandomState';
import { ShuffleSplit, type ShuffleSplitParams } from './ShuffleSplit';
import { approximateMode } from './approximateMode';
import { bincount } from '../internal/bincount';
import { assertFiniteNumbers, labelsOf } from '../internal/labelsOf';
import { checkIntParam, checkRandomStateParam } from '../internal/validateParams';
import { validateShuffleSplit } from './validateShuffleSplit';

/** Params of {@link StratifiedShuffleSplit}: those of ShuffleSplit. */
export type StratifiedShuffleSplitParams = ShuffleSplitParams;

/**
 * Stratified random splits: `nSplits` random train/test splits that keep each class's share.
 * A 2-D `y` (multilabel) is stratified on its distinct rows.
 *
 * @example
 * ```ts
 * const sss = new StratifiedShuffleSplit({ nSplits: 2, testSize: 0.5, randomState: 0 });
 * [...sss.split([[1], [2], [3], [4]], [0, 0, 1, 1])];
 * ```
 * @remarks Per-class counts are scikit-learn's (`_approximate_mode`); the indices are seeded by
 * `randomState` and reproducible, but cannot equal numpy's.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.StratifiedShuffleSplit.html
 */
export class StratifiedShuffleSplit extends ShuffleSplit {
  static override estimatorName = 'StratifiedShuffleSplit';

  override *split(X?: unknown, y?: unknown, _groups?: unknown): Generator<Split> {
    checkIntParam(estimatorNameOf(this), 'nSplits', this.nSplits, 1);
    checkRandomStateParam(estimatorNameOf(this), this.randomState);
    const n = numSamples(X);
    if (y === undefined || y === null)
      throw new ValueError(
        'StratifiedShuffleSplit requires y to be passed, but the target y is None.',
      );
    let labels: Label[];
    if (Array.isArray(y) && y.length > 0 && (Array.isArray(y[0]) || ArrayBuffer.isView(y[0]))) {
      for (const row of y as ArrayLike<Label>[]) assertFiniteNumbers(Array.from(row), 'y');
      labels = (y as ArrayLike<Label>[]).map((row) => Array.from(row).map(String).join(' '));
    } else {
      labels = labelsOf(y);
      assertFiniteNumbers(labels, 'y');
    }
    const [nTrain, nTest] = validateShuffleSplit(
      n,
      this.testSize,
      this.trainSize,
      this.defaultTestSize,
    );
    const { uniques, inverse } = uniqueInverse(labels);
    const nClasses = uniques.length;
    const classCounts = bincount(inverse, nClasses);
    if (classCounts.reduce((m, c) => Math.min(m, c), Infinity) < 2) {
      throw new ValueError(
        'The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.',
      );
    }
    if (nTrain < nClasses) {
      throw new ValueError(
        `The trainSize = ${nTrain} should be greater or equal to the number of classes = ${nClasses}`,
      );
    }
    if (nTest < nClasses) {
      throw new ValueError(
        `The testSize = ${nTest} should be greater or equal to the number of classes = ${nClasses}`,
      );
    }
    const classIndices: number[][] = Array.from({ length: nClasses }, () => []);
    inverse.forEach((c, i) => classIndices[c]!.push(i));
    const rng = checkRandomState(this.randomState);
    for (let s = 0; s < this.nSplits; s++) {
      const nI = approximateMode(classCounts, nTrain, rng);
      const remaining = classCounts.map((c, i) => c - nI[i]!);
      const tI = approximateMode(remaining, nTest, rng);
      const train: number[] = [];
      const test: number[] = [];
      for (let c = 0; c < nClasses; c++) {
        const perm = rng.permutation(classIndices[c]!);
        // a loop, not push(...slice): a class of ~190k rows would overflow the call stack
        for (let i = 0; i < nI[c]!; i++) train.push(perm[i]!);
        for (let i = nI[c]!; i < nI[c]! + tI[c]!; i++) test.push(perm[i]!);
      }
      yield [rng.permutation(train), rng.permutation(test)];
    }
  }
}
registerEstimator(StratifiedShuffleSplit, { module: MODULE_URL });
