// Label encoding helpers: map labels to their index in a list, fast for small integer labels.
import type { Label } from '@scikeras/estimator-core';

/** The key two labels share when numpy would call them equal (`true == 1`). */
export function labelKey(v: Label): number | string {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/**
 * Encodes each `y[i]` as its index in `labels` (the first occurrence), -1 when absent.
 * Small non-negative-ish integer label sets use a lookup table instead of a Map.
 */
export function encodeLabels(y: ArrayLike<Label>, labels: readonly Label[]): Int32Array {
  const n = y.length;
  const out = new Int32Array(n);
  let allInt = labels.length > 0;
  let min = Infinity;
  let max = -Infinity;
  for (const l of labels) {
    const k = labelKey(l);
    if (typeof k !== 'number' || !Number.isInteger(k)) {
      allInt = false;
      break;
    }
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (allInt && max - min <= 1 << 20) {
    const size = max - min + 1;
    const table = new Int32Array(size).fill(-1);
    for (let j = labels.length - 1; j >= 0; j--) table[(labelKey(labels[j]!) as number) - min] = j;
    for (let i = 0; i < n; i++) {
      const v = y[i]!;
      const k = (typeof v === 'number' ? v : typeof v === 'boolean' ? +v : NaN) - min;
      out[i] = k >= 0 && k < size && k === Math.floor(k) ? table[k]! : -1;
    }
    return out;
  }
  const map = new Map<number | string, number>();
  for (let j = labels.length - 1; j >= 0; j--) map.set(labelKey(labels[j]!), j);
  for (let i = 0; i < n; i++) out[i] = map.get(labelKey(y[i]!)) ?? -1;
  return out;
}

/**
 * The labels of `a` that are not in `b`, in `a`'s order (numpy's `setdiff1d` when `a` is
 * sorted: callers pass target-utils' `uniqueLabels`, the one owner of label order).
 */
export function setDiff(a: readonly Label[], b: readonly Label[]): Label[] {
  const keys = new Set(b.map(labelKey));
  return a.filter((v) => !keys.has(labelKey(v)));
}
