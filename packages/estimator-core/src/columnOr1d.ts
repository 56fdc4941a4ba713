// Port of scikit-learn's sklearn/utils/validation.py column_or_1d (BSD-3-Clause).
import { ValueError } from './errors';
import { isArray2D, isMatrix, isTensorLike, isTypedArray } from './internal/guards';
import type { Label, TypedArray } from './types';
import { warn } from './warnings';

/** Options of {@link columnOr1d}. */
export interface ColumnOr1dOptions {
  /** Warn (DataConversionWarning) when a column vector is flattened. @defaultValue false */
  warn?: boolean;
  /** The argument's name in messages. @defaultValue 'y' */
  inputName?: string;
}

/**
 * Flattens a 1-D target or a one-column 2-D target to 1-D; anything wider is rejected.
 *
 * @param y - labels or target values
 * @param options - warn on column vectors
 * @returns the 1-D labels (a typed array stays typed, no copy)
 * @throws ValueError "y should be a 1d array, got an array of shape (3, 2) instead."
 * @example
 * ```ts
 * columnOr1d([[1], [2]]); // [1, 2]
 * ```
 */
export function columnOr1d(y: unknown, options: ColumnOr1dOptions = {}): Label[] | TypedArray {
  const name = options.inputName ?? 'y';
  const flatten = (rows: number, cols: number, get: (i: number) => Label): Label[] => {
    if (cols !== 1)
      throw new ValueError(
        `${name} should be a 1d array, got an array of shape (${rows}, ${cols}) instead.`,
      );
    if (options.warn) {
      warn(
        'A column-vector y was passed when a 1d array was expected. Please change the shape of y to (nSamples,), for example using y.flat().',
        'DataConversionWarning',
      );
    }
    return Array.from({ length: rows }, (_, i) => get(i));
  };
  if (isTypedArray(y)) return y;
  if (isArray2D(y)) return flatten(y.shape[0], y.shape[1], (i) => y.data[i]!);
  if (isMatrix(y)) return flatten(y.rows, y.columns, (i) => y.get(i, 0));
  if (isTensorLike(y)) {
    const data = y.dataSync();
    if (y.rank === 1) return Array.from(data);
    if (y.rank === 2) return flatten(y.shape[0]!, y.shape[1]!, (i) => data[i]!);
    throw new ValueError(
      `${name} should be a 1d array, got an array of shape (${y.shape.join(', ')}) instead.`,
    );
  }
  if (Array.isArray(y)) {
    if (y.length === 0 || !(Array.isArray(y[0]) || isTypedArray(y[0]))) return y as Label[];
    const cols = (y[0] as ArrayLike<Label>).length;
    for (const r of y) {
      if (!(Array.isArray(r) || isTypedArray(r)) || r.length !== cols) {
        throw new ValueError(`${name} has rows of different lengths; it should be a 1d array.`);
      }
    }
    return flatten(y.length, cols, (i) => (y[i] as ArrayLike<Label>)[0]!);
  }
  throw new ValueError(
    `${name} should be a 1d array, got ${y === null ? 'null' : typeof y} instead.`,
  );
}
