// How numpy (and pandas, for records) sees a table of mixed values: the columns scikit-learn's
// encoders and imputer get from check_array(X, dtype=None) (sklearn/preprocessing/_encoders.py
// _BaseEncoder._check_X, BSD-3-Clause). One dtype per array for plain rows, one per column for
// records.
import {
  assertAllFinite,
  checkArray,
  featureNamesToRead,
  isArray2D,
  isMatrix,
  isRecordArray,
  isTensorLike,
  isTypedArray,
  recordsToRows,
  toArray2D,
  ValueError,
  estimatorName,
  type Array2D,
} from '@scikeras/estimator-core';

/** numpy's dtype kind of a column: float64, int64, bool or object. */
export type ColumnKind = 'float' | 'int' | 'bool' | 'object';

/** One column of a table. */
export interface Column {
  kind: ColumnKind;
  /** float/int columns: the numbers (NaN for missing). */
  num?: Float64Array;
  /** `num` holds no NaN or Infinity (read from an integer typed array): no finiteness check. */
  finite?: boolean;
  /** bool/object columns: the values (strings, numbers, booleans, `null` for None, NaN). */
  values?: unknown[];
}

/** A validated table. */
export interface Table {
  n: number;
  d: number;
  columns: Column[];
  /** The feature names (records). */
  names?: string[];
}

function shape(n: number, d: number): string {
  return `(${n}, ${d})`;
}

function checkSize(est: object, n: number, d: number): void {
  const who = estimatorName(est);
  if (n < 1)
    throw new ValueError(
      `Found array with 0 sample(s) (shape=${shape(n, d)}) while a minimum of 1 is required by ${who}.`,
    );
  if (d < 1)
    throw new ValueError(
      `Found array with 0 feature(s) (shape=${shape(n, d)}) while a minimum of 1 is required by ${who}.`,
    );
}

/**
 * Row-major values into one Float64Array per column, in one sequential pass over the rows
 * (any typed array: no float64 copy of the whole matrix first).
 */
function splitColumns(data: ArrayLike<number>, n: number, d: number): Float64Array[] {
  const cols = Array.from({ length: d }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) cols[j]![i] = data[off + j]!;
  }
  return cols;
}

function isIntegerTyped(data: ArrayLike<number>): boolean {
  return (
    data instanceof Int32Array ||
    data instanceof Uint8Array ||
    data instanceof Int8Array ||
    data instanceof Uint16Array ||
    data instanceof Int16Array ||
    data instanceof Uint32Array ||
    data instanceof Uint8ClampedArray
  );
}

/**
 * Numeric input forms (typed rows, Matrix, `{ data, shape }`, tensors): a `{ data, shape }` is
 * read in place, the others through checkArray (finiteness is checked per column by the caller).
 */
function numericTable(est: object, X: unknown, intKind: boolean): Table {
  let a: Array2D;
  if (isArray2D(X)) {
    if (X.data.length !== X.shape[0] * X.shape[1]) toArray2D(X); // throws its message
    a = X;
  } else a = checkArray(X, { forceAllFinite: 'allow-nan', estimator: est, dtype: 'float64' });
  const [n, d] = a.shape;
  const kind: ColumnKind = intKind ? 'int' : 'float';
  // an integer typed array holds neither NaN nor Infinity: no finiteness pass
  const finite = isIntegerTyped(a.data);
  return { n, d, columns: splitColumns(a.data, n, d).map((num) => ({ kind, num, finite })) };
}

function checkRows(X: readonly unknown[]): number {
  let d = -1;
  for (let i = 0; i < X.length; i++) {
    const r = X[i];
    if (!Array.isArray(r) && !isTypedArray(r)) {
      // not rows: estimator-core's checkArray gives numpy's 1-D / sequence messages
      checkArray(X.map((v) => (typeof v === 'string' ? NaN : v)));
    }
    const len = (r as ArrayLike<unknown>).length;
    if (d < 0) d = len;
    else if (len !== d) {
      throw new ValueError(
        `setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions: X[0] has ${d} values but X[${i}] has ${len}. Every sample must have the same number of features.`,
      );
    }
  }
  return Math.max(d, 0);
}

function numericColumn(values: readonly unknown[], allInt: boolean): Column {
  const num = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    num[i] =
      v === null || v === undefined ? NaN : typeof v === 'boolean' ? Number(v) : (v as number);
  }
  return { kind: allInt ? 'int' : 'float', num };
}

function columnValues(rows: readonly ArrayLike<unknown>[], j: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![j];
    out.push(v === undefined ? null : v);
  }
  return out;
}

