// Port of scikit-learn's sklearn/utils/__init__.py _determine_key_type / _get_column_indices
// and sklearn/compose/_column_transformer.py _is_empty_column_selection (BSD-3-Clause).
import { isPlainObject } from './isPlainObject';
import { ValueError, isTypedArray, pyList } from '@scikeras/estimator-core';
import type { ColumnSlice } from '../types';
import type { Table } from './table';

const ERR =
  'No valid specification of the columns. Only a scalar, list or slice of all integers or all strings, or boolean mask is allowed';

type KeyType = 'int' | 'str' | 'bool' | null;

/** Whether a column spec is a `{ start, stop }` slice. */
export function isColumnSlice(key: unknown): key is ColumnSlice {
  return isPlainObject(key) && Object.keys(key).every((k) => k === 'start' || k === 'stop');
}

function scalarType(v: unknown): KeyType {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && Number.isInteger(v)) return 'int';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  throw new ValueError(ERR);
}

/** The type of a column key: all integers, all strings, a boolean mask, or null (empty). */
export function determineKeyType(key: unknown): KeyType {
  if (typeof key === 'boolean') throw new ValueError(ERR);
  if (isColumnSlice(key)) {
    const a = scalarType(key.start);
    const b = scalarType(key.stop);
    if (a === 'bool' || b === 'bool' || (a !== null && b !== null && a !== b))
      throw new ValueError(ERR);
    return a ?? b;
  }
  if (isTypedArray(key)) {
    if (key instanceof Float32Array || key instanceof Float64Array) throw new ValueError(ERR);
    return key.length === 0 ? null : 'int';
  }
  if (Array.isArray(key)) {
    const types = new Set<KeyType>();
    for (const k of key) {
      if (Array.isArray(k)) throw new ValueError(ERR);
      types.add(scalarType(k));
    }
    if (types.size === 0) return null;
    if (types.size !== 1 || types.has(null)) throw new ValueError(ERR);
    return [...types][0]!;
  }
  return scalarType(key);
}

/** Python's `range(n)[start:stop]` for a slice with integer (or missing) ends. */
function pySlice(n: number, start: number | null, stop: number | null): number[] {
  const norm = (v: number | null, dflt: number) =>
    v === null ? dflt : v < 0 ? Math.max(0, v + n) : Math.min(v, n);
  const a = norm(start, 0);
  const b = norm(stop, n);
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

function nameIndex(table: Table, name: string): number {
  const j = table.names!.indexOf(name);
  if (j < 0)
    throw new ValueError(
      `A given column is not a column of the data: '${name}'. The columns are ${pyList(table.names!)}.`,
    );
  return j;
}

/**
 * The positions of the columns a (resolved, non-callable) column spec selects.
 *
 * @throws ValueError "No valid specification of the columns. ...", "all features must be in [0, 1] or [-2, 0]", "Specifying the columns using strings is only supported for arrays of records and Arrow tables", "A given column is not a column of the data: ..."
 */
export function getColumnIndices(table: Table, key: unknown): number[] {
  const n = table.nCols;
  const type = determineKeyType(key);
  if ((Array.isArray(key) || isTypedArray(key)) && key.length === 0) return [];
  if (type === 'int' || type === 'bool') {
    const bad = () => new ValueError(`all features must be in [0, ${n - 1}] or [-${n}, 0]`);
    if (isColumnSlice(key))
      return pySlice(n, (key.start as number) ?? null, (key.stop as number) ?? null);
    const list =
      Array.isArray(key) || isTypedArray(key) ? Array.from(key as ArrayLike<unknown>) : [key];
    if (type === 'bool') {
      if (list.length !== n) throw bad();
      return list.flatMap((b, j) => (b ? [j] : []));
    }
    return (list as number[]).map((j) => {
      if (j < -n || j >= n) throw bad();
      return j < 0 ? j + n : j;
    });
  }
  if (type === 'str') {
    if (!table.names)
      throw new ValueError(
        'Specifying the columns using strings is only supported for arrays of records and Arrow tables',
      );
    if (typeof key === 'string') return [nameIndex(table, key)];
    if (isColumnSlice(key)) {
      const start =
        key.start === null || key.start === undefined ? 0 : nameIndex(table, key.start as string);
      const stop =
        key.stop === null || key.stop === undefined ? n : nameIndex(table, key.stop as string) + 1;
      return pySlice(n, start, stop);
    }
    return (key as string[]).map((name) => nameIndex(table, name));
  }
  throw new ValueError(ERR);
}

/** Whether a (resolved) column spec selects nothing: an empty list or an all-false mask. */
export function isEmptySelection(columns: unknown): boolean {
  if (Array.isArray(columns) || isTypedArray(columns)) {
    const list = Array.from(columns as ArrayLike<unknown>);
    return list.length === 0 || (list.every((c) => typeof c === 'boolean') && !list.some(Boolean));
  }
  return false;
}
