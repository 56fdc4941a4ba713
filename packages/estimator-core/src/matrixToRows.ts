// Row-major values as rows: the one conversion the packages' output paths share.

/**
 * The rows of a row-major `n x d` matrix, one new `number[]` per row (what `transform`,
 * `predictProba` and the other array-returning methods give by default).
 *
 * @param data - the `n * d` values, row-major (a typed array or a plain array)
 * @param n - rows
 * @param d - columns
 * @returns `n` arrays of `d` numbers
 * @remarks The row list is grown in order rather than made with `new Array(n)`: past about
 * 100,000 items V8 may start a pre-sized array as a slow dictionary.
 * @example
 * ```ts
 * matrixToRows(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3); // [[1, 2, 3], [4, 5, 6]]
 * ```
 */
export function matrixToRows(data: ArrayLike<number>, n: number, d: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(d);
    const off = i * d;
    for (let j = 0; j < d; j++) row[j] = data[off + j]!;
    out.push(row);
  }
  return out;
}
