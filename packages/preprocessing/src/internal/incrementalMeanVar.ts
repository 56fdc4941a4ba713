// Port of scikit-learn's sklearn/utils/extmath.py _incremental_mean_and_var (BSD-3-Clause):
// Chan, Golub and LeVeque's update of a mean and variance with a new batch, NaNs ignored.
import { infiniteInputError, type Rows } from './dense';

/** Running statistics per feature. */
export interface MeanVar {
  mean: Float64Array;
  /** null when the variance is not tracked (scikit-learn's `last_variance=None`). */
  variance: Float64Array | null;
  count: Float64Array;
}

/** Per-feature sums and counts of the non-NaN values (weighted when `w` is given). */
function sumsAndCounts(X: Rows, w: Float64Array | null): { sum: Float64Array; cnt: Float64Array } {
  const { n, d, data } = X;
  const sum = new Float64Array(d);
  const cnt = new Float64Array(d);
  if (data && X.unchecked) {
    if (!w) return bufferSums(data, d);
    for (let k = 0; k < data.length; k++) {
      const v = data[k]!;
      if (v - v !== 0 && v === v) throw infiniteInputError();
    }
  }
  for (let i = 0; i < n; i++) {
    // a buffer is read in place (no view per row)
    const r = data ?? X.row(i);
    const off = data ? i * d : 0;
    const wi = w ? w[i]! : 1;
    for (let j = 0; j < d; j++) {
      const v = r[off + j]!;
      if (v === v) {
        sum[j] = sum[j]! + (w ? wi * v : v);
        cnt[j] = cnt[j]! + wi;
      }
    }
  }
  return { sum, cnt };
}

/**
 * {@link sumsAndCounts} over an unchecked buffer without weights, one loop: it also reports
 * Infinity (the check `validateRows` deferred), with checkArray's message.
 */
function bufferSums(data: Float64Array, d: number): { sum: Float64Array; cnt: Float64Array } {
  const sum = new Float64Array(d);
  const cnt = new Float64Array(d);
  let infinite = false;
  for (let off = 0; off < data.length; off += d) {
    for (let j = 0; j < d; j++) {
      const v = data[off + j]!;
      if (v === v) {
        if (v - v !== 0) infinite = true;
        sum[j] = sum[j]! + v;
        cnt[j] = cnt[j]! + 1;
      }
    }
  }
  if (infinite) throw infiniteInputError();
  return { sum, cnt };
}

/** Per-feature sums of `(x - t)` and `(x - t)^2` over the non-NaN values (weighted). */
function centredSums(
  X: Rows,
  t: Float64Array,
  w: Float64Array | null,
): { corr: Float64Array; sq: Float64Array } {
  const { n, d, data } = X;
  const corr = new Float64Array(d);
  const sq = new Float64Array(d);
  if (data && !w) {
    // the common case in one tight loop over the buffer
    for (let off = 0; off < data.length; off += d) {
      for (let j = 0; j < d; j++) {
        const v = data[off + j]!;
        if (v !== v) continue;
        const c = v - t[j]!;
        corr[j] = corr[j]! + c;
        sq[j] = sq[j]! + c * c;
      }
    }
    return { corr, sq };
  }
  for (let i = 0; i < n; i++) {
    const r = data ?? X.row(i);
    const off = data ? i * d : 0;
    const wi = w ? w[i]! : 1;
    for (let j = 0; j < d; j++) {
      const v = r[off + j]!;
      if (v !== v) continue;
      const c = v - t[j]!;
      if (w) {
        corr[j] = corr[j]! + wi * c;
        sq[j] = sq[j]! + wi * (c * c);
      } else {
        corr[j] = corr[j]! + c;
        sq[j] = sq[j]! + c * c;
      }
    }
  }
  return { corr, sq };
}

/**
 * Updates a running mean (and variance) with a new batch of rows, NaNs ignored, as
 * scikit-learn's `_incremental_mean_and_var`.
 *
 * @param X - the new batch
 * @param last - the statistics so far (counts 0 on the first batch)
 * @param w - sample weights, or null
 * @returns the updated statistics (new arrays)
 */
export function incrementalMeanVar(X: Rows, last: MeanVar, w: Float64Array | null): MeanVar {
  const d = X.d;
  const { sum: newSum, cnt: newCount } = sumsAndCounts(X, w);
  const mean = new Float64Array(d);
  const count = new Float64Array(d);
  const lastSum = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    lastSum[j] = last.mean[j]! * last.count[j]!;
    count[j] = last.count[j]! + newCount[j]!;
    mean[j] = (lastSum[j]! + newSum[j]!) / count[j]!;
  }
  if (last.variance === null) return { mean, variance: null, count };
  const t = new Float64Array(d);
  for (let j = 0; j < d; j++) t[j] = newSum[j]! / newCount[j]!;
  const { corr, sq } = centredSums(X, t, w);
  const variance = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const newUnnorm = sq[j]! - (corr[j]! * corr[j]!) / newCount[j]!;
    const lastCount = last.count[j]!;
    let unnorm: number;
    if (lastCount === 0) unnorm = newUnnorm;
    else {
      const lastOverNew = lastCount / newCount[j]!;
      const diff = lastSum[j]! / lastOverNew - newSum[j]!;
      unnorm =
        last.variance[j]! * lastCount + newUnnorm + (lastOverNew / count[j]!) * (diff * diff);
    }
    variance[j] = unnorm / count[j]!;
  }
  return { mean, variance, count };
}
