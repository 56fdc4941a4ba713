// Port of scikit-learn's sklearn/preprocessing/_data.py MaxAbsScaler (BSD-3-Clause)
import { checkIsFitted, registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { affineTransform } from './internal/affine';
import { recordInput, validateRows, type Rows } from './internal/dense';
import { BOOL, validateParams } from './internal/params';
import { handleZerosInScale } from './internal/scaleUtils';
import { Transformer } from './internal/Transformer';

/** Params of {@link MaxAbsScaler}. */
export interface MaxAbsScalerParams {
  /** Kept for scikit-learn parity: X is never modified in place here. @defaultValue true */
  copy?: boolean;
}

export interface MaxAbsScaler extends Required<MaxAbsScalerParams> {}

const SPEC = { copy: [BOOL] };

/**
 * Scales each feature by its maximum absolute value, so that values lie in `[-1, 1]`; does not
 * shift the data (zeros stay zeros).
 *
 * NaNs are ignored in `fit` and kept by `transform`; an all-zero feature gets scale 1.
 *
 * @example
 * ```ts
 * const s = new MaxAbsScaler().fit([[1, -1, 2], [2, 0, 0], [0, 1, -1]]);
 * s.maxAbs_; // [2, 1, 2]
 * s.transform([[1, 1, 1]]); // [[0.5, 1, 0.5]]
 * ```
 * @remarks `transform` returns `number[][]` and never writes to X (`copy` has no effect).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.MaxAbsScaler.html
 */
export class MaxAbsScaler extends Transformer<MaxAbsScalerParams> {
  static estimatorName = 'MaxAbsScaler';
  static override defaults = { copy: true } satisfies Required<MaxAbsScalerParams>;
  static override tags = { requiresY: false, allowNan: true };

  /** Per-feature maximum absolute value (NaN ignored). */
  declare maxAbs_?: number[];
  /** Per-feature scale (`maxAbs_`, 1 for all-zero features). */
  declare scale_?: number[];
  /** Number of rows seen. */
  declare nSamplesSeen_?: number;

  /**
   * Computes the maximum absolute value of each feature.
   *
   * @param X - the training data; NaN ignored
   * @param _y - ignored (accepted for pipelines)
   * @returns this scaler
   * @throws ValueError for empty, non-numeric or infinite X
   * @example
   * ```ts
   * new MaxAbsScaler().fit([[-4], [2]]).scale_; // [4]
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    validateParams(this, SPEC);
    this.#update(validateRows(this, X, { reset: true }), true);
    return this;
  }

  /**
   * Updates the maximum absolute values with one more batch.
   *
   * @param X - the batch
   * @param _y - ignored (accepted for pipelines)
   * @returns this scaler
   * @throws ValueError for a different number of features
   * @example
   * ```ts
   * new MaxAbsScaler().partialFit([[1]]).partialFit([[-3]]).maxAbs_; // [3]
   * ```
   */
  partialFit(X: unknown, _y?: unknown): this {
    validateParams(this, SPEC);
    const first = this.nSamplesSeen_ === undefined;
    this.#update(validateRows(this, X, { reset: first }), first);
    return this;
  }

  #update(X: Rows, first: boolean): void {
    const { n, d, data } = X;
    const maxAbs = new Float64Array(d).fill(-Infinity);
    const seen = new Uint8Array(d);
    for (let i = 0; i < n; i++) {
      const r = data ?? X.row(i);
      const off = data ? i * d : 0;
      for (let j = 0; j < d; j++) {
        const v = Math.abs(r[off + j]!);
        if (v !== v) continue;
        seen[j] = 1;
        if (v > maxAbs[j]!) maxAbs[j] = v;
      }
    }
    for (let j = 0; j < d; j++) {
      if (!seen[j]) maxAbs[j] = NaN;
      if (!first) {
        const prev = this.maxAbs_![j]!;
        maxAbs[j] = prev !== prev || maxAbs[j]! !== maxAbs[j]! ? NaN : Math.max(prev, maxAbs[j]!);
      }
    }
    if (first) recordInput(this, X);
    this.nSamplesSeen_ = first ? n : this.nSamplesSeen_! + n;
    this.maxAbs_ = Array.from(maxAbs);
    this.scale_ = handleZerosInScale(maxAbs);
  }

  /**
   * Scales X: `x / scale_` (NaN stays NaN).
   *
   * @param X - data with as many features as in `fit`
   * @returns the scaled rows
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new MaxAbsScaler().fit([[-4], [2]]).transform([[2]]); // [[0.5]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    return this.wrapOutput(
      affineTransform(this, X, null, this.scale_!, { inverse: false, typed: this.wantsArray2D() }),
    );
  }

  /**
   * Scales back: `x * scale_`.
   *
   * @param X - scaled data
   * @returns the rows in the original units
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new MaxAbsScaler().fit([[-4], [2]]).inverseTransform([[0.5]]); // [[2]]
   * ```
   */
  inverseTransform(X: unknown): number[][] {
    checkIsFitted(this);
    return affineTransform(this, X, null, this.scale_!, {
      inverse: true,
      inverseInput: true,
    }) as number[][];
  }

  /**
   * The output feature names: the input names.
   *
   * @param inputFeatures - names to use instead (checked against `featureNamesIn_`)
   * @returns one name per feature
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new MaxAbsScaler().fit([{ a: 1 }]).getFeatureNamesOut(); // ['a']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    return this.oneToOneNames(inputFeatures);
  }
}
registerEstimator(MaxAbsScaler, { module: MODULE_URL });
