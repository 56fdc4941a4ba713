// Port of scikit-learn's sklearn/preprocessing/_encoders.py OneHotEncoder (BSD-3-Clause), for targets.
import { MODULE_URL } from './internal/moduleUrl';
import {
  BaseEstimator,
  checkIsFitted,
  InvalidParameterError,
  ValueError,
  type EstimatorTags,
  type EstimatorType,
  type Label,
  registerEstimator,
} from '@scikeras/estimator-core';
import { columnCategories, toColumns, type Columns } from './internal/columns';
import { coerceLabels, kindOfClasses } from './internal/labels1d';
import { toNumericMatrix } from './internal/numericMatrix';
import { pyList, pyRepr } from '@scikeras/estimator-core';
import { encodeLabels, sortedLabels } from './internal/unique';

/** Params of {@link OneHotEncoder}. */
export interface OneHotEncoderParams {
  /**
   * Categories per column: 'auto' (the sorted unique values seen in `fit`) or one array per
   * column (numeric categories must be sorted).
   * @defaultValue 'auto'
   */
  categories?: 'auto' | Label[][];
  /**
   * Raise on categories not seen in `fit` (`'error'`), or encode them as all zeros (`'ignore'`).
   * @defaultValue 'error'
   */
  handleUnknown?: 'error' | 'ignore';
}

export interface OneHotEncoder extends Required<OneHotEncoderParams> {}

/**
 * Encodes categorical targets (or categorical columns) as a one-hot numeric array.
 *
 * Accepts 1-D labels (one column, as scikeras's target pipeline reshapes them) or a 2-D array
 * whose columns are encoded separately, side by side.
 *
 * @example
 * ```ts
 * const enc = new OneHotEncoder().fit(['a', 'b', 'c', 'a']);
 * enc.categories_; // [['a', 'b', 'c']]
 * enc.transform(['c', 'a']); // [[0, 0, 1], [1, 0, 0]]
 * enc.inverseTransform([[0, 1, 0]]); // ['b']
 * new OneHotEncoder({ handleUnknown: 'ignore' }).fit(['a', 'b']).transform(['q']); // [[0, 0]]
 * ```
 * @remarks Dense output only (`sparseOutput` is not offered: scikeras-ts has no sparse
 * matrices), no `drop`, `minFrequency`, `maxCategories` or `dtype`; output values are plain
 * numbers. 1-D input is accepted as one column (scikit-learn requires 2-D X), and then
 * `inverseTransform` returns 1-D labels.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.OneHotEncoder.html
 */
export class OneHotEncoder extends BaseEstimator<OneHotEncoderParams> {
  static estimatorName = 'OneHotEncoder';
  static override defaults = {
    categories: 'auto',
    handleUnknown: 'error',
  } satisfies Required<OneHotEncoderParams>;
  static override tags: Partial<EstimatorTags> = { XTypes: ['1dlabels'], requiresY: false };

