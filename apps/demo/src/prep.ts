// Small helpers for the tour: subsets, statistics, formatting. Preprocessing that learns from
// the data (scalers, encoders) lives in each section's Pipeline, fitted inside every fold.

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