/** What a scan of plain rows found (numpy's dtype discovery). */
interface Scan {
  str: boolean;
  none: boolean;
  bool: boolean;
  num: boolean;
  nonInt: boolean;
}

function scanRows(rows: readonly ArrayLike<unknown>[], d: number): Scan {
  const s: Scan = { str: false, none: false, bool: false, num: false, nonInt: false };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (let j = 0; j < d; j++) {
      const v = r[j];
      if (typeof v === 'number') {
        s.num = true;
        if (!s.nonInt && !Number.isInteger(v)) s.nonInt = true;
      } else if (typeof v === 'string') s.str = true;
      else if (v === null || v === undefined) s.none = true;
      else if (typeof v === 'boolean') s.bool = true;
      else if (Array.isArray(v) || isTypedArray(v))
        throw new ValueError(`Found array with dim 3. Expected <= 2.`);
      else throw new TypeError(`X holds a value numpy cannot store in a table: ${String(v)}.`);
    }
  }
  return s;
}

/** Plain rows of numbers straight into columns (row by row), or null at the first non-number. */
function numericRows(rows: readonly ArrayLike<unknown>[], d: number): Table | null {
  const n = rows.length;
  const cols = Array.from({ length: d }, () => new Float64Array(n));
  let nonInt = false;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    for (let j = 0; j < d; j++) {
      const v = r[j];
      if (typeof v !== 'number') return null;
      if (!nonInt && !Number.isInteger(v)) nonInt = true;
      cols[j]![i] = v;
    }
  }
  const kind: ColumnKind = nonInt ? 'float' : 'int';
  return { n, d, columns: cols.map((num) => ({ kind, num })) };
}

/** Plain rows: one numpy dtype for the whole array. */
function rowsTable(rows: readonly ArrayLike<unknown>[], d: number): Table {
  const fast = numericRows(rows, d);
  if (fast) return fast;
  const n = rows.length;
  const s = scanRows(rows, d);
  const columns: Column[] = [];
  for (let j = 0; j < d; j++) {
    if (s.str || s.none) columns.push({ kind: 'object', values: columnValues(rows, j) });
    else if (s.bool && !s.num) columns.push({ kind: 'bool', values: columnValues(rows, j) });
    else columns.push(numericColumn(columnValues(rows, j), !s.nonInt));
  }
  return { n, d, columns };
}

/** Records: one pandas dtype per column. */
function recordColumn(values: unknown[]): Column {
  let numbers = true;
  let bools = true;
  let missing = false;
  let nonInt = false;
  for (const v of values) {
    if (v === null || (typeof v === 'number' && v !== v)) missing = true;
    else if (typeof v === 'number') nonInt ||= !Number.isInteger(v);
    else numbers = false;
    if (typeof v !== 'boolean') bools = false;
  }
  if (bools) return { kind: 'bool', values };
  if (numbers) return numericColumn(values, !missing && !nonInt);
  return { kind: 'object', values };
}

/**
 * Reads X as the columns scikit-learn's encoders see (feature names are the caller's to check).
 *
 * @throws ValueError for empty X, ragged rows, 1-D X or infinite numbers
 */
export function readTable(est: object, X: unknown): Table {
  let table: Table;
  if (isRecordArray(X)) {
    const names = featureNamesToRead(est, X) ?? [];
    const rows = recordsToRows(X, names);
    const columns = names.map((_, j) => recordColumn(columnValues(rows, j)));
    table = { n: rows.length, d: names.length, columns, names };
  } else if (isArray2D(X) || isMatrix(X) || isTensorLike(X)) {
    const intKind =
      isArray2D(X) && !(X.data instanceof Float64Array || X.data instanceof Float32Array);
    table = numericTable(est, X, intKind || (isTensorLike(X) && X.dtype === 'int32'));
  } else if (Array.isArray(X) && X.length > 0 && X.every((r) => isTypedArray(r))) {
    const intKind = !(X[0] instanceof Float64Array || X[0] instanceof Float32Array);
    table = numericTable(est, X, intKind);
  } else if (Array.isArray(X)) {
    table = rowsTable(X as ArrayLike<unknown>[], checkRows(X));
  } else {
    checkArray(X); // throws numpy's message for scalars and other objects
    throw new TypeError(`Expected a 2-D array-like for X, got ${typeof X}.`);
  }
  checkSize(est, table.n, table.d);
  for (const c of table.columns)
    if (c.num && !c.finite) assertAllFinite(c.num, { allowNan: true, estimator: est });
  return table;
}
