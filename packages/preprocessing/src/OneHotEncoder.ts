// Port of scikit-learn's sklearn/preprocessing/_encoders.py OneHotEncoder (BSD-3-Clause), dense output.
import {
  checkArray,
  checkFeatureNames,
  checkFeatureNamesIn,
  checkNFeatures,
  checkIsFitted,
  InvalidParameterError,
  ValueError,
  estimatorName,
  registerEstimator,
  transformInto,
  type TransformsInto,
  type WindowWriter,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { categoryStr, type Categories, type Category } from './internal/categories';
import { fitCategories, recordTable, transformCodes } from './internal/encoderBase';
import {
  ARRAY,
  NONE,
  NUMERIC_DTYPES,
  strOptions,
  validateParams,
  type Constraint,
} from './internal/params';
import { Transformer } from './internal/Transformer';
import { computeDropIdx } from './internal/dropIdx';
import { denseCategories, denseInput, denseOneHotWriter } from './internal/denseOneHot';

/** Params of {@link OneHotEncoder}. */
export interface OneHotEncoderParams {
  /** `'auto'` (the sorted values seen in `fit`) or the categories of each feature. @defaultValue 'auto' */
  categories?: 'auto' | readonly (readonly unknown[])[];
  /** Drop one category per feature: `'first'`, `'if_binary'`, one value per feature, or null. @defaultValue null */
  drop?: 'first' | 'if_binary' | readonly unknown[] | null;
  /** Must be false: the output is a dense `number[][]` (sparse matrices are a non-goal). @defaultValue false */
  sparseOutput?: boolean;
  /** The numpy dtype scikit-learn would output; the values are 0 and 1 in any case. @defaultValue 'float64' */
  dtype?: string;
  /** Unknown categories in `transform`: throw, or encode as all zeros. @defaultValue 'error' */
  handleUnknown?: 'error' | 'ignore' | 'infrequent_if_exist';
}

export interface OneHotEncoder extends Required<OneHotEncoderParams> {}

const CATEGORIES: Constraint[] = [
  strOptions(['auto']),
  { test: Array.isArray, text: "an instance of 'list'" },
];
const SPEC = {
  categories: CATEGORIES,
  drop: [strOptions(['first', 'if_binary']), ARRAY, NONE],
  dtype: [strOptions(NUMERIC_DTYPES)],
  handleUnknown: [strOptions(['error', 'ignore', 'infrequent_if_exist'])],
};

/**
 * Encodes categorical features as a one-hot numeric array: one column per category of each
 * feature, 1 where the sample has it.
 *
 * Categories may be strings, numbers or booleans; missing values (NaN, and `null` in a column
 * of strings) are categories of their own, sorted last as scikit-learn 1.2 does. X may be rows
 * (`[['Male', 1], ['Female', 3]]`) or records (`[{ gender: 'Male', group: 1 }]`, whose keys
 * become the feature names).
 *
 * @example
 * ```ts
 * const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit([['Male', 1], ['Female', 3], ['Female', 2]]);
 * enc.categories_; // [['Female', 'Male'], [1, 2, 3]]
 * enc.transform([['Female', 1], ['Male', 4]]); // [[1, 0, 1, 0, 0], [0, 1, 0, 0, 0]]
 * enc.getFeatureNamesOut(['gender', 'group']); // ['gender_Female', 'gender_Male', 'group_1', 'group_2', 'group_3']
 * ```
 * @remarks Dense output only: `sparseOutput` must be false (its default here; scikit-learn's
 * is true) since sparse matrices are a non-goal. `minFrequency`/`maxCategories` are not
 * offered, so no category is infrequent and `'infrequent_if_exist'` acts as `'ignore'` (as in
 * scikit-learn without them). A column of numbers is float64 when any value is not an integer
 * (or NaN), as numpy reads the array; its categories are then a `Float64Array` and print as
 * `x0_1.0`.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.OneHotEncoder.html
 */
export class OneHotEncoder extends Transformer<OneHotEncoderParams> implements TransformsInto {
  static estimatorName = 'OneHotEncoder';
  static override defaults = {
    categories: 'auto',
    drop: null,
    sparseOutput: false,
    dtype: 'float64',
    handleUnknown: 'error',
  } satisfies Required<OneHotEncoderParams>;
  static override tags = { requiresY: false, allowNan: true };

  /** The categories of each feature (a `Float64Array` for float columns), in output order. */
  declare categories_?: Categories[];
  /** Per feature, the index in `categories_[i]` of the dropped category, or null; null without `drop`. */
  declare dropIdx_?: (number | null)[] | null;

  #checkParams(): void {
    validateParams(this, SPEC);
    if (this.sparseOutput !== false) {
      throw new InvalidParameterError(
        `sparseOutput=${String(this.sparseOutput)} is not supported by ${estimatorName(this)}: scikeras-ts returns dense number[][] only (sparse matrices are a non-goal). Leave sparseOutput false.`,
      );
    }
  }

  /**
   * Learns the categories of each feature.
   *
   * @param X - rows or records of categorical values
   * @param _y - ignored (accepted for pipelines)
   * @returns this encoder
   * @throws InvalidParameterError for invalid params, or `sparseOutput: true`
   * @throws TypeError "Encoders require their input to be uniformly strings or numbers. Got ['int', 'str']"
   * @throws ValueError "Found unknown categories ['z'] in column 0 during fit" (given categories)
   * @example
   * ```ts
   * new OneHotEncoder({ drop: 'first' }).fit([['a'], ['b']]).dropIdx_; // [0]
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    this.#checkParams();
    const dense = this.categories === 'auto' ? denseInput(X) : null;
    const denseCats = dense && denseCategories(dense);
    const fitted =
      dense && denseCats
        ? { categories: denseCats, table: { n: dense.n, d: dense.d, columns: [] } }
        : fitCategories(this, X, this.categories, this.handleUnknown);
    const dropIdx = computeDropIdx(this.drop, fitted.categories);
    recordTable(this, fitted.table);
    this.categories_ = fitted.categories;
    this.dropIdx_ = dropIdx;
    return this;
  }

  /** Output columns per feature (categories minus the dropped one). */
  #widths(): number[] {
    return this.categories_!.map((c, i) => c.length - (this.dropIdx_?.[i] != null ? 1 : 0));
  }

  /**
   * The output column of each feature's codes, shifted by one: `columnOf[j][c + 1]` for code `c`
   * (-1: unknown, or the dropped category: all zeros).
   */
  #outputColumns(widths: readonly number[]): Int32Array[] {
    let offset = 0;
    return widths.map((w, j) => {
      const drop = this.dropIdx_?.[j] ?? -1;
      const map = new Int32Array(this.categories_![j]!.length + 1).fill(-1);
      for (let c = 0; c < map.length - 1; c++) {
        if (c !== drop) map[c + 1] = offset + (drop >= 0 && c > drop ? c - 1 : c);
      }
      offset += w;
      return map;
    });
  }

  /** The one-hot writer of a numeric Array2D X of small integer categories (checked as `transform` does), or null. */
  #denseWriter(
    X: unknown,
    columnOf: readonly Int32Array[],
    total: number,
    checkFirst = false,
  ): { n: number; writer: WindowWriter } | null {
    const dense = denseInput(X);
    if (!dense) return null;
    checkFeatureNames(this, undefined, false);
    checkNFeatures(this, dense.d, false);
    const ignore = this.handleUnknown !== 'error' && this.drop === null;
    const writer = denseOneHotWriter(dense, this.categories_!, columnOf, total, ignore, checkFirst);
    return writer ? { n: dense.n, writer } : null;
  }

  /**
   * The `transformInto` hook (estimator-core's {@link TransformsInto}): a writer of
   * `transform(X)` into a window of a ColumnTransformer's output, for a numeric Array2D X of
   * small integer categories; null for other X and for X with an unknown category that needs
   * `transform`'s error or warning (the caller then calls `transform`).
   *
   * @param X - the data (checked as `transform` checks it)
   * @returns the writer, or null
   * @throws NotFittedError before `fit`; ValueError as `transform`
   * @example
   * ```ts
   * const e = new OneHotEncoder().fit({ data: Int32Array.of(0, 1), shape: [2, 1] });
   * const w = e[transformInto]({ data: Int32Array.of(1), shape: [1, 1] })!;
   * const out = new Float64Array(3);
   * w.write(out, 1, 3); // out: [0, 0, 1]
   * ```
   */
  [transformInto](X: unknown): WindowWriter | null {
    checkIsFitted(this);
    const widths = this.#widths();
    const total = widths.reduce((s, w) => s + w, 0);
    // unknown values are looked for first: transform then raises (or warns) in its turn
    return this.#denseWriter(X, this.#outputColumns(widths), total, true)?.writer ?? null;
  }

  /**
   * One-hot encodes X.
   *
   * @param X - rows or records with the features seen in `fit`
   * @returns one row of 0/1 per sample (`sum of widths` columns)
   * @throws NotFittedError before `fit`
   * @throws ValueError "Found unknown categories [4] in column 1 during transform" (handleUnknown 'error')
   * @example
   * ```ts
   * new OneHotEncoder().fit([['a'], ['b']]).transform([['b']]); // [[0, 1]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const warnOnUnknown = this.drop !== null && this.handleUnknown !== 'error';
    const widths = this.#widths();
    const total = widths.reduce((s, w) => s + w, 0);
    const columnOf = this.#outputColumns(widths);
    const dense = this.wantsArray2D() ? this.#denseWriter(X, columnOf, total) : null;
    if (dense) {
      const data = new Float64Array(dense.n * total);
      if (dense.writer.write(data, 0, total))
        return this.wrapOutput({ data, shape: [dense.n, total] });
    }
    const { n, codes } = transformCodes(this, X, this.handleUnknown, warnOnUnknown);
    const d = widths.length;
    if (this.wantsArray2D()) {
      const data = new Float64Array(n * total);
      // row by row (sequential writes); column j's code c goes to columnOf[j][c + 1]
      for (let i = 0, off = 0; i < n; i++, off += total) {
        for (let j = 0; j < d; j++) {
          const k = columnOf[j]![codes[j]![i]! + 1]!;
          if (k >= 0) data[off + k] = 1;
        }
      }
      return this.wrapOutput({ data, shape: [n, total] });
    }
    const zeros = new Array<number>(total).fill(0);
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = zeros.slice(); // a packed copy: faster than a new array per row
      for (let j = 0; j < d; j++) {
        const k = columnOf[j]![codes[j]![i]! + 1]!;
        if (k >= 0) row[k] = 1;
      }
      out.push(row);
    }
    return out;
  }

  /**
   * Converts one-hot rows back to categories (the largest column of each feature's block);
   * an all-zero block gives the dropped category, or null for an unknown one.
   *
   * @param X - rows of encoded values
   * @returns one row of categories per sample
   * @throws NotFittedError before `fit`
   * @throws ValueError "Shape of the passed X data is not correct. Expected 5 columns, got 4."
   * @throws ValueError "Samples [1] can not be inverted when drop=null and handleUnknown='error' because they contain all zeros"
   * @example
   * ```ts
   * new OneHotEncoder().fit([['a', 1], ['b', 2]]).inverseTransform([[0, 1, 1, 0]]); // [['b', 1]]
   * ```
   */
  inverseTransform(X: unknown): Category[][] {
    checkIsFitted(this);
    const { data, shape } = checkArray(X, { estimator: this });
    const [n, m] = shape;
    const widths = this.#widths();
    const total = widths.reduce((s, w) => s + w, 0);
    if (m !== total)
      throw new ValueError(
        `Shape of the passed X data is not correct. Expected ${total} columns, got ${m}.`,
      );
    const out: Category[][] = Array.from({ length: n }, () => new Array<Category>(widths.length));
    let off = 0;
    this.categories_!.forEach((cats, j) => {
      const drop = this.dropIdx_?.[j] ?? null;
      const kept = Array.from(cats as ArrayLike<Category>).filter((_, k) => k !== drop);
      const allZero: number[] = [];
      for (let i = 0; i < n; i++) {
        let best = 0;
        let sum = 0;
        for (let k = 0; k < kept.length; k++) {
          const v = data[i * m + off + k]!;
          sum += v;
          if (v > data[i * m + off + best]!) best = k;
        }
        if (kept.length > 0 && sum !== 0) out[i]![j] = kept[best]!;
        else if (drop !== null) out[i]![j] = (cats as ArrayLike<Category>)[drop]!;
        else if (this.handleUnknown !== 'error') out[i]![j] = null;
        else allZero.push(i);
      }
      if (allZero.length > 0) {
        throw new ValueError(
          `Samples [${allZero.join(' ')}] can not be inverted when drop=null and handleUnknown='error' because they contain all zeros`,
        );
      }
      off += kept.length;
    });
    return out;
  }

  /**
   * The output feature names: `<feature>_<category>` for each kept category.
   *
   * @param inputFeatures - feature names to use instead of `featureNamesIn_` / `x0, x1, ...`
   * @returns one name per output column
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new OneHotEncoder().fit([{ city: 'Oslo' }, { city: 'Rome' }]).getFeatureNamesOut(); // ['city_Oslo', 'city_Rome']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this);
    const names = checkFeatureNamesIn(this, inputFeatures)!;
    const out: string[] = [];
    this.categories_!.forEach((cats, j) => {
      const drop = this.dropIdx_?.[j] ?? null;
      const float = cats instanceof Float64Array;
      Array.from(cats as ArrayLike<Category>).forEach((c, k) => {
        if (k !== drop) out.push(`${names[j]}_${categoryStr(c, float)}`);
      });
    });
    return out;
  }
}
registerEstimator(OneHotEncoder, { module: MODULE_URL });
