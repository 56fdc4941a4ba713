// Port of scikit-learn's sklearn/impute/_base.py SimpleImputer (BSD-3-Clause), dense data.
import {
  checkArray,
  checkFeatureNames,
  checkFeatureNamesIn,
  checkIsFitted,
  checkNFeatures,
  ValueError,
  warn,
  type Array2D,
  type EstimatorTags,
  registerEstimator,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { pyRepr } from '@scikeras/estimator-core';
import type { Category } from './internal/categories';
import { recordTable } from './internal/encoderBase';
import { columnStatistic } from './internal/imputeStats';
import {
  checkMissingMarker,
  columnMask,
  indicatorRows,
  isNanLike,
  npArrayStr,
} from './internal/missing';
import { BOOL, NONE, strOptions, validateParams, type Constraint } from './internal/params';
import { readTable, type Column, type Table } from './internal/table';
import { Transformer } from './internal/Transformer';
import { MissingIndicator } from './MissingIndicator';

/** Params of {@link SimpleImputer}. */
export interface SimpleImputerParams {
  /** The marker of missing values: NaN (NaN and null), null, a number or a string. @defaultValue NaN */
  missingValues?: number | string | null;
  /** How to fill: 'mean', 'median', 'most_frequent' or 'constant'. @defaultValue 'mean' */
  strategy?: 'mean' | 'median' | 'most_frequent' | 'constant';
  /** The value of 'constant' (default 0 for numbers, 'missing_value' for strings). @defaultValue null */
  fillValue?: unknown;
  /** Kept for scikit-learn parity: X is never modified in place here. @defaultValue true */
  copy?: boolean;
  /** Append a MissingIndicator's columns to the output. @defaultValue false */
  addIndicator?: boolean;
  /** Keep features with no observed value (imputed with 0) instead of dropping them. @defaultValue false */
  keepEmptyFeatures?: boolean;
}

export interface SimpleImputer extends Required<SimpleImputerParams> {}

const MARKER: Constraint = {
  test: (v) => typeof v === 'number' || typeof v === 'string',
  text: "an instance of 'int', a float in the range [-inf, inf], an instance of 'str'",
};
const SPEC = {
  missingValues: [MARKER, NONE],
  strategy: [strOptions(['mean', 'median', 'most_frequent', 'constant'])],
  copy: [BOOL],
  addIndicator: [BOOL],
  keepEmptyFeatures: [BOOL],
};

function isNanStat(v: unknown): boolean {
  return typeof v === 'number' && v !== v;
}

/**
 * Fills missing values column by column with the mean, median, most frequent value or a
 * constant learned in `fit`.
 *
 * Numbers use 'mean' and 'median'; 'most_frequent' and 'constant' also take strings (ties of
 * 'most_frequent' go to the smallest value). A feature without any observed value is dropped
 * (with a warning) unless `keepEmptyFeatures` or 'constant'.
 *
 * @example
 * ```ts
 * const imp = new SimpleImputer().fit([[7, 2, 3], [4, NaN, 6], [10, 5, 9]]);
 * imp.statistics_; // [7, 3.5, 6]
 * imp.transform([[NaN, 2, 3], [4, NaN, 6]]); // [[7, 2, 3], [4, 3.5, 6]]
 * new SimpleImputer({ strategy: 'most_frequent' }).fitTransform([['a'], [null], ['a'], ['b']]); // [['a'], ['a'], ['a'], ['b']]
 * ```
 * @remarks With the default NaN marker, `null` is missing too, in every column (JavaScript's
 * missing value; scikit-learn only masks None with `missing_values=None`). Dropping an empty
 * feature always warns (scikit-learn 1.2.1 warns only with the deprecated `verbose`; 1.3 always
 * does). `verbose` is not offered. Output rows hold numbers, or strings for string data.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.impute.SimpleImputer.html
 */
export class SimpleImputer extends Transformer<
  SimpleImputerParams,
  Category[][],
  Array2D | Category[][]
> {
  static estimatorName = 'SimpleImputer';
  static override defaults = {
    missingValues: NaN,
    strategy: 'mean',
    fillValue: null,
    copy: true,
    addIndicator: false,
    keepEmptyFeatures: false,
  } satisfies Required<SimpleImputerParams>;
  static override tags: Partial<EstimatorTags> = { requiresY: false, allowNan: true };

  /** The fill value of each feature (NaN for a feature without observed values). */
  declare statistics_?: Category[];
  /** The MissingIndicator of `addIndicator` (null without it). */
  declare indicator_?: MissingIndicator | null;

  override getTags(): EstimatorTags {
    return { ...super.getTags(), allowNan: isNanLike(this.missingValues) };
  }

  /** X as a table for the strategy: numeric for 'mean'/'median' (scikit-learn's FLOAT_DTYPES). */
  #read(X: unknown): Table {
    const table = readTable(this, X);
    if (this.strategy === 'mean' || this.strategy === 'median') {
      table.columns = table.columns.map((c) => this.#numeric(c, table.n));
    }
    checkMissingMarker(this, table, this.missingValues);
    return table;
  }

  #numeric(col: Column, n: number): Column {
    if (col.num) return col;
    const num = new Float64Array(n);
    col.values!.forEach((v, i) => {
      if (typeof v === 'string') {
        throw new ValueError(
          `Cannot use ${this.strategy} strategy with non-numeric data:\ncould not convert string to float: ${pyRepr(v)}`,
        );
      }
      num[i] = v === null ? NaN : Number(v);
    });
    return { kind: 'float', num };
  }

  /**
   * Learns the fill value of each feature.
   *
   * @param X - rows or records (numbers, or strings for 'most_frequent'/'constant')
   * @param _y - ignored (accepted for pipelines)
   * @returns this imputer
   * @throws ValueError "Cannot use mean strategy with non-numeric data:\n..."
   * @throws ValueError "'fillValue'=x is invalid. Expected a numerical value when imputing numerical data"
   * @example
   * ```ts
   * new SimpleImputer({ strategy: 'constant', fillValue: -1 }).fit([[NaN]]).statistics_; // [-1]
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    validateParams(this, SPEC);
    const table = this.#read(X);
    const numeric = table.columns.every((c) => c.num !== undefined);
    const fill = this.fillValue ?? (numeric ? 0 : 'missing_value');
    if (this.strategy === 'constant' && numeric && typeof fill !== 'number') {
      throw new ValueError(
        `'fillValue'=${String(fill)} is invalid. Expected a numerical value when imputing numerical data`,
      );
    }
    const masks = table.columns.map((c) => columnMask(c, table.n, this.missingValues));
    const stats = table.columns.map((c, j) =>
      columnStatistic(c, masks[j]!, this.strategy, fill, this.keepEmptyFeatures),
    );
    let indicator: MissingIndicator | null = null;
    if (this.addIndicator) {
      indicator = new MissingIndicator({ missingValues: this.missingValues, errorOnNew: false });
      indicator.nFeaturesIn_ = table.d;
      indicator.features_ = masks.flatMap((m, j) => (m.some((v) => v === 1) ? [j] : []));
    }
    recordTable(this, table);
    this.statistics_ = stats;
    this.indicator_ = indicator;
    return this;
  }

  /** Indices of the features kept in the output (scikit-learn's valid statistics). */
  #kept(): number[] {
    const stats = this.statistics_!;
    if (this.strategy === 'constant' || this.keepEmptyFeatures) return stats.map((_, j) => j);
    return stats.flatMap((s, j) => (isNanStat(s) ? [] : [j]));
  }

  /**
   * Fills the missing values of X with the learned statistics.
   *
   * @param X - data with the features seen in `fit`
   * @returns the imputed rows (without dropped empty features), then the indicator columns
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new SimpleImputer({ strategy: 'median' }).fit([[1], [2], [10]]).transform([[NaN]]); // [[2]]
   * ```
   */
  transform(X: unknown): Category[][] {
    checkIsFitted(this);
    const table = this.#read(X);
    checkFeatureNames(this, table.names, false);
    checkNFeatures(this, table.d, false);
    const stats = this.statistics_!;
    const kept = this.#kept();
    if (kept.length < stats.length) {
      const dropped = stats.flatMap((_, j) => (kept.includes(j) ? [] : [j]));
      const shown = this.featureNamesIn_ ? dropped.map((j) => this.featureNamesIn_![j]!) : dropped;
      warn(
        `Skipping features without any observed values: ${npArrayStr(shown)}. At least one non-missing value is needed for imputation with strategy='${this.strategy}'.`,
      );
    }
    const masks = table.columns.map((c) => columnMask(c, table.n, this.missingValues));
    const cols = kept.map((j) => {
      const col = table.columns[j]!;
      const src: ArrayLike<unknown> = col.num ?? col.values!;
      const fill = stats[j];
      const m = masks[j]!;
      return Array.from({ length: table.n }, (_, i) => (m[i] ? fill : src[i])) as Category[];
    });
    let ind: Category[][] | null = null;
    if (this.indicator_) {
      ind = indicatorRows(masks, this.indicator_.features_!, table.n);
      // scikit-learn stacks the bool mask: 1.0/0.0 next to numbers, True/False next to objects
      if (!stats.every((s) => typeof s === 'number')) ind = ind.map((r) => r.map((v) => v === 1));
    }
    const out: Category[][] = [];
    for (let i = 0; i < table.n; i++) {
      const row = cols.map((c) => c[i]!);
      out[i] = ind ? [...row, ...ind[i]!] : row;
    }
    return this.wrapOutput(out);
  }

  /**
   * Puts the missing values back where the indicator columns say they were (only with
   * `addIndicator`).
   *
   * @param X - the output of `transform`
   * @returns rows with every original feature, NaN (the marker) where values were missing
   * @throws ValueError "'inverseTransform' works only when 'SimpleImputer' is instantiated with 'addIndicator=true'. Got 'addIndicator=false' instead."
   * @example
   * ```ts
   * const imp = new SimpleImputer({ addIndicator: true }).fit([[1], [NaN]]);
   * imp.inverseTransform(imp.transform([[NaN]])); // [[NaN]]
   * ```
   */
  inverseTransform(X: unknown): number[][] {
    checkIsFitted(this);
    if (!this.addIndicator) {
      throw new ValueError(
        `'inverseTransform' works only when 'SimpleImputer' is instantiated with 'addIndicator=true'. Got 'addIndicator=${String(this.addIndicator)}' instead.`,
      );
    }
    const { data, shape } = checkArray(X, { forceAllFinite: 'allow-nan', estimator: this });
    const [n, m] = shape;
    const features = this.indicator_!.features_!;
    const nImputed = m - features.length;
    const d = this.statistics_!.length;
    const out = Array.from({ length: n }, () => new Array<number>(d).fill(0));
    features.forEach((f, k) => {
      for (let i = 0; i < n; i++) out[i]![f] = data[i * m + nImputed + k]!;
    });
    const full = out.map((r) => r.map((v) => v !== 0));
    const marker = isNanLike(this.missingValues) ? NaN : (this.missingValues as number);
    for (let imputed = 0, orig = 0; imputed < nImputed && orig < d; orig++) {
      if (full.every((r) => r[orig])) continue;
      for (let i = 0; i < n; i++) out[i]![orig] = data[i * m + imputed]!;
      imputed++;
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) if (full[i]![j]) out[i]![j] = marker;
    return out;
  }

  /**
   * The output feature names: the kept input features, then `missingindicator_<feature>`.
   *
   * @param inputFeatures - names to use instead of `featureNamesIn_` / `x0, x1, ...`
   * @returns one name per output column
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new SimpleImputer({ addIndicator: true }).fit([{ a: 1, b: null }, { a: 2, b: 3 }]).getFeatureNamesOut();
   * // ['a', 'b', 'missingindicator_b']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this);
    const names = checkFeatureNamesIn(this, inputFeatures)!;
    const kept = this.statistics_!.flatMap((s, j) => (isNanStat(s) ? [] : [names[j]!]));
    return this.indicator_ ? [...kept, ...this.indicator_.getFeatureNamesOut(names)] : kept;
  }
}
registerEstimator(SimpleImputer, { module: MODULE_URL });
