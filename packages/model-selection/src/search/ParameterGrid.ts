// Port of scikit-learn's sklearn/model_selection/_search.py ParameterGrid (BSD-3-Clause).
import { ValueError, pyRepr, typeName } from '@scikeras/estimator-core';

/** One grid: param name to the values to try. */
export type ParamGridSpec = Record<string, readonly unknown[] | ArrayLike<unknown>>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The grid of every combination of param values, in scikit-learn's order: the keys of each
 * grid sorted, the last key cycling fastest; a list of grids is walked grid after grid.
 * Iterable, with `length` and random access by `at(i)`.
 *
 * @example
 * ```ts
 * [...new ParameterGrid({ a: [1, 2], b: [true, false] })];
 * // [{ a: 1, b: true }, { a: 1, b: false }, { a: 2, b: true }, { a: 2, b: false }]
 * new ParameterGrid([{ kernel: ['linear'] }, { kernel: ['rbf'], gamma: [1, 10] }]).at(1); // { gamma: 1, kernel: 'rbf' }
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.ParameterGrid.html
 */
export class ParameterGrid implements Iterable<Record<string, unknown>> {
  /** The grids, always a list. */
  readonly paramGrid: ParamGridSpec[];

  /**
   * @param paramGrid - one grid (param name to an array of values) or an array of grids;
   *   `{}` is the single candidate of default params
   * @throws TypeError when the grid is not an object or array, or a value is not an array
   * @throws ValueError when a value array is empty
   */
  constructor(paramGrid: ParamGridSpec | readonly ParamGridSpec[]) {
    if (typeof paramGrid !== 'object' || paramGrid === null) {
      throw new TypeError(
        `Parameter grid should be a dict or a list, got: ${pyRepr(paramGrid)} of type ${typeName(paramGrid)}`,
      );
    }
    const grids = (Array.isArray(paramGrid) ? paramGrid : [paramGrid]) as unknown[];
    for (const grid of grids) {
      if (!isPlainObject(grid))
        throw new TypeError(`Parameter grid is not a dict (${pyRepr(grid)})`);
      for (const [key, value] of Object.entries(grid)) {
        if (!Array.isArray(value) && !ArrayBuffer.isView(value)) {
          throw new TypeError(
            `Parameter grid for parameter '${key}' needs to be a list or a typed array, but got ${pyRepr(value)} (of type ${typeName(value)}) instead. Single values need to be wrapped in a list with one element.`,
          );
        }
        if ((value as ArrayLike<unknown>).length === 0) {
          throw new ValueError(
            `Parameter grid for parameter '${key}' need to be a non-empty sequence, got: ${pyRepr(value)}`,
          );
        }
      }
    }
    this.paramGrid = grids as ParamGridSpec[];
  }

  static #sortedItems(grid: ParamGridSpec): [string, ArrayLike<unknown>][] {
    return Object.keys(grid)
      .sort()
      .map((k) => [k, grid[k]!]);
  }

  /**
   * The candidates, in scikit-learn's order (each grid's keys sorted, the last varying fastest).
   *
   * @returns an iterator of param objects
   */
  *[Symbol.iterator](): Iterator<Record<string, unknown>> {
    for (const grid of this.paramGrid) {
      const items = ParameterGrid.#sortedItems(grid);
      if (items.length === 0) {
        yield {};
        continue;
      }
      const sizes = items.map(([, v]) => v.length);
      const idx = new Array<number>(items.length).fill(0);
      for (;;) {
        const out: Record<string, unknown> = {};
        items.forEach(([k, v], j) => (out[k] = v[idx[j]!]));
        yield out;
        let j = items.length - 1;
        while (j >= 0 && ++idx[j]! === sizes[j]) idx[j--] = 0;
        if (j < 0) break;
      }
    }
  }

  /** The number of candidates. */
  get length(): number {
    return this.paramGrid.reduce(
      (acc, g) => acc + Object.values(g).reduce((p, v) => p * v.length, 1),
      0,
    );
  }

  /**
   * The candidate at position `ind` of the iteration, without walking the grid.
   *
   * @param ind - the position
   * @returns the params of that candidate
   * @throws RangeError "ParameterGrid index out of range"
   * @example
   * ```ts
   * new ParameterGrid({ a: [1, 2], b: [3, 4] }).at(3); // { a: 2, b: 4 }
   * ```
   */
  at(ind: number): Record<string, unknown> {
    let i = ind;
    for (const grid of this.paramGrid) {
      const items = ParameterGrid.#sortedItems(grid).reverse();
      if (items.length === 0) {
        if (i === 0) return {};
        i -= 1;
        continue;
      }
      const total = items.reduce((p, [, v]) => p * v.length, 1);
      if (i >= total) {
        i -= total;
        continue;
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of items) {
        out[k] = v[i % v.length];
        i = Math.floor(i / v.length);
      }
      return Object.fromEntries(
        Object.keys(out)
          .sort()
          .map((k) => [k, out[k]]),
      );
    }
    throw new RangeError('ParameterGrid index out of range');
  }
}
