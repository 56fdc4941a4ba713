// Targets and groups of any array-like form read out as one plain 1-D array.
import { assertAllFinite, type Label } from '@scikeras/estimator-core';

/** Labels as a plain 1-D array (typed arrays and tensors read out). */
export function labelsOf(y: unknown): Label[] {
  if (Array.isArray(y)) return y as Label[];
  if (ArrayBuffer.isView(y)) return Array.from(y as unknown as ArrayLike<number>);
  const t = y as { dataSync?: () => ArrayLike<number>; rank?: number };
  if (t && typeof t.dataSync === 'function') return Array.from(t.dataSync());
  const m = y as { to1DArray?: () => number[] };
  if (m && typeof m.to1DArray === 'function') return m.to1DArray();
  return Array.from(y as ArrayLike<Label>);
}

/**
 * scikit-learn's `check_array(values, ensure_2d=False, dtype=None)` on labels: numeric labels
 * must be finite; strings and mixed arrays (numpy strings) are not checked.
 *
 * @throws ValueError "Input groups contains NaN." / "Input y contains infinity or a value too large for dtype('float64')."
 */
export function assertFiniteNumbers(values: readonly Label[], inputName: string): void {
  if (values.every((v) => typeof v === 'number'))
    assertAllFinite(values as number[], { inputName });
}
