// Splits a 1-D or 2-D target into its columns, each read by numpy's rules on its own (as
// scikit-learn's encoders do for lists: one dtype per column).
import { ValueError, pyRepr, pyShape, typeName, type Label } from '@scikeras/estimator-core';
import { isArrayLike, toLabelArray, type LabelArray } from './labelArray';
import { uniqueOf } from './unique';

/** The columns of a target, each a 1-D label array. */
export interface Columns {
  cols: LabelArray[];
  /** The raw values of each column (before numpy's string conversion of mixed columns). */
  raws: ArrayLike<unknown>[];
  rows: number;
  /** The input was 1-D (one column). */
  oneD: boolean;
}

/**
 * Columns of `y`: a 1-D target is one column; a plain nested array is split before dtype
 * discovery so a column of numbers next to a column of strings stays numeric.
 *
 * @throws ValueError for non-array-like input or more than 2 dimensions
 */
export function toColumns(y: unknown, name = 'X'): Columns {
  if (!isArrayLike(y)) {
    throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
  }
  const a = toLabelArray(y);
  if (a.ndim === 1) {
    if (a.kind === 'obj')
      throw new ValueError(`${name} has rows of different lengths or values that are not labels.`);
    return { cols: [a], raws: [Array.isArray(y) ? y : a.data], rows: a.shape[0]!, oneD: true };
  }
  if (a.ndim !== 2) throw new ValueError(`Found array with dim ${a.ndim}. Expected <= 2.`);
  const [n, m] = a.shape as [number, number];
  const cols: LabelArray[] = [];
  const raws: unknown[][] = [];
  for (let j = 0; j < m; j++) {
    const raw = new Array<unknown>(n);
    if (Array.isArray(y)) for (let i = 0; i < n; i++) raw[i] = (y[i] as ArrayLike<unknown>)[j];
    else for (let i = 0; i < n; i++) raw[i] = a.data[i * m + j];
    raws.push(raw);
    const c = toLabelArray(raw);
    // keep typed kinds (int/float32) of typed input
    cols.push(Array.isArray(y) ? c : { ...c, kind: a.kind, float32: a.float32 });
  }
  return { cols, raws, rows: n, oneD: false };
}

function pyTypeName(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'NoneType';
  return typeName(v);
}

/**
 * Sorted unique values of one encoder column (scikit-learn's `_unique`).
 *
 * @throws TypeError "Encoders require their input to be uniformly strings or numbers. Got ['int', 'str']"
 */
export function columnCategories(c: LabelArray, raw?: ArrayLike<unknown>): Label[] {
  if (c.mixed || c.kind === 'obj') {
    const types = [...new Set(Array.from(raw ?? c.data, pyTypeName))].sort();
    throw new TypeError(
      `Encoders require their input to be uniformly strings or numbers. Got [${types.map((t) => `'${t}'`).join(', ')}]`,
    );
  }
  return uniqueOf(c);
}

/** `(n, m)` as scikit-learn prints it. */
export function shapeOf(c: Columns): string {
  return pyShape(c.oneD ? [c.rows] : [c.rows, c.cols.length]);
}
