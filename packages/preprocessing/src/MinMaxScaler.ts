// Port of scikit-learn's sklearn/preprocessing/_data.py MinMaxScaler (BSD-3-Clause)
import {
  checkIsFitted,
  isArray2D,
  ValueError,
  registerEstimator,
  pyTuple,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { affineTransform } from './internal/affine';
import { recordInput, validateRows, type Rows } from './internal/dense';
import { BOOL, validateParams, type Constraint } from './internal/params';
import { handleZerosInScale } from './internal/scaleUtils';
import { nanMinMax } from './internal/stats';
import { Transformer } from './internal/Transformer';

/** Params of {@link MinMaxScaler}. */
export interface MinMaxScalerParams {
  /** The `[min, max]` range of the transformed data. @defaultValue [0, 1] */
  featureRange?: [number, number];
  /** Kept for scikit-learn parity: X is never modified in place here. @defaultValue true */
  copy?: boolean;
  /** Clip transformed values of held-out data to `featureRange`. @defaultValue false */
  clip?: boolean;
}

export interface MinMaxScaler extends Required<MinMaxScalerParams> {}

const RANGE: Constraint = {
  test: (v) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number'),
  text: 'a [min, max] array of 2 numbers',
};
const SPEC = { featureRange: [RANGE], copy: [BOOL], clip: [BOOL] };

/**
 * Scales each feature to `featureRange` from its minimum and maximum:
 * `x * scale_ + min_` with `scale_ = (max - min) / (dataMax_ - dataMin_)`.
 *
 * NaNs are ignored in `fit` and kept by `transform`; a constant feature gets range 1.
 *
 * @example
 * ```ts
 * const s = new MinMaxScaler().fit([[-1, 2], [-0.5, 6], [0, 10], [1, 18]]);
 * s.dataMax_; // [1, 18]
 * s.transform([[2, 2]]); // [[1.5, 0]]
 * ```
 * @remarks `featureRange` is a `[min, max]` array (scikit-learn's tuple). `transform` returns
 * `number[][]` and never writes to X (`copy` has no effect).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.MinMaxScaler.html
 */
export class MinMaxScaler extends Transformer<MinMaxScalerParams> {
  static estimatorName = 'MinMaxScaler';
  static override defaults = {
    featureRange: [0, 1] as [number, number],
    copy: true,
    clip: false,
  } satisfies Required<MinMaxScalerParams>;
  static override tags = { requiresY: false, allowNan: true };

  /** Per-feature minimum seen (NaN ignored). */
  declare dataMin_?: number[];
  /** Per-feature maximum seen (NaN ignored). */
  declare dataMax_?: number[];
  /** `dataMax_ - dataMin_`. */
  declare dataRange_?: number[];
  /** Per-feature relative scaling. */
  declare scale_?: number[];
  /** Per-feature adjustment for the minimum. */
  declare min_?: number[];
  /** Number of rows seen. */
  declare nSamplesSeen_?: number;

  /**
   * Computes the per-feature minimum and maximum.
   *
   * @param X - the training data; NaN ignored
   * @param _y - ignored (accepted for pipelines)
   * @returns this scaler
   * @throws InvalidParameterError for an invalid `featureRange`, `copy` or `clip`
   * @throws ValueError "Minimum of desired feature range must be smaller than maximum. Got (2, 1)."
   * @example
   * ```ts
   * new MinMaxScaler({ featureRange: [-1, 1] }).fit([[0], [4]]).scale_; // [0.5]
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    this.#checkParams();
    this.#update(validateRows(this, X, { reset: true }), true);
    return this;
  }

  /**
   * Updates the minimum and maximum with one more batch.
   *
   * @param X - the batch
   * @param _y - ignored (accepted for pipelines)
   * @returns this scaler
   * @throws ValueError as {@link MinMaxScaler.fit}, and for a different number of features
   * @example
   * ```ts
   * new MinMaxScaler().partialFit([[0]]).partialFit([[4]]).dataRange_; // [4]
   * ```
   */
  partialFit(X: unknown, _y?: unknown): this {
    this.#checkParams();
    const first = this.nSamplesSeen_ === undefined;
    this.#update(validateRows(this, X, { reset: first }), first);
    return this;
  }

  #checkParams(): void {
    validateParams(this, SPEC);
    const [lo, hi] = this.featureRange;
    if (!(lo < hi)) {
      throw new ValueError(
        `Minimum of desired feature range must be smaller than maximum. Got ${pyTuple(this.featureRange)}.`,
      );
    }
  }

  #update(X: Rows, first: boolean): void {
    const { min, max } = nanMinMax(X);
    if (!first) {
      for (let j = 0; j < X.d; j++) {
        min[j] = npMinimum(this.dataMin_![j]!, min[j]!);
        max[j] = npMaximum(this.dataMax_![j]!, max[j]!);
      }
    }
    const [lo, hi] = this.featureRange;
    const range = Float64Array.from(max, (v, j) => v - min[j]!);
    const scale = handleZerosInScale(range).map((r) => (hi - lo) / r);
    if (first) recordInput(this, X);
    this.nSamplesSeen_ = first ? X.n : this.nSamplesSeen_! + X.n;
    this.scale_ = scale;
    this.min_ = scale.map((s, j) => lo - min[j]! * s);
    this.dataMin_ = Array.from(min);
    this.dataMax_ = Array.from(max);
    this.dataRange_ = Array.from(range);
  }

  /**
   * Scales X to `featureRange` (clipped to it when `clip`); NaN stays NaN.
   *
   * @param X - data with as many features as in `fit`
   * @returns the scaled rows
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new MinMaxScaler({ clip: true }).fit([[0], [1]]).transform([[2]]); // [[1]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const out = affineTransform(this, X, this.min_!, this.scale_!, {
      inverse: true,
      typed: this.wantsArray2D(),
    });
    if (this.clip) {
      const [lo, hi] = this.featureRange;
      if (isArray2D(out)) {
        const data = out.data;
        for (let k = 0; k < data.length; k++) data[k] = clip(data[k]!, lo, hi);
      } else {
        for (const row of out) for (let j = 0; j < row.length; j++) row[j] = clip(row[j]!, lo, hi);
      }
    }
    return this.wrapOutput(out);
  }

  /**
   * Undoes the scaling: `(x - min_) / scale_`.
   *
   * @param X - scaled data
   * @returns the rows in the original units
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new MinMaxScaler().fit([[0], [4]]).inverseTransform([[0.5]]); // [[2]]
   * ```
   */
  inverseTransform(X: unknown): number[][] {
    checkIsFitted(this);
    return affineTransform(this, X, this.min_!, this.scale_!, {
      inverse: false,
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
   * new MinMaxScaler().fit([[1, 2]]).getFeatureNamesOut(); // ['x0', 'x1']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    return this.oneToOneNames(inputFeatures);
  }
}

/** numpy's `np.minimum` (NaN wins). */
function npMinimum(a: number, b: number): number {
  return a !== a || b !== b ? NaN : Math.min(a, b);
}

/** numpy's `np.maximum` (NaN wins). */
function npMaximum(a: number, b: number): number {
  return a !== a || b !== b ? NaN : Math.max(a, b);
}

/** numpy's `np.clip` (NaN stays NaN). */
function clip(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
registerEstimator(MinMaxScaler, { module: MODULE_URL });
