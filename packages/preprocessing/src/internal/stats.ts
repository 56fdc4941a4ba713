// numpy's percentile (method 'linear'), median and linspace, and the normal quantile function
// (Wichura's AS 241, what scipy.stats.norm.ppf computes to double precision).
import type { Dense, Rows } from './dense';

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
export function nanMinMax(X: Rows): { min: Float64Array; max: Float64Array } {
  const { n, d, data } = X;
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  const seen = new Uint8Array(d);
  for (let i = 0; i < n; i++) {
    const r = data ?? X.row(i);
    const off = data ? i * d : 0;
    for (let j = 0; j < d; j++) {
      const v = r[off + j]!;
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
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
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
