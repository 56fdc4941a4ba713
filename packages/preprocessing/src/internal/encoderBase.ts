// Port of scikit-learn's sklearn/preprocessing/_encoders.py _BaseEncoder._fit and _transform
// (BSD-3-Clause): the categories of each feature, and codes against them.
import { checkFeatureNames, checkNFeatures, ValueError, warn } from '@scikeras/estimator-core';
import {
  categoriesList,
  encodeColumn,
  uniqueCategories,
  type Categories,
  type Category,
} from './categories';
import { readTable, type Column, type Table } from './table';

/** What `fitCategories` learned, committed by the encoder once everything is valid. */
export interface FittedCategories {
  categories: Categories[];
  table: Table;
}

function givenCategories(given: readonly unknown[], col: Column): Categories {
  if (col.kind === 'object') return given.map((v) => (v === undefined ? null : v) as Category);
  const cats =
    col.kind === 'float' ? Float64Array.from(given as number[]) : [...(given as Category[])];
  if (col.kind !== 'bool') {
    const nums = Array.from(cats as ArrayLike<number>);
    const stop =
      nums.length > 0 && Number.isNaN(nums[nums.length - 1]) ? nums.length - 1 : nums.length;
    for (let i = 1; i < stop; i++) {
      if (!(nums[i - 1]! <= nums[i]!))
        throw new ValueError('Unsorted categories are not supported for numerical categories');
    }
    if (nums.slice(0, stop).some(Number.isNaN))
      throw new ValueError('Unsorted categories are not supported for numerical categories');
  }
  return cats;
}

/**
 * scikit-learn's `_BaseEncoder._fit`: the categories of each feature ('auto' or given), checking
 * given ones against the data when `handleUnknown` is 'error'.
 *
 * @throws ValueError "Shape mismatch: if categories is an array, it has to be of shape (n_features,)."
 * @throws ValueError "Found unknown categories ['z'] in column 0 during fit"
 */
export function fitCategories(
  est: object,
  X: unknown,
  categories: 'auto' | readonly (readonly unknown[])[],
  handleUnknown: string,
): FittedCategories {
  const table = readTable(est, X);
  if (categories !== 'auto' && categories.length !== table.d) {
    throw new ValueError(
      'Shape mismatch: if categories is an array, it has to be of shape (n_features,).',
    );
  }
  const cats = table.columns.map((col, j) => {
    if (categories === 'auto') return uniqueCategories(col);
    const given = givenCategories(categories[j]!, col);
    if (handleUnknown === 'error') {
      const { unknown } = encodeColumn(col, given);
      if (unknown.length > 0) {
        throw new ValueError(
          `Found unknown categories ${categoriesList(unknown, col.kind === 'float')} in column ${j} during fit`,
        );
      }
    }
    return given;
  });
  return { categories: cats, table };
}

/** Records nFeaturesIn_ and featureNamesIn_ of a successful fit. */
export function recordTable(est: object, table: Table): void {
  checkNFeatures(est, table.d, true);
  checkFeatureNames(est, table.names, true);
}

/** Codes of every feature: `codes[j][i]`, -1 where the value is unknown. */
export interface TableCodes {
  n: number;
  codes: Int32Array[];
}

/**
 * scikit-learn's `_BaseEncoder._transform`: codes of each feature; unknown values raise
 * (`'error'`) or get code -1 (scikit-learn: 0 with a False mask), with a warning when
 * `warnOnUnknown`.
 *
 * @throws ValueError "Found unknown categories ['z'] in column 0 during transform"
 */
export function transformCodes(
  est: object & { categories_?: Categories[] },
  X: unknown,
  handleUnknown: string,
  warnOnUnknown: boolean,
): TableCodes {
  const table = readTable(est, X);
  checkFeatureNames(est, table.names, false);
  checkNFeatures(est, table.d, false);
  const withUnknown: number[] = [];
  const codes: Int32Array[] = [];
  table.columns.forEach((col, j) => {
    const cats = est.categories_![j]!;
    const r = encodeColumn(col, cats);
    if (r.unknown.length > 0) {
      if (handleUnknown === 'error') {
        throw new ValueError(
          `Found unknown categories ${categoriesList(r.unknown, cats instanceof Float64Array || col.kind === 'float')} in column ${j} during transform`,
        );
      }
      withUnknown.push(j);
    }
    codes.push(r.codes);
  });
  if (warnOnUnknown && withUnknown.length > 0) {
    warn(
      `Found unknown categories in columns [${withUnknown.join(', ')}] during transform. These unknown categories will be encoded as all zeros`,
    );
  }
  return { n: table.n, codes };
}
