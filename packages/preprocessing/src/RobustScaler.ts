// Port of scikit-learn's sklearn/preprocessing/_data.py RobustScaler (BSD-3-Clause)
import { checkIsFitted, ValueError, registerEstimator, pyTuple } from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { affineTransform } from './internal/affine';
import { recordInput, validateNumeric } from './internal/dense';
import { BOOL, validateParams, type Constraint } from './internal/params';
import { handleZerosInScale } from './internal/scaleUtils';
import { medianSorted, normPpf, percentileSorted, sortedColumn } from './internal/stats';
import { Transformer } from './internal/Transformer';

/** Params of {@link RobustScaler}. */
export interface RobustScalerParams {
  /** Subtract the median. @defaultValue true */
  withCentering?: boolean;
  /** Divide by the interquantile range. @defaultValue true */
  withScaling?: boolean;
  /** The `[qMin, qMax]` percentiles of the range, in `[0, 100]`. @defaultValue [25, 75] */
  quantileRange?: [number, number];
  /** Kept for scikit-learn parity: X is never modified in place here. @defaultValue true */
  copy?: boolean;
  /** Scale so that normally distributed features get variance 1. @defaultValue false */
  unitVariance?: boolean;
}

export interface RobustScaler extends Required<RobustScalerParams> {}

const RANGE: Constraint = {
  test: (v) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number'),
  text: 'a [qMin, qMax] array of 2 numbers',
};
const SPEC = {
  withCentering: [BOOL],
  withScaling: [BOOL],
  quantileRange: [RANGE],
  copy: [BOOL],
  unitVariance: [BOOL],
};

/**
 * Scales features with statistics that are robust to outliers: removes the median and divides
 * by the interquantile range (25th to 75th percentile by default).
 *
 * Percentiles are numpy's (linear interpolation); NaNs are ignored in `fit` and kept by
 * `transform`.
 *
 * @example
 * ```ts
 * const s = new RobustScaler().fit([[1, -2, 2], [-2, 1, 3], [4, 1, -2]]);
 * s.center_; // [1, 1, 2]
 * s.transform([[1, 1, 2]]); // [[0, 0, 0]]
 * ```
 * @remarks `quantileRange` is a `[qMin, qMax]` array (scikit-learn's tuple). `transform`
 * returns `number[][]` and never writes to X (`copy` has no effect).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.RobustScaler.html
 */
export class RobustScaler extends Transformer<RobustScalerParams> {
  static estimatorName = 'RobustScaler';
  static override defaults = {
    withCentering: true,
    withScaling: true,
    quantileRange: [25, 75] as [number, number],
    copy: true,
    unitVariance: false,
  } satisfies Required<RobustScalerParams>;
  static override tags = { requiresY: false, allowNan: true };

  /** Per-feature median (null without `withCentering`). */
  declare center_?: number[] | null;
  /** Per-feature interquantile range (null without `withScaling`). */
  declare scale_?: number[] | null;

  /**
   * Computes the median and the interquantile range of each feature.
   *
   * @param X - the training data; NaN ignored
   * @param _y - ignored (accepted for pipelines)
   * @returns this scaler
   * @throws ValueError "Invalid quantile range: (80, 20)"
   * @example
   * ```ts
   * new RobustScaler().fit([[1], [2], [3], [4], [5]]).scale_; // [2]
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    validateParams(this, SPEC);
    const Xd = validateNumeric(this, X, { reset: true });
    const [qMin, qMax] = this.quantileRange;
    if (!(qMin >= 0 && qMin <= qMax && qMax <= 100))
      throw new ValueError(`Invalid quantile range: ${pyTuple(this.quantileRange)}`);
    const columns = Array.from({ length: Xd.d }, (_, j) => sortedColumn(Xd, j));
    const center = this.withCentering ? columns.map(medianSorted) : null;
    let scale: number[] | null = null;
    if (this.withScaling) {
      const iqr = Float64Array.from(
        columns,
        (c) => percentileSorted(c, qMax) - percentileSorted(c, qMin),
      );
      scale = handleZerosInScale(iqr);
      if (this.unitVariance) {
        const adjust = normPpf(qMax / 100) - normPpf(qMin / 100);
        scale = scale.map((s) => s / adjust);
      }
    }
    recordInput(this, Xd);
    this.center_ = center;
    this.scale_ = scale;
    return this;
  }

  /**
   * Centers and scales X: `(x - center_) / scale_` (NaN stays NaN).
   *
   * @param X - data with as many features as in `fit`
   * @returns the scaled rows
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new RobustScaler().fit([[1], [2], [3], [4], [5]]).transform([[5]]); // [[1]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    return this.wrapOutput(
      affineTransform(this, X, this.center_!, this.scale_!, {
        inverse: false,
        typed: this.wantsArray2D(),
      }),
    );
  }

  /**
   * Scales back: `x * scale_ + center_`.
   *
   * @param X - scaled data
   * @returns the rows in the original units
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new RobustScaler().fit([[1], [2], [3], [4], [5]]).inverseTransform([[1]]); // [[5]]
   * ```
   */
  inverseTransform(X: unknown): number[][] {
    checkIsFitted(this);
    return affineTransform(this, X, this.center_!, this.scale_!, {
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
   * new RobustScaler().fit([[1, 2], [3, 4]]).getFeatureNamesOut(['a', 'b']); // ['a', 'b']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    return this.oneToOneNames(inputFeatures);
  }
}
registerEstimator(RobustScaler, { module: MODULE_URL });
