// Port of scikit-learn's sklearn/preprocessing/_data.py StandardScaler (BSD-3-Clause)
import {
  checkIsFitted,
  registerEstimator,
  transformInto,
  type TransformsInto,
  type WindowWriter,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { affineTransform, affineWriter } from './internal/affine';
import { recordInput, validateRows, type Rows } from './internal/dense';
import { incrementalMeanVar } from './internal/incrementalMeanVar';
import { BOOL, validateParams } from './internal/params';
import { checkSampleWeight, handleZerosInScale, isConstantFeature } from './internal/scaleUtils';
import { Transformer } from './internal/Transformer';

/** Params of {@link StandardScaler}. */
export interface StandardScalerParams {
  /** Center the data before scaling. @defaultValue true */
  withMean?: boolean;
  /** Scale the data to unit variance. @defaultValue true */
  withStd?: boolean;
  /** Kept for scikit-learn parity: X is never modified in place here. @defaultValue true */
  copy?: boolean;
}

export interface StandardScaler extends Required<StandardScalerParams> {}

const SPEC = { withMean: [BOOL], withStd: [BOOL], copy: [BOOL] };

/**
 * Standardizes features by removing the mean and scaling to unit variance:
 * `z = (x - mean_) / scale_`.
 *
 * NaNs are ignored when the statistics are computed and kept as NaN by `transform`. A feature
 * whose variance is (numerically) zero gets `scale_` 1. `partialFit` updates the statistics
 * batch by batch (Chan, Golub and LeVeque's update), giving what `fit` gives on all rows.
 *
 * @example
 * ```ts
 * const scaler = new StandardScaler().fit([[0, 0], [0, 0], [1, 1], [1, 1]]);
 * scaler.mean_; // [0.5, 0.5]
 * scaler.transform([[2, 2]]); // [[3, 3]]
 * ```
 * @remarks `transform` returns `number[][]` and never writes to X (`copy` has no effect).
 * Sparse input is a non-goal.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.StandardScaler.html
 */
export class StandardScaler extends Transformer<StandardScalerParams> implements TransformsInto {
  static estimatorName = 'StandardScaler';
  static override defaults = {
    withMean: true,
    withStd: true,
    copy: true,
  } satisfies Required<StandardScalerParams>;
  static override tags = { requiresY: false, allowNan: true };

  /** Per-feature mean (null when both `withMean` and `withStd` are false). */
  declare mean_?: number[] | null;
  /** Per-feature variance (null when `withStd` is false). */
  declare var_?: number[] | null;
  /** Per-feature scale: the standard deviation, 1 for constant features (null without `withStd`). */
  declare scale_?: number[] | null;
  /** Samples seen per feature (NaNs excluded; weighted with sample weights); a number when equal for all. */
  declare nSamplesSeen_?: number | number[];

  /**
   * Computes the mean and standard deviation of each feature.
   *
   * @param X - the training data (`number[][]`, typed-array rows, Matrix or records); NaN ignored
   * @param _y - ignored (accepted for pipelines)
   * @param sampleWeight - one weight per sample (optional)
   * @returns this scaler
   * @throws InvalidParameterError for a non-boolean `withMean`, `withStd` or `copy`
   * @throws ValueError for empty or non-numeric X, or infinite values
   * @example
   * ```ts
   * new StandardScaler().fit([[1], [3]]).scale_; // [1]
   * ```
   */
  fit(X: unknown, _y?: unknown, sampleWeight?: unknown): this {
    validateParams(this, SPEC);
    // the first statistics pass also reports Infinity (one pass less over a large X)
    const deferInfinite = (this.withMean || this.withStd) && sampleWeight == null;
    const Xd = validateRows(this, X, { reset: true, deferInfinite });
    this.#update(Xd, checkSampleWeight(sampleWeight, Xd.n), true);
    return this;
  }

  /**
   * Updates the mean and variance with one more batch (the first call starts from scratch).
   *
   * @param X - the batch
   * @param _y - ignored (accepted for pipelines)
   * @param sampleWeight - one weight per sample (optional)
   * @returns this scaler
   * @throws ValueError "X has 3 features, but StandardScaler is expecting 2 features as input."
   * @example
   * ```ts
   * const s = new StandardScaler();
   * s.partialFit([[1], [2]]).partialFit([[3], [4]]).mean_; // [2.5]
   * ```
   */
  partialFit(X: unknown, _y?: unknown, sampleWeight?: unknown): this {
    validateParams(this, SPEC);
    const first = this.nSamplesSeen_ === undefined;
    const Xd = validateRows(this, X, { reset: first });
    this.#update(Xd, checkSampleWeight(sampleWeight, Xd.n), first);
    return this;
  }

  #update(X: Rows, w: Float64Array | null, first: boolean): void {
    const d = X.d;
    const lastCount = new Float64Array(d);
    if (!first) {
      const seen = this.nSamplesSeen_!;
      if (typeof seen === 'number') lastCount.fill(seen);
      else lastCount.set(seen);
    }
    let mean: number[] | null = null;
    let variance: number[] | null = null;
    let count: Float64Array;
    if (!this.withMean && !this.withStd) {
      count = lastCount;
      for (let i = 0; i < X.n; i++) {
        const r = X.data ?? X.row(i);
        const off = X.data ? i * d : 0;
        for (let j = 0; j < d; j++) if (r[off + j] === r[off + j]) count[j] = count[j]! + 1;
      }
    } else {
      const lastMean = first || !this.mean_ ? new Float64Array(d) : Float64Array.from(this.mean_);
      const lastVar = first
        ? this.withStd
          ? new Float64Array(d)
          : null
        : this.var_
          ? Float64Array.from(this.var_)
          : null;
      const r = incrementalMeanVar(X, { mean: lastMean, variance: lastVar, count: lastCount }, w);
      mean = Array.from(r.mean);
      variance = r.variance ? Array.from(r.variance) : null;
      count = r.count;
    }
    let scale: number[] | null = null;
    if (this.withStd) {
      const v = variance ?? new Array<number>(d).fill(NaN);
      const constant = isConstantFeature(v, mean ?? new Array<number>(d).fill(0), count);
      scale = handleZerosInScale(Float64Array.from(v, Math.sqrt), constant);
    }
    if (first) recordInput(this, X);
    this.mean_ = mean;
    this.var_ = variance;
    this.scale_ = scale;
    this.nSamplesSeen_ = count.every((c) => c === count[0]) ? count[0]! : Array.from(count);
  }

  /**
   * Standardizes X: `(x - mean_) / scale_` (NaN stays NaN).
   *
   * @param X - data with as many features as in `fit`
   * @returns the scaled rows
   * @throws NotFittedError before `fit`
   * @throws ValueError "X has 1 features, but StandardScaler is expecting 2 features as input."
   * @example
   * ```ts
   * new StandardScaler().fit([[0], [2]]).transform([[4]]); // [[3]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const mean = this.withMean ? this.mean_! : null;
    return this.wrapOutput(
      affineTransform(this, X, mean, this.withStd ? this.scale_! : null, {
        inverse: false,
        typed: this.wantsArray2D(),
      }),
    );
  }

  /**
   * The `transformInto` hook (estimator-core's {@link TransformsInto}): a writer of
   * `transform(X)` into a window of a ColumnTransformer's output, for an Array2D X; null for
   * other X (the caller then calls `transform`).
   *
   * @param X - the data (checked as `transform` checks it)
   * @returns the writer, or null
   * @throws NotFittedError before `fit`; ValueError as `transform`
   * @example
   * ```ts
   * const s = new StandardScaler().fit([[0], [2]]);
   * const out = new Float64Array(4);
   * s[transformInto]({ data: Float64Array.of(4, 0), shape: [2, 1] })!.write(out, 1, 2); // out: [0, 3, 0, -1]
   * ```
   */
  [transformInto](X: unknown): WindowWriter | null {
    checkIsFitted(this);
    const mean = this.withMean ? this.mean_! : null;
    return affineWriter(this, X, mean, this.withStd ? this.scale_! : null);
  }

  /**
   * Scales back to the original representation: `x * scale_ + mean_`.
   *
   * @param X - scaled data
   * @returns the rows in the original units
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new StandardScaler().fit([[0], [2]]).inverseTransform([[3]]); // [[4]]
   * ```
   */
  inverseTransform(X: unknown): number[][] {
    checkIsFitted(this);
    const mean = this.withMean ? this.mean_! : null;
    return affineTransform(this, X, mean, this.withStd ? this.scale_! : null, {
      inverse: true,
      inverseInput: true,
    }) as number[][];
  }

  /**
   * The output feature names: the input names (`featureNamesIn_`, or `x0, x1, ...`).
   *
   * @param inputFeatures - names to use instead (checked against `featureNamesIn_`)
   * @returns one name per feature
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new StandardScaler().fit([{ age: 30 }, { age: 40 }]).getFeatureNamesOut(); // ['age']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    return this.oneToOneNames(inputFeatures);
  }
}
registerEstimator(StandardScaler, { module: MODULE_URL });
