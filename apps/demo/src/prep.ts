// Small data helpers for the tour: standardization, subsets, label arrays, formatting.

/** Column means and standard deviations of `X`. */
export interface Scaler {
  mean: number[];
  scale: number[];
}

/**
 * Fits a standard scaler (scikit-learn's StandardScaler: population std, 1 for constant columns).
 *
 * @param X - samples x features
 * @returns means and scales
 */
export function fitScaler(X: number[][]): Scaler {
  const d = X[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j]!, 0) / X.length);
  const scale = mean.map((m, j) => {
    const v = X.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / X.length;
    return v > 0 ? Math.sqrt(v) : 1;
  });
  return { mean, scale };
}

/**
 * Applies a fitted scaler.
 *
 * @param X - samples x features
 * @param s - the scaler
 * @returns the standardized copy
 */
export function applyScaler(X: number[][], s: Scaler): number[][] {
  return X.map((r) => r.map((v, j) => (v - s.mean[j]!) / s.scale[j]!));
}

/**
 * Standardizes every column of `X` (the whole data set: the tour has no Pipeline yet).
 *
 * @param X - samples x features
 * @returns the standardized copy
 */
export function standardize(X: number[][]): number[][] {
  return applyScaler(X, fitScaler(X));
}

/**
 * Rows `idx` of `a`.
 *
 * @param a - any array
 * @param idx - indices
 * @returns the selected rows
 */
export function take<T>(a: readonly T[], idx: readonly number[]): T[] {
  return idx.map((i) => a[i]!);
}

/**
 * Mean of numbers.
 *
 * @param v - numbers
 * @returns their mean (NaN when empty)
 */
export function mean(v: readonly number[]): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}

/**
 * Population standard deviation.
 *
 * @param v - numbers
 * @returns their std
 */
export function std(v: readonly number[]): number {
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
}

/**
 * Formats a number with `d` decimals.
 *
 * @param v - the number
 * @param d - decimals
 * @returns the text
 */
export function fmt(v: number, d = 3): string {
  return Number.isFinite(v) ? v.toFixed(d) : String(v);
}
