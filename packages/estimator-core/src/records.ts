// Arrays of records as tabular input: the role pandas DataFrames play for scikit-learn's
// feature names (sklearn/utils/validation.py _get_feature_names, BSD-3-Clause).

/** One sample given by column name, e.g. `{ age: 31, city: 'Oslo' }`. */
export type DataRecord = Readonly<Record<string, unknown>>;

function isPlainRecord(v: unknown): v is DataRecord {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v))
    return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether `X` is a non-empty array of plain objects (records), the tabular form whose keys are
 * the feature names.
 *
 * @param X - any input
 * @returns true for `[{ age: 31, city: 'Oslo' }, ...]`
 * @example
 * ```ts
 * isRecordArray([{ a: 1 }]); // true
 * isRecordArray([[1]]); // false
 * ```
 */
export function isRecordArray(X: unknown): X is readonly DataRecord[] {
  return Array.isArray(X) && X.length > 0 && isPlainRecord(X[0]);
}

/**
 * The column names of an array of records: the union of the keys of every record, in order of
 * first appearance (a record without a key has a missing value there).
 *
 * @param rows - the records
 * @returns the keys
 * @example
 * ```ts
 * recordKeys([{ a: 1 }, { a: 2, b: 3 }]); // ['a', 'b']
 * ```
 */
export function recordKeys(rows: readonly DataRecord[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (!isPlainRecord(r)) continue;
    for (const k in r) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  return keys;
}

/**
 * The values of records as rows, one column per key (absent keys give `null`, scikit-learn's
 * missing value). A row that is not a record throws.
 *
 * @param rows - the records
 * @param keys - the columns, in output order (default: {@link recordKeys})
 * @returns one array of values per record
 * @throws TypeError when an item is not a plain object
 * @example
 * ```ts
 * recordsToRows([{ a: 1, b: 'x' }, { b: 'y' }]); // [[1, 'x'], [null, 'y']]
 * ```
 */
export function recordsToRows(
  rows: readonly DataRecord[],
  keys: readonly string[] = recordKeys(rows),
): unknown[][] {
  const out: unknown[][] = new Array(rows.length);
  const d = keys.length;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!isPlainRecord(r)) {
      throw new TypeError(
        `X mixes records and other rows: X[0] is a record but X[${i}] is ${Array.isArray(r) ? 'an array' : String(r)}. Give every sample as a record ({ name: value }).`,
      );
    }
    const row = new Array<unknown>(d);
    for (let j = 0; j < d; j++) {
      const v = r[keys[j]!];
      row[j] = v === undefined ? null : v;
    }
    out[i] = row;
  }
  return out;
}
