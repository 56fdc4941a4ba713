// Port of scikit-learn's sklearn/model_selection/_split.py PredefinedSplit (BSD-3-Clause).
import { ValueError, registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import { BaseCrossValidator, type Split } from './BaseCrossValidator';

/** Params of {@link PredefinedSplit}. */
export interface PredefinedSplitParams {
  /** The test fold of each sample; -1 keeps a sample in every training set. @defaultValue [] */
  testFold?: ArrayLike<number>;
}

export interface PredefinedSplit extends Required<PredefinedSplitParams> {}

/**
 * Splits by a predefined fold per sample (e.g. a fixed validation set): one split per distinct
 * fold value other than -1, in increasing order.
 *
 * @example
 * ```ts
 * [...new PredefinedSplit({ testFold: [0, 1, -1, 1] }).split()]; // [[[1, 2, 3], [0]], [[0, 2], [1, 3]]]
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.PredefinedSplit.html
 */
export class PredefinedSplit extends BaseCrossValidator<PredefinedSplitParams> {
  static estimatorName = 'PredefinedSplit';

  static override defaults = { testFold: [] as number[] } satisfies PredefinedSplitParams;

  #folds(): { fold: number[]; unique: number[] } {
    const fold = Array.from(this.testFold ?? [], (v) => {
      if (!Number.isInteger(Number(v)))
        throw new ValueError(`testFold must hold integer fold numbers, got ${String(v)}.`);
      return Number(v);
    });
    const unique = [...new Set(fold)].filter((v) => v !== -1).sort((a, b) => a - b);
    return { fold, unique };
  }

  override *split(): Generator<Split> {
    const { fold, unique } = this.#folds();
    for (const f of unique) {
      const train: number[] = [];
      const test: number[] = [];
      fold.forEach((v, i) => (v === f ? test : train).push(i));
      yield [train, test];
    }
  }

  /**
   * The number of distinct folds other than -1.
   *
   * @returns the number of splits
   * @example
   * ```ts
   * new PredefinedSplit({ testFold: [0, 1, -1, 1] }).getNSplits(); // 2
   * ```
   */
  override getNSplits(): number {
    return this.#folds().unique.length;
  }
}
registerEstimator(PredefinedSplit, { module: MODULE_URL });
