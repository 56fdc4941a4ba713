// Port of scikit-learn's sklearn/preprocessing/_encoders.py OrdinalEncoder (BSD-3-Clause)
import {
  checkArray,
  checkIsFitted,
  ValueError,
  type EstimatorTags,
  pyStr,
  registerEstimator,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import type { Categories, Category } from './internal/categories';
import { fitCategories, recordTable, transformCodes } from './internal/encoderBase';
import {
  NONE,
  NUMERIC_DTYPES,
  strOptions,
  validateParams,
  type Constraint,
} from './internal/params';
import { Transformer } from './internal/Transformer';

/** Params of {@link OrdinalEncoder}. */
export interface OrdinalEncoderParams {
  /** `'auto'` (the sorted values seen in `fit`) or the categories of each feature. @defaultValue 'auto' */
  categories?: 'auto' | readonly (readonly unknown[])[];
  /** The numpy dtype of the codes: a float dtype allows NaN codes. @defaultValue 'float64' */
  dtype?: string;
  /** Unknown categories in `transform`: throw, or encode as `unknownValue`. @defaultValue 'error' */
  handleUnknown?: 'error' | 'use_encoded_value';
  /** The code of unknown categories with `'use_encoded_value'` (an integer or NaN). @defaultValue null */
  unknownValue?: number | null;
  /** The code of missing values (a NaN category). @defaultValue NaN */
  encodedMissingValue?: number;
}

export interface OrdinalEncoder extends Required<OrdinalEncoderParams> {}

const INT: Constraint = { test: (v) => Number.isInteger(v), text: "an instance of 'int'" };
const NAN: Constraint = { test: (v) => Number.isNaN(v), text: "an instance of 'float'" };
const SPEC = {
  categories: [strOptions(['auto']), { test: Array.isArray, text: "an instance of 'list'" }],
  dtype: [strOptions(NUMERIC_DTYPES)],
  encodedMissingValue: [INT, NAN],
  handleUnknown: [strOptions(['error', 'use_encoded_value'])],
  unknownValue: [INT, NAN, NONE],
};

/** The index of the NaN category of each feature that has one (scikit-learn's `_missing_indices`). */
function missingIndices(categories: readonly Categories[]): Map<number, number> {
  const out = new Map<number, number>();
  categories.forEach((cats, j) => {
    const k = Array.from(cats as ArrayLike<Category>).findIndex(
      (c) => typeof c === 'number' && c !== c,
    );
    if (k >= 0) out.set(j, k);
  });
  return out;
}

/**
 * Encodes categorical features as integer codes: one column per feature, the index of the
 * value in `categories_[j]`.
 *
 * Missing values (NaN) are a category of their own, encoded as `encodedMissingValue` (NaN by
 * default); unknown values throw or become `unknownValue`.
 *
 * @example
 * ```ts
 * const enc = new OrdinalEncoder().fit([['Male', 1], ['Female', 3], ['Female', 2]]);
 * enc.categories_; // [['Female', 'Male'], [1, 2, 3]]
 * enc.transform([['Female', 3], ['Male', 1]]); // [[0, 2], [1, 0]]
 * enc.inverseTransform([[1, 0], [0, 1]]); // [['Male', 1], ['Female', 2]]
 * ```
 * @remarks `dtype` is kept for scikit-learn's checks (NaN codes need a float dtype); the codes
 * are plain numbers in `number[][]`.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.OrdinalEncoder.html
 */
export class OrdinalEncoder extends Transformer<OrdinalEncoderParams> {
  static estimatorName = 'OrdinalEncoder';
  static override defaults = {
    categories: 'auto',
    dtype: 'float64',
    handleUnknown: 'error',
    unknownValue: null,
    encodedMissingValue: NaN,
  } satisfies Required<OrdinalEncoderParams>;
  static override tags: Partial<EstimatorTags> = { requiresY: false, allowNan: true };

  /** The categories of each feature (a `Float64Array` for float columns). */
  declare categories_?: Categories[];

  #floatDtype(): boolean {
    return this.dtype.startsWith('float');
  }

  #checkParams(): void {
    validateParams(this, SPEC);
    if (this.handleUnknown === 'use_encoded_value') {
      const u = this.unknownValue;
      if (Number.isNaN(u)) {
        if (!this.#floatDtype())
          throw new ValueError(
            `When unknownValue is NaN, the dtype parameter should be a float dtype. Got '${this.dtype}'.`,
          );
      } else if (!Number.isInteger(u)) {
        throw new TypeError(
          `unknownValue should be an integer or NaN when handleUnknown is 'use_encoded_value', got ${pyStr(u)}.`,
        );
      }
    } else if (this.unknownValue !== null && this.unknownValue !== undefined) {
      throw new TypeError(
        `unknownValue should only be set when handleUnknown is 'use_encoded_value', got ${String(this.unknownValue)}.`,
      );
    }
  }

  #checkFitted(categories: Categories[], names?: string[]): void {
    const u = this.unknownValue;
    if (this.handleUnknown === 'use_encoded_value' && u !== null) {
      if (categories.some((c) => u >= 0 && u < c.length)) {
        throw new ValueError(
          `The used value for unknownValue ${u} is one of the values already used for encoding the seen categories.`,
        );
      }
    }
    const missing = missingIndices(categories);
    if (missing.size === 0) return;
    const m = this.encodedMissingValue;
    if (!this.#floatDtype() && Number.isNaN(m)) {
      throw new ValueError(
        `There are missing values in features [${[...missing.keys()].join(', ')}]. For OrdinalEncoder to encode missing values with dtype: ${this.dtype}, set encodedMissingValue to a non-nan value, or set dtype to a float`,
      );
    }
    if (Number.isNaN(m)) return;
    const invalid = [...missing.keys()].filter((j) => m >= 0 && m < categories[j]!.length);
    if (invalid.length > 0) {
      const shown = names
        ? `[${invalid.map((j) => `'${names[j]}'`).join(' ')}]`
        : `[${invalid.join(', ')}]`;
      throw new ValueError(
        `encodedMissingValue (${m}) is already used to encode a known category in features: ${shown}`,
      );
    }
  }

  /**
   * Learns the categories of each feature.
   *
   * @param X - rows or records of categorical values
   * @param _y - ignored (accepted for pipelines)
   * @returns this encoder
   * @throws InvalidParameterError for invalid params
   * @throws TypeError "unknownValue should be an integer or NaN when handleUnknown is 'use_encoded_value', got None."
   * @throws ValueError "The used value for unknownValue 0 is one of the values already used for encoding the seen categories."
   * @example
   * ```ts
   * new OrdinalEncoder().fit([[3], [1], [NaN]]).categories_; // [Float64Array [1, 3, NaN]]
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    this.#checkParams();
    const fitted = fitCategories(this, X, this.categories, this.handleUnknown);
    this.#checkFitted(fitted.categories, fitted.table.names);
    recordTable(this, fitted.table);
    this.categories_ = fitted.categories;
    return this;
  }

  /**
   * Encodes X as the index of each value among its feature's categories.
   *
   * @param X - rows or records with the features seen in `fit`
   * @returns one row of codes per sample (`encodedMissingValue` for NaN, `unknownValue` for unknowns)
   * @throws NotFittedError before `fit`
   * @throws ValueError "Found unknown categories ['z'] in column 0 during transform" (handleUnknown 'error')
   * @example
   * ```ts
   * new OrdinalEncoder().fit([['b'], ['a']]).transform([['b']]); // [[1]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const { n, codes } = transformCodes(this, X, this.handleUnknown, false);
    const missing = missingIndices(this.categories_!);
    const d = codes.length;
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(d);
      for (let j = 0; j < d; j++) {
        const c = codes[j]![i]!;
        row[j] = c < 0 ? this.unknownValue! : missing.get(j) === c ? this.encodedMissingValue : c;
      }
      out[i] = row;
    }
    return this.wrapOutput(out);
  }

  /**
   * Converts codes back to categories: `encodedMissingValue` gives the NaN category and
   * `unknownValue` gives null.
   *
   * @param X - rows of codes
   * @returns one row of categories per sample
   * @throws NotFittedError before `fit`
   * @throws ValueError "Shape of the passed X data is not correct. Expected 2 columns, got 1."
   * @example
   * ```ts
   * new OrdinalEncoder().fit([['b'], ['a']]).inverseTransform([[0]]); // [['a']]
   * ```
   */
  inverseTransform(X: unknown): Category[][] {
    checkIsFitted(this);
    const { data, shape } = checkArray(X, { forceAllFinite: 'allow-nan', estimator: this });
    const [n, m] = shape;
    const cats = this.categories_!;
    if (m !== cats.length)
      throw new ValueError(
        `Shape of the passed X data is not correct. Expected ${cats.length} columns, got ${m}.`,
      );
    const missing = missingIndices(cats);
    const sameCode = (a: number, b: number) => a === b || (a !== a && b !== b);
    const out: Category[][] = [];
    for (let i = 0; i < n; i++) {
      const row = new Array<Category>(m);
      for (let j = 0; j < m; j++) {
        let code = data[i * m + j]!;
        const k = missing.get(j);
        if (k !== undefined && sameCode(code, this.encodedMissingValue)) code = k;
        if (this.handleUnknown === 'use_encoded_value' && sameCode(code, this.unknownValue!))
          row[j] = null;
        else row[j] = categoryAt(cats[j]!, code, j);
      }
      out[i] = row;
    }
    return out;
  }

  /**
   * The output feature names: the input names (one code column per feature).
   *
   * @param inputFeatures - names to use instead (checked against `featureNamesIn_`)
   * @returns one name per feature
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new OrdinalEncoder().fit([{ city: 'Oslo' }]).getFeatureNamesOut(); // ['city']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    return this.oneToOneNames(inputFeatures);
  }
}

/** `categories[int(code)]` as numpy indexes (negative codes from the end), or an IndexError. */
function categoryAt(cats: Categories, code: number, j: number): Category {
  const k = Math.trunc(code);
  const idx = k < 0 ? cats.length + k : k;
  if (!(idx >= 0 && idx < cats.length)) {
    throw new ValueError(
      `index ${Number.isNaN(code) ? 'NaN' : k} is out of bounds for axis 0 with size ${cats.length} (column ${j}): not a code of a category.`,
    );
  }
  return (cats as ArrayLike<Category>)[idx]!;
}
registerEstimator(OrdinalEncoder, { module: MODULE_URL });
