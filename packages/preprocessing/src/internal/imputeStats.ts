// Port of scikit-learn's sklearn/impute/_base.py SimpleImputer._dense_fit and _most_frequent
// (BSD-3-Clause): one statistic per column from its non-missing values.
import { sortStringsByCodePoint } from '@scikeras/target-utils';
import type { Category } from './categories';
import { medianSorted } from './stats';
import type { Column } from './table';

/** The non-missing values of a column. */
function present(col: Column, mask: Uint8Array): unknown[] {
  const src: ArrayLike<unknown> = col.num ?? col.values!;
  const out: unknown[] = [];
  for (let i = 0; i < mask.length; i++) if (!mask[i]) out.push(src[i]);
  return out;
}

/** The numbers of a column (booleans as 0/1) for mean and median, in one Float64Array. */
function presentNumbers(col: Column, mask: Uint8Array): Float64Array {
  if (!col.num)
    return Float64Array.from(present(col, mask), (v) =>
      typeof v === 'boolean' ? Number(v) : (v as number),
    );
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (!mask[i]) k++;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < mask.length; i++) if (!mask[i]) out[k++] = col.num[i]!;
  return out;
}

/** The most frequent of sorted numbers (ties: the smallest, scipy's `mode`), by runs: no Map. */
function mostFrequentSorted(sorted: Float64Array): number {
  let best = NaN;
  let bestCount = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    const v = sorted[i]!;
    // NaN sorts last and counts as one value (a Map's SameValueZero)
    while (j < sorted.length && (sorted[j] === v || (v !== v && sorted[j] !== sorted[j]))) j++;
    if (j - i > bestCount) {
      best = sorted[i]!;
      bestCount = j - i;
    }
    i = j;
  }
  return best;
}

function pyLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string')
    return sortStringsByCodePoint([a, b])[0] === a && a !== b;
  return (a as number) < (b as number);
}

/**
 * The most frequent value; ties go to the smallest (scipy's `mode` for numbers, `min` over a
 * Counter for objects). NaN when there are no values.
 */
export function mostFrequent(values: readonly unknown[]): Category {
  if (values.length === 0) return NaN;
  const counts = new Map<unknown, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: unknown = undefined;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && pyLess(v, best))) {
      best = v;
      bestCount = c;
    }
  }
  return best as Category;
}

/** Mean of numbers in order (numpy's masked mean: sum then divide). */
function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

/**
 * The statistic of one column for a strategy (`fill` for 'constant'); `keepEmpty` gives 0
 * instead of NaN for a column without values.
 */
export function columnStatistic(
  col: Column,
  mask: Uint8Array,
  strategy: string,
  fill: unknown,
  keepEmpty: boolean,
): Category {
  if (strategy === 'constant') {
    return (col.kind === 'int' && typeof fill === 'number' ? Math.trunc(fill) : fill) as Category;
  }
  let stat: Category;
  if (strategy === 'mean') stat = mean(presentNumbers(col, mask));
  else if (strategy === 'median') stat = medianSorted(presentNumbers(col, mask).sort());
  else if (col.num) stat = mostFrequentSorted(presentNumbers(col, mask).sort());
  else stat = mostFrequent(present(col, mask));
  if (keepEmpty && mask.every((m) => m === 1)) return 0;
  return stat;
}
