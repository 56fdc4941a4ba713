// Apache Arrow tables, duck-typed: nothing imports apache-arrow (an optional peer dependency).

/** The parts of an Arrow `Table` this package reads. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { name: string; type: ArrowTypeLike }[] };
  getChild(name: string): { get(i: number): unknown } | null;
}

interface ArrowTypeLike {
  readonly typeId: number;
  readonly dictionary?: ArrowTypeLike;
}

// apache-arrow's Type enum
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const BOOL = 6;
const DECIMAL = 7;
const LARGE_UTF8 = 20;
const DICTIONARY = -1;

/**
 * Whether a value is an Apache Arrow `Table` (by its shape: `numRows`, `schema.fields`,
 * `getChild`), so that tables work without this package importing apache-arrow.
 */
export function isArrowTable(value: unknown): value is ArrowTableLike {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<ArrowTableLike>;
  return (
    typeof t.numRows === 'number' &&
    typeof t.getChild === 'function' &&
    typeof t.schema === 'object' &&
    t.schema !== null &&
    Array.isArray(t.schema.fields)
  );
}

/** The dtype of an Arrow field: numbers (ints, floats, decimals), strings, booleans or other. */
export function arrowDtype(type: ArrowTypeLike): 'number' | 'string' | 'boolean' | 'object' {
  const id = type.typeId === DICTIONARY && type.dictionary ? type.dictionary.typeId : type.typeId;
  if (id === INT || id === FLOAT || id === DECIMAL) return 'number';
  if (id === UTF8 || id === LARGE_UTF8) return 'string';
  if (id === BOOL) return 'boolean';
  return 'object';
}

/** The values of one column (64-bit integers as numbers, nulls as null). */
export function arrowColumn(table: ArrowTableLike, name: string): unknown[] {
  const vec = table.getChild(name);
  const out = new Array<unknown>(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const v = vec ? vec.get(i) : null;
    out[i] = typeof v === 'bigint' ? Number(v) : (v ?? null);
  }
  return out;
}
