// The tabular view of X that ColumnTransformer and FeatureUnion select columns from: a numeric
// matrix, rows of raw values, an array of records, or an Apache Arrow table.
import { isPlainObject } from './isPlainObject';
import {
  ValueError,
  isTypedArray,
  toArray2D,
  pyRepr,
  type Array2D,
} from '@scikeras/estimator-core';
import { arrowColumn, arrowDtype, isArrowTable } from './arrow';

/** The type of a column's values (what `makeColumnSelector`'s dtypes name). */
export type ColumnDtype = 'number' | 'string' | 'boolean' | 'object';

/** X seen as columns. */
export interface Table {
  readonly kind: 'numeric' | 'rows' | 'records' | 'arrow';
  readonly nRows: number;
  readonly nCols: number;
  /** Column names (arrays of records and Arrow tables only). */
  readonly names: readonly string[] | undefined;
  /** The values of column `j`. */
  column(j: number): readonly unknown[];
  /** The dtype of column `j`. */
  dtype(j: number): ColumnDtype;
  /** The row-major values, when X is a numeric matrix (`{ data, shape }`, typed rows, Matrix, Tensor2D). */
  readonly matrix?: Array2D;
}

function inferDtype(values: readonly unknown[]): ColumnDtype {
  let kind: ColumnDtype | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k: ColumnDtype =
      typeof v === 'number' || typeof v === 'bigint'
        ? 'number'
        : typeof v === 'string'
          ? 'string'
          : typeof v === 'boolean'
            ? 'boolean'
            : 'object';
    if (kind === undefined) kind = k;
    else if (kind !== k) return 'object';
  }
  return kind ?? 'object';
}

function makeTable(
  kind: Table['kind'],
  nRows: number,
  nCols: number,
  names: readonly string[] | undefined,
  read: (j: number) => unknown[],
  dtypeOf?: (j: number) => ColumnDtype,
  matrix?: Array2D,
): Table {
  const cols = new Map<number, unknown[]>();
  const column = (j: number) => {
    let c = cols.get(j);
    if (!c) cols.set(j, (c = read(j)));
    return c;
  };
  return {
    kind,
    nRows,
    nCols,
    names,
    column,
    dtype: (j) => (dtypeOf ? dtypeOf(j) : inferDtype(column(j))),
    ...(matrix ? { matrix } : {}),
  };
}

function recordsTable(rows: readonly unknown[]): Table {
  const names: string[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (!isPlainObject(r))
      throw new ValueError(
        `X mixes records and other rows: X[0] is a record but X[${i}] is ${pyRepr(r)}. Every sample must be a record (an object with the same keys).`,
      );
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      names.push(k);
    }
  });
  return makeTable('records', rows.length, names.length, names, (j) =>
    rows.map((r) => (r as Record<string, unknown>)[names[j]!] ?? null),
  );
}

function rowsTable(rows: readonly unknown[]): Table {
  const d = (rows[0] as ArrayLike<unknown>).length;
  rows.forEach((r, i) => {
    if (!Array.isArray(r) && !isTypedArray(r))
      throw new ValueError(
        `setting an array element with a sequence. X mixes rows and scalars: X[${i}] is ${pyRepr(r)}. Every sample must be an array of the same length.`,
      );
    if (r.length !== d)
      throw new ValueError(
        `setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions: X[0] has ${d} values but X[${i}] has ${r.length}. Every sample must have the same number of features.`,
      );
  });
  return makeTable('rows', rows.length, d, undefined, (j) =>
    rows.map((r) => {
      const v = (r as ArrayLike<unknown>)[j];
      return typeof v === 'bigint' ? Number(v) : v;
    }),
  );
}

function numericTable(X: unknown): Table {
  const matrix = toArray2D(X);
  const { data, shape } = matrix;
  const [n, d] = shape;
  const column = (j: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(data[i * d + j]!);
    return out;
  };
  return makeTable('numeric', n, d, undefined, column, () => 'number', matrix);
}

/**
 * X as a table: arrays of records and Arrow tables keep their column names; number[][],
 * rows of raw values (strings allowed), typed-array rows, `{ data, shape }`, Matrix and
 * Tensor2D are positional. NaN and strings are allowed (scikit-learn's `dtype=object`).
 *
 * @throws ValueError for 1-D or scalar X ("Expected 2D array, got 1D array instead: ..."),
 *   ragged rows, no samples or no features
 */
