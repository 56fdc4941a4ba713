// Port of scikit-learn's sklearn/impute/_base.py MissingIndicator (BSD-3-Clause), dense output.
import {
  checkFeatureNames,
  checkFeatureNamesIn,
  checkIsFitted,
  checkNFeatures,
  InvalidParameterError,
  ValueError,
  estimatorName,
  type EstimatorTags,
  registerEstimator,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { recordTable } from './internal/encoderBase';
import { checkMissingMarker, columnMask, indicatorRows, npArrayStr } from './internal/missing';
import { BOOL, NONE, strOptions, validateParams, type Constraint } from './internal/params';
import { readTable } from './internal/table';
import { Transformer } from './internal/Transformer';

/** Params of {@link MissingIndicator}. */
export interface MissingIndicatorParams {
  /** The marker of missing values: NaN (NaN and null), null, a number or a string. @defaultValue NaN */
  missingValues?: number | string | null;
  /** Indicate the features with missing values in `fit` (`'missing-only'`) or all. @defaultValue 'missing-only' */
  features?: 'missing-only' | 'all';
  /** `'auto'` or false: the output is a dense `number[][]` (sparse matrices are a non-goal). @defaultValue 'auto' */
  sparse?: 'auto' | boolean;
  /** Throw when `transform` finds missing values in a feature that had none in `fit`. @defaultValue true */
  errorOnNew?: boolean;
}

export interface MissingIndicator extends Required<MissingIndicatorParams> {}

const MARKER: Constraint = {
  test: (v) => typeof v === 'number' || typeof v === 'string',
  text: "an instance of 'float', an instance of 'int', an instance of 'str'",
};
const SPEC = {
  missingValues: [MARKER, NONE],
  features: [strOptions(['missing-only', 'all'])],
  sparse: [BOOL, strOptions(['auto'])],
  errorOnNew: [BOOL],
};

/**
 * Binary indicators of missing values: one 0/1 column per feature that had missing values in
 * `fit` (or per feature with `features: 'all'`).
 *
 * @example
 * ```ts
 * const mi = new MissingIndicator().fit([[NaN, 1, 3], [4, 0, NaN], [8, 1, 0]]);
 * mi.features_; // [0, 2]
 * mi.transform([[NaN, 2, 1]]); // [[1, 0]]
 * ```
 * @remarks The output holds 0 and 1 (scikit-learn returns a bool array) and is dense:
 * `sparse: true` is rejected. With the default NaN marker, `null` is missing too (JavaScript's
 * missing value; scikit-learn only masks None when `missing_values=None`).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.impute.MissingIndicator.html
 */
export class MissingIndicator extends Transformer<MissingIndicatorParams> {
  static estimatorName = 'MissingIndicator';
  static override defaults = {
    missingValues: NaN,
    features: 'missing-only',
    sparse: 'auto',
    errorOnNew: true,
  } satisfies Required<MissingIndicatorParams>;
  static override tags: Partial<EstimatorTags> = { requiresY: false, allowNan: true };

  /** The indices of the features in the output. */
  declare features_?: number[];

  #checkParams(): void {
    validateParams(this, SPEC);
    if (this.sparse === true) {
      throw new InvalidParameterError(
        `sparse=true is not supported by ${estimatorName(this)}: scikeras-ts returns dense number[][] only (sparse matrices are a non-goal). Leave sparse 'auto' or false.`,
      );
    }
  }

  /** The missing masks of each column of X, and the table. */
  #masks(X: unknown): { masks: Uint8Array[]; n: number; names?: string[]; d: number } {
    const table = readTable(this, X);
    checkMissingMarker(this, table, this.missingValues);
    const masks = table.columns.map((c) => columnMask(c, table.n, this.missingValues));
    return { masks, n: table.n, names: table.names, d: table.d };
  }

  #featuresOf(masks: Uint8Array[]): number[] {
    if (this.features === 'all') return masks.map((_, j) => j);
    return masks.flatMap((m, j) => (m.some((v) => v === 1) ? [j] : []));
  }

  /**
   * Finds the features with missing values.
   *
   * @param X - rows or records (numbers or strings)
   * @param _y - ignored (accepted for pipelines)
   * @returns this indicator
   * @throws InvalidParameterError for invalid params or `sparse: true`
   * @example
   * ```ts
   * new MissingIndicator({ features: 'all' }).fit([[1, NaN]]).features_; // [0, 1]
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    this.#checkParams();
    const r = this.#masks(X);
    recordTable(this, { n: r.n, d: r.d, columns: [], names: r.names });
    this.features_ = this.#featuresOf(r.masks);
    return this;
  }

  /**
   * The missing-value indicators of X for the features in `features_`.
   *
   * @param X - data with the features seen in `fit`
   * @returns one row of 0/1 per sample
   * @throws NotFittedError before `fit`
   * @throws ValueError "The features [1] have missing values in transform but have no missing values in fit." (errorOnNew)
   * @example
   * ```ts
   * new MissingIndicator().fit([[NaN], [1]]).transform([[2], [NaN]]); // [[0], [1]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const r = this.#masks(X);
    checkFeatureNames(this, r.names, false);
    checkNFeatures(this, r.d, false);
    if (this.features === 'missing-only') {
      const fitted = new Set(this.features_);
      const fresh = this.#featuresOf(r.masks).filter((j) => !fitted.has(j));
      if (this.errorOnNew && fresh.length > 0) {
        throw new ValueError(
          `The features ${npArrayStr(fresh)} have missing values in transform but have no missing values in fit.`,
        );
      }
    }
    return this.wrapOutput(indicatorRows(r.masks, this.features_!, r.n));
  }

  /**
   * Fits, then gives the indicators of X.
   *
   * @param X - the data
   * @param _y - ignored (accepted for pipelines)
   * @returns one row of 0/1 per sample
   * @example
   * ```ts
   * new MissingIndicator().fitTransform([[NaN, 1], [2, 3]]); // [[1], [0]]
   * ```
   */
  override fitTransform(X: unknown, _y?: unknown): number[][] {
    this.#checkParams();
    const r = this.#masks(X);
    recordTable(this, { n: r.n, d: r.d, columns: [], names: r.names });
    this.features_ = this.#featuresOf(r.masks);
    return this.wrapOutput(indicatorRows(r.masks, this.features_, r.n));
  }

  /**
   * The output feature names: `missingindicator_<feature>` for each feature in `features_`.
   *
   * @param inputFeatures - names to use instead of `featureNamesIn_` / `x0, x1, ...`
   * @returns one name per output column
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new MissingIndicator().fit([{ a: null, b: 1 }]).getFeatureNamesOut(); // ['missingindicator_a']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this);
    const names = checkFeatureNamesIn(this, inputFeatures)!;
    return this.features_!.map((j) => `missingindicator_${names[j]}`);
  }
}
registerEstimator(MissingIndicator, { module: MODULE_URL });
