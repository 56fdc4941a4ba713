// Port of scikit-learn's sklearn/utils/_mask.py _get_mask and sklearn/impute/_base.py
// _check_inputs_dtype (BSD-3-Clause) over the columns of a table.
import { ValueError, assertAllFinite } from '@scikeras/estimator-core';
import type { Column, Table } from './table';

/** Whether `missingValues` stands for "missing" in JavaScript's sense: NaN or null. */
export function isNanLike(missingValues: unknown): boolean {
  return (
    missingValues === null ||
    missingValues === undefined ||
    (typeof missingValues === 'number' && missingValues !== missingValues)
  );
}

/** Whether one value is missing: NaN/null/undefined for a NaN-like marker, else equality. */
export function isMissing(v: unknown, missingValues: unknown, nanLike: boolean): boolean {
  if (nanLike) return v === null || v === undefined || (typeof v === 'number' && v !== v);
  return v === missingValues;
}

/** The missing mask of one column (1 = missing). */
export function columnMask(col: Column, n: number, missingValues: unknown): Uint8Array {
  const nanLike = isNanLike(missingValues);
  const mask = new Uint8Array(n);
  if (col.num) {
    const m = missingValues as number;
    for (let i = 0; i < n; i++) {
      const v = col.num[i]!;
      mask[i] = (nanLike ? v !== v : v === m) ? 1 : 0;
    }
  } else {
    const values = col.values!;
    for (let i = 0; i < n; i++) mask[i] = isMissing(values[i], missingValues, nanLike) ? 1 : 0;
  }
  return mask;
}

/** numpy's dtype name of a numeric table (int64 when every column is int, else float64). */
export function numericDtype(table: Table): string {
  return table.columns.every((c) => c.kind === 'int') ? 'int64' : 'float64';
}

/** Python's `type(v)` as `<class 'str'>` for messages. */
function pyClass(v: unknown): string {
  const t =
    v === null || v === undefined
      ? 'NoneType'
      : typeof v === 'string'
        ? 'str'
        : typeof v === 'boolean'
          ? 'bool'
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? 'int'
              : 'float'
            : typeof v;
  return `<class '${t}'>`;
}

/**
 * Checks a table against the missing marker like scikit-learn's `_validate_input` +
 * `_check_inputs_dtype`: NaN only allowed when the marker is NaN-like, and a numeric table
 * needs a numeric marker.
 *
 * @throws ValueError "'X' and 'missingValues' types are expected to be both numerical. Got X.dtype=float64 and  type(missingValues)=<class 'str'>."
 */
export function checkMissingMarker(est: object, table: Table, missingValues: unknown): void {
  const numeric = table.columns.every((c) => c.num !== undefined);
  if (!isNanLike(missingValues)) {
    for (const c of table.columns) if (c.num) assertAllFinite(c.num, { estimator: est });
  }
  if (numeric && typeof missingValues !== 'number' && !isNanLike(missingValues)) {
    throw new ValueError(
      `'X' and 'missingValues' types are expected to be both numerical. Got X.dtype=${numericDtype(table)} and  type(missingValues)=${pyClass(missingValues)}.`,
    );
  }
}

/** numpy's `str()` of an int array: `[0 2]`; of an array of strings: `['a' 'b']`. */
export function npArrayStr(values: readonly (number | string)[]): string {
  return `[${values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' ')}]`;
}

/** Rows of the 0/1 masks of the given features (the MissingIndicator output). */
export function indicatorRows(
  masks: readonly Uint8Array[],
  features: readonly number[],
  n: number,
): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out[i] = features.map((j) => masks[j]![i]!);
  return out;
}