export function toTable(X: unknown, estimator: string): Table {
  let table: Table;
  if (isArrowTable(X)) {
    const fields = X.schema.fields;
    table = makeTable(
      'arrow',
      X.numRows,
      fields.length,
      fields.map((f) => f.name),
      (j) => arrowColumn(X, fields[j]!.name),
      (j) => arrowDtype(fields[j]!.type),
    );
  } else if (Array.isArray(X) && X.length > 0 && isPlainObject(X[0])) {
    table = recordsTable(X);
  } else if (Array.isArray(X) && X.length > 0 && X.every((r) => isTypedArray(r))) {
    table = numericTable(X);
  } else if (Array.isArray(X) && X.length > 0 && Array.isArray(X[0])) {
    table = rowsTable(X);
  } else {
    table = numericTable(X); // toArray2D: other forms, or its canonical error for 1-D / scalar X
  }
  if (table.nRows === 0)
    throw new ValueError(
      `Found array with 0 sample(s) (shape=(0, ${table.nCols})) while a minimum of 1 is required by ${estimator}.`,
    );
  if (table.nCols === 0)
    throw new ValueError(
      `Found array with 0 feature(s) (shape=(${table.nRows}, 0)) while a minimum of 1 is required by ${estimator}.`,
    );
  return table;
}

function asNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  return NaN; // null / undefined: missing
}

function isNumeric(d: ColumnDtype): boolean {
  return d === 'number' || d === 'boolean';
}

/**
 * The rows of the columns `indices`: numeric columns as numbers (missing values as NaN,
 * booleans as 0/1), other columns (strings, mixed) as their raw values; so `number[][]` when
 * every selected column is numeric.
 */
export function selectRows(table: Table, indices: readonly number[]): unknown[][] {
  const cols = indices.map((j) => table.column(j));
  const numeric = indices.map((j) => isNumeric(table.dtype(j)));
  const out: unknown[][] = new Array(table.nRows);
  for (let i = 0; i < table.nRows; i++) {
    const row = new Array(cols.length);
    for (let k = 0; k < cols.length; k++) {
      const v = cols[k]![i];
      row[k] = numeric[k] ? asNumber(v) : v;
    }
    out[i] = row;
  }
  return out;
}

/**
 * The columns `indices` as one row-major Float64Array (no per-row arrays): sliced from a numeric
 * matrix, or read from the columns of other X when every selected column is numeric (missing
 * values as NaN, booleans as 0/1); `null` when a selected column holds strings.
 */
export function selectMatrix(table: Table, indices: readonly number[]): Array2D | null {
  const n = table.nRows;
  const k = indices.length;
  const out = new Float64Array(n * k);
  const m = table.matrix;
  if (m) {
    const d = m.shape[1];
    const src = m.data;
    for (let i = 0; i < n; i++) {
      const from = i * d;
      const to = i * k;
      for (let c = 0; c < k; c++) out[to + c] = src[from + indices[c]!]!;
    }
    return { data: out, shape: [n, k] };
  }
  if (!indices.every((j) => isNumeric(table.dtype(j)))) return null;
  indices.forEach((j, c) => {
    const col = table.column(j);
    for (let i = 0; i < n; i++) out[i * k + c] = asNumber(col[i]);
  });
  return { data: out, shape: [n, k] };
}

/** The values of one column, numbers when it holds numbers (a scalar column selection). */
export function selectColumn(table: Table, j: number): unknown[] {
  const col = table.column(j);
  return isNumeric(table.dtype(j)) ? col.map(asNumber) : [...col];
}

/** Records holding only the columns `indices` (the names are kept). */
export function selectRecords(table: Table, indices: readonly number[]): Record<string, unknown>[] {
  const names = indices.map((j) => table.names![j]!);
  const cols = indices.map((j) => table.column(j));
  return Array.from({ length: table.nRows }, (_, i) => {
    const r: Record<string, unknown> = {};
    names.forEach((n, k) => (r[n] = cols[k]![i]));
    return r;
  });
}

/** Every column as rows (what a `'passthrough'` hands on). */
export function matrixOf(table: Table): unknown[][] {
  return selectRows(
    table,
    Array.from({ length: table.nCols }, (_, j) => j),
  );
}
