// Port of scikit-learn's sklearn/model_selection/_split.py _BaseKFold and KFold (BSD-3-Clause).
import { ValueError, numSamples, registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import { BaseCrossValidator, type Split } from './BaseCrossValidator';
import { checkRandomState, type RandomState } from '../RandomState';
import { checkBoolParam, checkIntParam, checkRandomStateParam } from '../internal/validateParams';

/** Params of {@link KFold}. */
export interface KFoldParams {
  /** Number of folds, at least 2. @defaultValue 5 */
  nSplits?: number;
  /** Shuffle the samples before splitting into folds. @defaultValue false */
  shuffle?: boolean;
  /** Seed (or generator) of the shuffle; only with `shuffle: true`. @defaultValue null */
  randomState?: number | RandomState | null;
}

/** Checks the params shared by the k-fold splitters (scikit-learn's `_BaseKFold.__init__`). */
export function checkKFoldParams(
  owner: string,
  p: { nSplits: unknown; shuffle: unknown; randomState: unknown },
): void {
  checkIntParam(owner, 'nSplits', p.nSplits, 2);
  checkBoolParam(owner, 'shuffle', p.shuffle);
  checkRandomStateParam(owner, p.randomState);
  if (!p.shuffle && p.randomState !== null && p.randomState !== undefined) {
    throw new ValueError(
      'Setting a randomState has no effect since shuffle is false. You should leave randomState to its default (null), or set shuffle=true.',
    );
  }
}

/** Throws when there are more folds than samples (scikit-learn's `_BaseKFold.split`). */
export function checkNotMoreSplitsThanSamples(nSplits: number, X: unknown): void {
  const n = numSamples(X);
  if (nSplits > n) {
    throw new ValueError(
      `Cannot have number of splits nSplits=${nSplits} greater than the number of samples: nSamples=${n}.`,
    );
  }
}

export interface KFold extends Required<KFoldParams> {}

/**
 * K-fold cross-validator: splits the samples into `nSplits` consecutive folds (shuffled first
 * with `shuffle: true`); each fold is the test set once. The first `n % nSplits` folds have
 * one sample more.
 *
 * @example
 * ```ts
 * const kf = new KFold({ nSplits: 2 });
 * [...kf.split([[1, 2], [3, 4], [1, 2], [3, 4]])]; // [[[2, 3], [0, 1]], [[0, 1], [2, 3]]]
 * ```
 * @remarks Without shuffling the indices equal scikit-learn's. With `shuffle: true` they are
 * seeded by `randomState` and reproducible, but cannot equal numpy's Mersenne Twister stream.
 * Params are validated when `split`/`getNSplits` runs (the constructor only stores them).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.KFold.html
 */
export class KFold extends BaseCrossValidator<KFoldParams> {
  static estimatorName = 'KFold';

  static override defaults = {
    nSplits: 5,
    shuffle: false,
    randomState: null,
  } satisfies KFoldParams;

  override *split(X?: unknown, y?: unknown, groups?: unknown): Generator<Split> {
    checkKFoldParams('KFold', this);
    checkNotMoreSplitsThanSamples(this.nSplits, X);
    yield* super.split(X, y, groups);
  }

  protected override *iterTestIndices(X?: unknown): Generator<number[]> {
    const n = numSamples(X);
    const indices = Array.from({ length: n }, (_, i) => i);
    if (this.shuffle) checkRandomState(this.randomState).shuffle(indices);
    const k = this.nSplits;
    let current = 0;
    for (let f = 0; f < k; f++) {
      const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
      yield indices.slice(current, current + size);
      current += size;
    }
  }

  /**
   * The number of folds.
   *
   * @returns `nSplits`
   * @throws InvalidParameterError when the params are invalid
   * @example
   * ```ts
   * new KFold().getNSplits(); // 5
   * ```
   */
  override getNSplits(): number {
    checkKFoldParams('KFold', this);
    return this.nSplits;
  }
}
registerEstimator(KFold, { module: MODULE_URL });
