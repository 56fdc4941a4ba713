// Transformer outputs as rows, weighting and horizontal stacking (numpy's hstack for 2-D outputs).
import {
  ValueError,
  isArray2D,
  isMatrix,
  isTensorLike,
  isTypedArray,
  toArray2D,
} from '@scikeras/estimator-core';

function freeTensor(value: unknown): void {
  const dispose = (value as { dispose?: unknown }).dispose;
  if (typeof dispose === 'function') (dispose as () => void).call(value);
}

/**
 * The rows of a 2-D transformer output (`number[][]`, typed-array rows, `{ data, shape }`,
 * Matrix, Tensor2D; rows of raw values where a passthrough keeps strings), or `null` when the
 * output is not 2-D. A tensor is read and then disposed: it was made for this call.
 */
export function outputRows(Xt: unknown): unknown[][] | null {
  if (Array.isArray(Xt)) {
    const rows: unknown[][] = [];
    for (const r of Xt) {
      if (Array.isArray(r)) rows.push(r);
      else if (isTypedArray(r)) rows.push(Array.from(r));
      else return null;
    }
    return rows;
  }
  if (isArray2D(Xt) || isMatrix(Xt) || (isTensorLike(Xt) && Xt.rank === 2)) {
    const { data, shape } = toArray2D(Xt);
    if (isTensorLike(Xt)) freeTensor(Xt);
    const [n, d] = shape;
    return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
  }
  return null;
}

/** Multiplies an output by a transformer weight (scikit-learn's `res * weight`); no weight: unchanged. */
export function scaleOutput(Xt: unknown, weight: number | null | undefined): unknown {
  if (weight === null || weight === undefined) return Xt;
  const rows = outputRows(Xt);
  if (rows !== null) return rows.map((r) => r.map((v) => (v as number) * weight));
  if (Array.isArray(Xt) || isTypedArray(Xt))
    return Array.from(Xt as ArrayLike<number>, (v) => v * weight);
  return Xt;
}

/**
 * Stacks 2-D outputs side by side into one `number[][]` (numpy's `hstack`); no output at all
 * gives `nRows` empty rows.
 *
 * @throws ValueError when the outputs have different numbers of rows
 */
export function hstack(parts: readonly unknown[][][], nRows: number): number[][] {
  if (parts.length === 0) return Array.from({ length: nRows }, () => []);
  const n = parts[0]!.length;
  for (const p of parts) {
    if (p.length !== n) {
      throw new ValueError(
        `all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has size ${n} and another has size ${p.length}`,
      );
    }
  }
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: unknown[] = [];
    for (const p of parts) {
      const r = p[i]!;
      for (let j = 0; j < r.length; j++) row.push(r[j]);
    }
    out[i] = row as number[];
  }
  return out;
}
