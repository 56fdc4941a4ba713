// Port of scikit-learn's sklearn/model_selection/_split.py BaseShuffleSplit and ShuffleSplit (BSD-3-Clause).
import {
  BaseEstimator,
  numSamples,
  registerEstimator,
  estimatorNameOf,
} from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import type { CrossValidator, Split } from './BaseCrossValidator';
import { checkRandomState, type RandomState } from '../RandomState';
import { checkIntParam, checkRandomStateParam } from '../internal/validateParams';
import { validateShuffleSplit } from './validateShuffleSplit';

/** Params of {@link ShuffleSplit}. */
export interface ShuffleSplitParams {
  /** Number of re-shuffling and splitting iterations. @defaultValue 10 */
  nSplits?: number;
  /**
   * Test set size: an integer is a number of samples, a non-integer a proportion in (0, 1);
   * `null` means the complement of `trainSize`, or 0.1 when both are null. @defaultValue null
   */
  testSize?: number | null;
  /** Train set size, like `testSize`; `null` means the complement of the test size. @defaultValue null */
  trainSize?: number | null;
  /** Seed (or generator) of the permutations. @defaultValue null */
  randomState?: number | RandomState | null;
}

export interface ShuffleSplit extends Required<ShuffleSplitParams> {}

/**
 * Random permutation cross-validator: `nSplits` independent random train/test splits.
 *
 * @example
 * ```ts
 * const ss = new ShuffleSplit({ nSplits: 3, testSize: 0.25, randomState: 0 });
 * for (const [train, test] of ss.split(X)) console.log(train.length, test.length);
 * ```
 * @remarks Sizes are scikit-learn's; indices are seeded by `randomState` and reproducible but
 * cannot equal numpy's. An integer `testSize`/`trainSize` is a count and a non-integer a
 * proportion (JavaScript has one number type, so `1.0` is the count 1).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.ShuffleSplit.html
 */
export class ShuffleSplit extends BaseEstimator<ShuffleSplitParams> implements CrossValidator {
  static estimatorName = 'ShuffleSplit';

  static override defaults = {
    nSplits: 10,
    testSize: null,
    trainSize: null,
    randomState: null,
  } satisfies ShuffleSplitParams;

  /** The test size used when both sizes are null. */
  protected get defaultTestSize(): number {
    return 0.1;
  }

  /**
   * Generates `nSplits` random `[train, test]` splits.
   *
   * @param X - the samples (only their number is used)
   * @returns a generator of `[train, test]`
   * @throws ValueError for sizes that do not fit the number of samples
   * @example
   * ```ts
   * [...new ShuffleSplit({ nSplits: 1, testSize: 1, randomState: 0 }).split([[1], [2]])];
   * ```
   */
  *split(X?: unknown, _y?: unknown, _groups?: unknown): Generator<Split> {
    checkIntParam(estimatorNameOf(this), 'nSplits', this.nSplits, 1);
    checkRandomStateParam(estimatorNameOf(this), this.randomState);
    const n = numSamples(X);
    const [nTrain, nTest] = validateShuffleSplit(
      n,
      this.testSize,
      this.trainSize,
      this.defaultTestSize,
    );
    const rng = checkRandomState(this.randomState);
    for (let s = 0; s < this.nSplits; s++) {
      const perm = rng.permutation(n);
      yield [perm.slice(nTest, nTest + nTrain), perm.slice(0, nTest)];
    }
  }

  /**
   * The number of splits.
   *
   * @returns `nSplits`
   * @throws InvalidParameterError for an invalid `nSplits`
   * @example
   * ```ts
   * new ShuffleSplit().getNSplits(); // 10
   * ```
   */
  getNSplits(): number {
    return checkIntParam(estimatorNameOf(this), 'nSplits', this.nSplits, 1);
  }
}
registerEstimator(ShuffleSplit, { module: MODULE_URL });
