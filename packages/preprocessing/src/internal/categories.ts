// Port of scikit-learn's sklearn/utils/_encode.py _unique, _check_unknown and _encode
// (BSD-3-Clause) over target-utils' label ordering: categories of one column, codes against them.
import {
  encodeValuesAgainst,
  sortNumbersNanLast,
  sortStringsByCodePoint,
  uniqueSortedBooleans,
  uniqueSortedNumbers,
} from '@scikeras/target-utils';
import { pyNumStr, pyRepr, typeName } from '@scikeras/estimator-core';
import { numpyNumStr } from '@scikeras/target-utils';
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
  return typeName(v);
}

/**
 * numpy's `str()` of a float64 value, as data (feature names of float categories and bins):
 * `1.0`, `0.5`, `1e-05`, `nan`, `-0.0`.
 *
 * @param v - the number
 * @returns its text
 */
export function float64Str(v: number): string {
  if (Object.is(v, -0)) return '-0.0';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  return numpyNumStr(v);
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
  codes: Int32Array;
  unknown: Category[];
}

/** A table from small integer values to their code (-1: not a category), or null for other categories. */
function intTable(sorted: Float64Array): { table: Int32Array; min: number } | null {
  const m = sorted.length;
  if (m === 0) return null;
  for (let k = 0; k < m; k++) if ((sorted[k]! | 0) !== sorted[k]) return null;
  const min = sorted[0]!;
  const range = sorted[m - 1]! - min + 1;
  if (range > Math.max(1 << 16, 4 * m)) return null;
  const table = new Int32Array(range).fill(-1);
  for (let k = 0; k < m; k++) table[sorted[k]! - min] = k;
  return { table, min };
}

/** The index of `v` in ascending `sorted` (binary search), or -1. */
function searchSorted(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === v ? lo : -1;
}

/**
 * Codes of numbers against sorted numeric categories (NaN, when a category, last): an integer
 * table for small integer ranges, a binary search on a Float64Array otherwise; no per-value
 * allocation.
 */
function encodeNumeric(num: Float64Array, cats: ArrayLike<number>): ColumnCodes {
  const k = cats.length;
  const nanCode = k > 0 && cats[k - 1] !== cats[k - 1] ? k - 1 : -1;
  const sorted = Float64Array.from({ length: nanCode >= 0 ? k - 1 : k }, (_, i) => cats[i]!);
  const t = intTable(sorted);
  const n = num.length;
  const codes = new Int32Array(n);
  let unknown: Set<number> | undefined;
  for (let i = 0; i < n; i++) {
    const v = num[i]!;
    let c: number;
    if (v !== v) c = nanCode;
    else if (t) {
      const off = v - t.min;
      c = (v | 0) === v && off >= 0 && off < t.table.length ? t.table[off]! : -1;
    } else c = searchSorted(sorted, v);
    codes[i] = c;
    if (c < 0) (unknown ??= new Set()).add(v);
  }
  return { codes, unknown: sortUnknown(unknown ? [...unknown] : []) };
}

/**
 * Encodes a column against categories (scikit-learn's `_check_unknown` + `_encode`).
 *
 * @returns codes (-1 for values not among the categories) and the unknown values, sorted
 */
export function encodeColumn(col: Column, cats: Categories): ColumnCodes {
  if (col.num && (cats instanceof Float64Array || cats.every((c) => typeof c === 'number')))
    return encodeNumeric(col.num, cats as ArrayLike<number>);
  const classes = Array.from(cats as ArrayLike<Category>);
  const r = encodeValuesAgainst<unknown>(col.num ?? col.values!, classes);
  return { codes: Int32Array.from(r.codes), unknown: sortUnknown(r.unseen as Category[]) };
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
  if (typeof c === 'number') return float ? float64Str(c) : numpyNumStr(c);
  return c;
}

/**
 * A category inside a message: estimator-core's dialect (`'a'`, `null`, `true`, `NaN`), with
 * float64 values as numpy prints them (`5.0`).
 */
export function categoryRepr(c: Category, float: boolean): string {
  if (typeof c === 'number' && c === c) return float ? float64Str(c) : pyNumStr(c);
  return pyRepr(c);
}

/** A list of categories in a message: `['a', null]`, `[5.0]`. */
export function categoriesList(values: readonly Category[], float: boolean): string {
  return `[${values.map((v) => categoryRepr(v, float)).join(', ')}]`;
}
