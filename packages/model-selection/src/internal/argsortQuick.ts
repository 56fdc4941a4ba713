// Port of numpy's numpy/core/src/npysort/quicksort.cpp aquicksort_ (BSD-3-Clause).
const SMALL_QUICKSORT = 16;

/**
 * numpy 1.24's default `argsort` (`kind='quicksort'`, an introsort) for numbers, ported so that
 * ties come out in numpy's order (scikit-learn's GroupKFold depends on it).
 */
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
