// The hook by which a transformer writes its transform straight into columns of a caller's
// Float64Array: a ColumnTransformer with setOutput 'array2d' stacks its parts without a fresh
// buffer per part (no scikit-learn counterpart: numpy's hstack copies, but numpy's fresh pages
// are cheap where Node's are not).

/**
 * The symbol key of the {@link TransformsInto} hook (`Symbol.for`, so that copies of
 * estimator-core in one process agree).
 */
export const transformInto: unique symbol = Symbol.for('@scikeras/estimator-core/transformInto');

/** What a {@link TransformsInto} hook prepared: the output width and the writer. */
export interface WindowWriter {
  /** The number of output columns (what `transform(X)` would give). */
  readonly width: number;
  /**
   * Writes the transform of row `i`, column `k` (k < width) to `out[offset + i * stride + k]`.
   * The window starts all zeros. Returns false when it could not finish (a value it cannot
   * write, e.g. a category that needs `transform`'s warning): the caller then calls `transform`
   * and overwrites the whole window.
   */
  write(out: Float64Array, offset: number, stride: number): boolean;
}

/**
 * A fitted transformer that can write `transform(X)` into a window of a larger row-major
 * buffer. `fitTransform(X)` of such a transformer must equal `fit(X)` then `transform(X)`.
 */
export interface TransformsInto {
  /**
   * Validates X as `transform` does (same errors) and returns a writer of its output, or null
   * when this X takes `transform`'s own path (the caller then calls `transform`).
   */
  [transformInto](X: unknown): WindowWriter | null;
}

/**
 * Whether an estimator offers the {@link TransformsInto} hook.
 *
 * @param est - any value
 * @returns true when `est[transformInto]` is a function
 * @example
 * ```ts
 * if (hasTransformInto(t)) {
 *   const w = t[transformInto](X); // null: use t.transform(X)
 * }
 * ```
 */
export function hasTransformInto(est: unknown): est is TransformsInto {
  return (
    typeof est === 'object' &&
    est !== null &&
    typeof (est as Partial<TransformsInto>)[transformInto] === 'function'
  );
}
