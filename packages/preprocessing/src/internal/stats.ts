// numpy's percentile (method 'linear'), median and linspace, and the normal quantile function
// (Wichura's AS 241, what scipy.stats.norm.ppf computes to double precision).
import type { Dense } from './dense';

/** The non-NaN values of column `j`, sorted ascending. */
export function sortedColumn(X: Dense, j: number): Float64Array {
  const { data, n, d } = X;
  const col = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = data[i * d + j]!;
    if (v === v) col[k++] = v;
  }
  return col.subarray(0, k).sort();
}

/**
 * numpy's `np.percentile(a, q)` with the default 'linear' method, on sorted values without
 * NaN (NaN when empty).
 *
 * @param sorted - ascending values
 * @param q - the percentile, in [0, 100]
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const vi = (n - 1) * (q / 100);
  if (vi >= n - 1) return sorted[n - 1]!;
  if (vi < 0) return sorted[0]!;
  const prev = Math.floor(vi);
  const t = vi - prev;
  const a = sorted[prev]!;
  const b = sorted[prev + 1]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** numpy's median of sorted values without NaN: the middle value, or the mean of the two. */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
}

/** numpy's `np.linspace(start, stop, num)`: `start + i * step`, the last exactly `stop`. */
export function linspace(start: number, stop: number, num: number): number[] {
  const out = new Array<number>(num);
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = step === 0 ? (i / div) * delta + start : i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** Per-column minimum and maximum, NaN ignored (NaN for a column with no values). */
export function nanMinMax(X: Dense): { min: Float64Array; max: Float64Array } {
  const { data, n, d } = X;
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  const seen = new Uint8Array(d);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const v = data[off + j]!;
      if (v !== v) continue;
      seen[j] = 1;
      if (v < min[j]!) min[j] = v;
      if (v > max[j]!) max[j] = v;
    }
  }
  for (let j = 0; j < d; j++) {
    if (!seen[j]) {
      min[j] = NaN;
      max[j] = NaN;
    }
  }
  return { min, max };
}

const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833,
  7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5,
  2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
];

function poly(c: readonly number[], x: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * x + c[i]!;
  return r;
}

/**
 * The standard normal quantile function (scipy's `norm.ppf`), by Wichura's algorithm AS 241
 * (relative error below 1e-15); -Infinity at 0, Infinity at 1, NaN outside [0, 1].
 */
export function normPpf(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let v: number;
  if (r <= 5) {
    r -= 1.6;
    v = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    v = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -v : v;
}