  /** The categories of each column, in output column order. */
  declare categories_?: Label[][];
  /** Number of columns seen in `fit`. */
  declare nFeaturesIn_?: number;
  /** Whether `fit` saw 1-D labels. */
  declare oneD_?: boolean;

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  #validateParams(): void {
    if (this.handleUnknown !== 'error' && this.handleUnknown !== 'ignore') {
      throw new InvalidParameterError(
        `The 'handleUnknown' parameter of OneHotEncoder must be a str among {'error', 'ignore'}. Got ${pyRepr(this.handleUnknown)} instead.`,
      );
    }
    if (this.categories !== 'auto' && !Array.isArray(this.categories)) {
      throw new InvalidParameterError(
        `The 'categories' parameter of OneHotEncoder must be a str among {'auto'} or an instance of 'list'. Got ${pyRepr(this.categories)} instead.`,
      );
    }
  }

  /**
   * Learns the categories of each column.
   *
   * @param X - 1-D labels or a 2-D array of categorical columns
   * @returns this encoder
   * @throws InvalidParameterError for an invalid `handleUnknown` or `categories`
   * @throws ValueError "Found unknown categories ['z'] in column 0 during fit" (given categories, handleUnknown 'error')
   * @throws ValueError "Unsorted categories are not supported for numerical categories"
   * @example
   * ```ts
   * new OneHotEncoder().fit([[1, 'x'], [2, 'y']]).categories_; // [[1, 2], ['x', 'y']]
   * ```
   */
  fit(X: unknown): this {
    this.#validateParams();
    const c = toColumns(X);
    if (c.rows === 0) {
      throw new ValueError(
        `Found array with 0 sample(s) (shape=(0, ${c.cols.length})) while a minimum of 1 is required by OneHotEncoder.`,
      );
    }
    const m = c.cols.length;
    if (this.categories !== 'auto' && this.categories.length !== m) {
      throw new ValueError(
        'Shape mismatch: if categories is an array, it has to be of shape (n_features,).',
      );
    }
    const cats = c.cols.map((col, j) => {
      if (this.categories === 'auto') return columnCategories(col, c.raws[j]);
      const given = [...this.categories[j]!];
      if (given.length > 0 && typeof given[0] !== 'string') {
        for (let i = 1; i < given.length; i++) {
          if ((given[i] as number) < (given[i - 1] as number)) {
            throw new ValueError('Unsorted categories are not supported for numerical categories');
          }
        }
      }
      if (this.handleUnknown === 'error') {
        const { unseen } = encodeLabels(
          given.length ? coerceLabels(col, kindOfClasses(given)) : col,
          given,
        );
        if (unseen.length > 0) {
          throw new ValueError(
            `Found unknown categories ${pyList(sortedLabels(unseen))} in column ${j} during fit`,
          );
        }
      }
      return given;
    });
    this.categories_ = cats;
    this.nFeaturesIn_ = m;
    this.oneD_ = c.oneD;
    return this;
  }

  #codes(c: Columns): number[][] {
    const cats = this.categories_!;
    if (c.cols.length !== cats.length) {
      throw new ValueError(
        `X has ${c.cols.length} features, but OneHotEncoder is expecting ${cats.length} features as input.`,
      );
    }
    return c.cols.map((col, j) => {
      const k = cats[j]!;
      const { codes, unseen } = encodeLabels(
        k.length ? coerceLabels(col, kindOfClasses(k)) : col,
        k,
      );
      if (unseen.length > 0 && this.handleUnknown === 'error') {
        throw new ValueError(
          `Found unknown categories ${pyList(sortedLabels(unseen))} in column ${j} during transform`,
        );
      }
      return codes;
    });
  }

  /**
   * One-hot encodes each column.
   *
   * @param X - 1-D labels or a 2-D array with as many columns as in `fit`
   * @returns n rows of `sum(categories_[j].length)` zeros and ones
   * @throws NotFittedError before `fit`
   * @throws ValueError "Found unknown categories ['q'] in column 0 during transform" (handleUnknown 'error')
   * @example
   * ```ts
   * new OneHotEncoder().fit([3, 1, 2]).transform([1, 3]); // [[1, 0, 0], [0, 0, 1]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const c = toColumns(X);
    const codes = this.#codes(c);
    const widths = this.categories_!.map((k) => k.length);
    const total = widths.reduce((s, w) => s + w, 0);
    const out: number[][] = new Array(c.rows);
    for (let i = 0; i < c.rows; i++) {
      const row = new Array<number>(total).fill(0);
      let off = 0;
      for (let j = 0; j < widths.length; j++) {
        const code = codes[j]![i]!;
        if (code >= 0) row[off + code] = 1;
        off += widths[j]!;
      }
      out[i] = row;
    }
    return out;
  }

  /**
   * Fits the encoder and one-hot encodes `X`.
   *
   * @param X - 1-D labels or a 2-D array of categorical columns
   * @returns the one-hot rows
   * @throws ValueError as {@link OneHotEncoder.fit}
   * @example
   * ```ts
   * new OneHotEncoder().fitTransform(['b', 'a']); // [[0, 1], [1, 0]]
   * ```
   */
  fitTransform(X: unknown): number[][] {
    return this.fit(X).transform(X);
  }

  /**
   * Converts one-hot rows back to the categories (argmax within each column's block).
   *
   * @param Xt - n rows of one-hot columns
   * @returns `Label[]` when fitted on 1-D labels, else n rows of one label per column; an
   *   all-zero block gives `null` (handleUnknown 'ignore')
   * @throws NotFittedError before `fit`
   * @throws ValueError "Shape of the passed X data is not correct. Expected 3 columns, got 2."
   * @throws ValueError "Samples [1] can not be inverted when drop=None and handle_unknown='error' because they contain all zeros"
   * @example
   * ```ts
   * new OneHotEncoder().fit([[1, 'x'], [2, 'y']]).inverseTransform([[0, 1, 1, 0]]); // [[2, 'x']]
   * ```
   */
  inverseTransform(Xt: unknown): (Label | null)[] | (Label | null)[][] {
    checkIsFitted(this);
    const cats = this.categories_!;
    const m = toNumericMatrix(Xt, 'X');
    const total = cats.reduce((s, k) => s + k.length, 0);
    if (m.cols !== total) {
      throw new ValueError(
        `Shape of the passed X data is not correct. Expected ${total} columns, got ${m.cols}.`,
      );
    }
    const out: (Label | null)[][] = Array.from({ length: m.rows }, () => new Array(cats.length));
    let off = 0;
    for (let j = 0; j < cats.length; j++) {
      const k = cats[j]!;
      const allZero: number[] = [];
      for (let i = 0; i < m.rows; i++) {
        let best = 0;
        let bv = -Infinity;
        let sum = 0;
        for (let c = 0; c < k.length; c++) {
          const v = m.data[i * m.cols + off + c]!;
          sum += v;
          if (v > bv) {
            bv = v;
            best = c;
          }
        }
        if (sum === 0) {
          allZero.push(i);
          out[i]![j] = null;
        } else out[i]![j] = k[best]!;
      }
      if (allZero.length > 0 && this.handleUnknown === 'error') {
        throw new ValueError(
          `Samples ${pyList(allZero)} can not be inverted when drop=None and handle_unknown='error' because they contain all zeros`,
        );
      }
      off += k.length;
    }
    return this.oneD_ ? out.map((r) => r[0]!) : out;
  }
}
registerEstimator(OneHotEncoder, { module: MODULE_URL });
