// The parts of numpy's unique / argsort that scikit-learn's splitters rely on.
import type { Label } from '@scikeras/estimator-core';

/** Orders labels like numpy sorts an array of one kind: numbers numerically, strings by code point. */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === typeof b) {
    if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
    return Number(a) - Number(b);
  }
  const rank = (v: Label) => (typeof v === 'string' ? 1 : 0);
  return rank(a) - rank(b);
}

/** numpy's `np.unique(values, return_index=True, return_inverse=True)`. */
export function uniqueInverse(values: ArrayLike<Label>): {
  uniques: Label[];
  firstIndex: number[];
  inverse: Int32Array;
} {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => compareLabels(values[i]!, values[j]!) || i - j,
  );
  const uniques: Label[] = [];
  const firstIndex: number[] = [];
  const inverse = new Int32Array(n);
  for (const i of order) {
    const v = values[i]!;
    const last = uniques.length - 1;
    if (last < 0 || compareLabels(uniques[last]!, v) !== 0) {
      uniques.push(v);
      firstIndex.push(i);
    }
    inverse[i] = uniques.length - 1;
  }
  return { uniques, firstIndex, inverse };
}

/** numpy's `np.bincount(x, minlength)`. */
export function bincount(x: ArrayLike<number>, minlength = 0): number[] {
  let m = minlength;
  for (let i = 0; i < x.length; i++) m = Math.max(m, x[i]! + 1);
  const out = new Array<number>(m).fill(0);
  for (let i = 0; i < x.length; i++) out[x[i]!]! += 1;
  return out;
}

const SMALL_QUICKSORT = 16;

/**
 * numpy 1.24's default `argsort` (`kind='quicksort'`, an introsort) for numbers, ported so that
 * ties come out in numpy's order (scikit-learn's GroupKFold depends on it).
 */
// Port of numpy's numpy/core/src/npysort/quicksort.cpp aquicksort_ (BSD-3-Clause).
export function argsortQuick(v: ArrayLike<number>): number[] {
  const num = v.length;
  const tosort = Array.from({ length: num }, (_, i) => i);
  if (num < 2) return tosort;
  const swap = (a: number, b: number) => {
    const t = tosort[a]!;
    tosort[a] = tosort[b]!;
    tosort[b] = t;
  };
  const val = (p: number) => v[tosort[p]!]!;
  const stack: number[] = [];
  const depthStack: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = Math.floor(Math.log2(num)) * 2;
  for (;;) {
    if (cdepth < 0) {
      aheapsort(v, tosort, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (val(pm) < val(pl)) swap(pm, pl);
        if (val(pr) < val(pm)) swap(pr, pm);
        if (val(pm) < val(pl)) swap(pm, pl);
        const vp = val(pm);
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (val(pi) < vp);
          do --pj;
          while (vp < val(pj));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        const pk = pr - 1;
        swap(pi, pk);
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depthStack.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = tosort[pi]!;
        const vp = v[vi]!;
        let pj = pi;
        let pk = pi - 1;
        while (pj > pl && vp < val(pk)) tosort[pj--] = tosort[pk--]!;
        tosort[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depthStack.pop()!;
  }
  return tosort;
}

// numpy's aheapsort_ on tosort[start .. start + n).
function aheapsort(v: ArrayLike<number>, tosort: number[], start: number, n: number): void {
  const a = (k: number) => start + k - 1; // 1-based view
  let i: number, j: number, l: number, tmp: number;
  for (l = n >> 1; l > 0; --l) {
    tmp = tosort[a(l)]!;
    for (i = l, j = l << 1; j <= n;) {
      if (j < n && v[tosort[a(j)]!]! < v[tosort[a(j + 1)]!]!) j += 1;
      if (v[tmp]! < v[tosort[a(j)]!]!) {
        tosort[a(i)] = tosort[a(j)]!;
        i = j;
        j += j;
      } else break;
    }
    tosort[a(i)] = tmp;
  }
  for (; n > 1;) {
    tmp = tosort[a(n)]!;
    tosort[a(n)] = tosort[a(1)]!;
    n -= 1;
    for (i = 1, j = 2; j <= n;) {
      if (j < n && v[tosort[a(j)]!]! < v[tosort[a(j + 1)]!]!) j++;
      if (v[tmp]! < v[tosort[a(j)]!]!) {
        tosort[a(i)] = tosort[a(j)]!;
        i = j;
        j += j;
      } else break;
    }
    tosort[a(i)] = tmp;
  }
}

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
