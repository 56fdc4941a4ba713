// numpy's np.bincount for non-negative integer codes.

/** numpy's `np.bincount(x, minlength)`. */
export function bincount(x: ArrayLike<number>, minlength = 0): number[] {
  let m = minlength;
  for (let i = 0; i < x.length; i++) m = Math.max(m, x[i]! + 1);
  const out = new Array<number>(m).fill(0);
  for (let i = 0; i < x.length; i++) out[x[i]!]! += 1;
  return out;
}
