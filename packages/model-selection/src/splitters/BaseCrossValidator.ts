// Port of scikit-learn's sklearn/model_selection/_split.py BaseCrossValidator (BSD-3-Clause).
import {
  BaseEstimator,
  NotImplementedError,
  numSamples,
  estimatorNameOf,
} from '@scikeras/estimator-core';

/** One split: the train indices and the test indices, each increasing where scikit-learn's are. */
export type Split = [train: number[], test: number[]];

/**
 * What a cross-validation splitter offers: `split` yields `[train, test]` index arrays,
 * `getNSplits` says how many. Any object with these two methods can be passed as `cv`.
 */
export interface CrossValidator {
  /** The `[trainIdx, testIdx]` pairs, one per split. */
  split(X?: unknown, y?: unknown, groups?: unknown): Iterable<Split>;
  /** The number of splits `split` yields for these inputs. */
  getNSplits(X?: unknown, y?: unknown, groups?: unknown): number;
}

/**
 * Base class of the splitters that define their test sets by masks or indices
 * (scikit-learn's `BaseCrossValidator`): train is every sample not in test, in increasing order.
 *
 * @example
 * ```ts
 * class EveryOther extends BaseCrossValidator {
 *   getNSplits() { return 2; }
 *   protected *iterTestIndices(X: unknown) { const n = numSamples(X); for (const r of [0, 1]) yield [...Array(n).keys()].filter((i) => i % 2 === r); }
 * }
 * ```
 * @see https://scikit-learn.org/1.2/modules/cross_validation.html
 */
export abstract class BaseCrossValidator<P extends object = Record<string, unknown>>
  extends BaseEstimator<P>
  implements CrossValidator
{
  /**
   * Generates the `[train, test]` index arrays of each split.
   *
   * @param X - the samples (only their number is used by most splitters)
   * @param y - the target (used by stratified splitters)
   * @param groups - group labels (used by group splitters)
   * @returns a generator of `[train, test]`
   * @throws ValueError from the splitter's checks, when the generator starts
   * @example
   * ```ts
   * for (const [train, test] of new KFold({ nSplits: 2 }).split([[0], [1], [2], [3]])) console.log(train, test);
   * ```
   */
  *split(X?: unknown, y?: unknown, groups?: unknown): Generator<Split> {
    const n = numSamples(X);
    for (const mask of this.iterTestMasks(X, y, groups)) {
      const train: number[] = [];
      const test: number[] = [];
      for (let i = 0; i < n; i++) (mask[i] ? test : train).push(i);
      yield [train, test];
    }
  }

  /** Boolean masks of the test sets; by default from {@link iterTestIndices}. */
  protected *iterTestMasks(X?: unknown, y?: unknown, groups?: unknown): Generator<Uint8Array> {
    const n = numSamples(X);
    for (const idx of this.iterTestIndices(X, y, groups)) {
      const mask = new Uint8Array(n);
      for (const i of idx) mask[i] = 1;
      yield mask;
    }
  }

  /** Index arrays of the test sets. */
  // eslint-disable-next-line require-yield
  protected *iterTestIndices(_X?: unknown, _y?: unknown, _groups?: unknown): Generator<number[]> {
    throw new NotImplementedError(
      `${estimatorNameOf(this)} must implement iterTestIndices or iterTestMasks.`,
    );
  }

  /**
   * The number of splits `split` yields.
   *
   * @param X - the samples (needed by LeaveOneOut)
   * @param y - the target
   * @param groups - group labels
   * @returns the number of splits
   * @example
   * ```ts
   * new KFold({ nSplits: 3 }).getNSplits(); // 3
   * ```
   */
  abstract getNSplits(X?: unknown, y?: unknown, groups?: unknown): number;
}
