// Port of scikit-learn's sklearn/utils/_encode.py _unique, _check_unknown and _encode
// (BSD-3-Clause) over target-utils' label ordering: categories of one column, codes against them.
import {
  encodeNumbersAgainst,
  encodeValuesAgainst,
  sortNumbersNanLast,
  sortStringsByCodePoint,
  uniqueSortedBooleans,
  uniqueSortedNumbers,
} from '@scikeras/target-utils';
import { pyRepr } from '@scikeras/estimator-core';
import { numpyNumStr } from '@scikeras/target-utils';
import { pyFloatStr } from './format';
import type { Column } from './table';

/** One category: a string, number (NaN for nan), boolean, or `null` (Python's None). */
export type Category = string | number | boolean | null;

/**
 * The categories of one feature, sorted like numpy: a `Float64Array` for a float64 column, a
 * plain array otherwise (int64, bool and object columns).
 */
export type Categories = Float64Array | Category[];

/** Python's type name of a value (for "Encoders require ... Got ['int', 'str']"). */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  return (v as object).constructor?.name ?? 'object';
}

function objectCategories(values: readonly unknown[]): Category[] {
  const strs = new Set<string>();
  const nums = new Set<number>();
  const bools = new Set<boolean>();
  let none = false;
  let nan = false;
  for (const v of values) {
    if (v === null || v === undefined) none = true;
    else if (typeof v === 'number') {
      if (v !== v) nan = true;
      else nums.add(v);
    } else if (typeof v === 'string') strs.add(v);
    else if (typeof v === 'boolean') bools.add(v);
    else nums.add(NaN); // not sortable: reported below
  }
  const kinds = (strs.size > 0 ? 1 : 0) + (nums.size > 0 ? 1 : 0) + (bools.size > 0 ? 1 : 0);
  if (kinds > 1 || nums.has(NaN)) {
    const types = [...new Set(values.map(pyTypeName))].sort();
    throw new TypeError(
      `Encoders require their input to be uniformly strings or numbers. Got [${types.map((t) => `'${t}'`).join(', ')}]`,
    );
  }
  const out: Category[] =
    strs.size > 0
      ? sortStringsByCodePoint([...strs])
      : nums.size > 0
        ? sortNumbersNanLast([...nums])
        : uniqueSortedBooleans([...bools]);
  if (none) out.push(null);
  if (nan) out.push(NaN);
  return out;
}

/**
 * The sorted unique values of a column (scikit-learn's `_unique`): numbers ascending with NaN
 * last, strings by code point, false before true; in an object column None then nan last.
 *
 * @throws TypeError "Encoders require their input to be uniformly strings or numbers. Got ['int', 'str']"
 */
export function uniqueCategories(col: Column): Categories {
  if (col.num) {
    const u = uniqueSortedNumbers(col.num);
    return col.kind === 'float' ? Float64Array.from(u) : u;
  }
  if (col.kind === 'bool') return uniqueSortedBooleans(col.values!);
  return objectCategories(col.values!);
}

/** Codes of a column against its categories: -1 where unknown, with the distinct unknowns. */
export interface ColumnCodes {
  codes: number[];
  unknown: Category[];
}

/**
 * Encodes a column against categories (scikit-learn's `_check_unknown` + `_encode`).
 *
 * @returns codes (-1 for values not among the categories) and the unknown values, sorted
 */
export function encodeColumn(col: Column, cats: Categories): ColumnCodes {
  const classes = Array.from(cats as ArrayLike<Category>);
  const numeric = classes.every((c) => typeof c === 'number');
  const r =
    col.num && numeric
      ? encodeNumbersAgainst(col.num, classes as number[])
      : encodeValuesAgainst<unknown>(col.num ?? col.values!, classes);
  return { codes: r.codes, unknown: sortUnknown(r.unseen as Category[]) };
}

/** Unknown values in numpy's order: numbers ascending or strings by code point, None, then nan. */
function sortUnknown(values: Category[]): Category[] {
  const plain = values.filter((v) => v !== null && !(typeof v === 'number' && v !== v));
  const nums = plain.filter((v): v is number => typeof v === 'number');
  const strs = plain.filter((v): v is string => typeof v === 'string');
  const other = plain.filter((v) => typeof v === 'boolean');
  const out: Category[] = [...sortNumbersNanLast(nums), ...sortStringsByCodePoint(strs), ...other];
  if (values.includes(null)) out.push(null);
  if (values.some((v) => typeof v === 'number' && v !== v)) out.push(NaN);
  return out;
}

/** Python's `str()` of a category (numpy float64 values print as `1.0`). */
export function categoryStr(c: Category, float: boolean): string {
  if (c === null) return 'None';
  if (typeof c === 'boolean') return c ? 'True' : 'False';
  if (typeof c === 'number') return float ? pyFloatStr(c) : numpyNumStr(c);
  return c;
}

/** Python's `repr()` of a category as printed inside a list. */
export function categoryRepr(c: Category, float: boolean): string {
  return typeof c === 'string' ? pyRepr(c) : categoryStr(c, float);
}

/** Python's `str()` of a list of categories: `['a', None]`, `[5.0]`. */
export function categoriesList(values: readonly Category[], float: boolean): string {
  return `[${values.map((v) => categoryRepr(v, float)).join(', ')}]`;
}
