// The scalers' transform and inverse: `(x - shift) / scale` or `x * scale + shift` per column,
// with a one-pass path for plain rows of numbers (no intermediate copy of X).
import { checkFeatureNames } from '@scikeras/estimator-core';
import { checkWidth, validateNumeric, type Dense } from './dense';

/**
 * Applies `(x - shift) / scale` (or `x * scale + shift` when `inverse`) column by column; a
 * null `shift` or `scale` is skipped (scikit-learn's `with_mean=False` / `with_std=False`).
 */
export function affineRows(
  X: Dense,
  shift: ArrayLike<number> | null,
  scale: ArrayLike<number> | null,
  inverse: boolean,
): number[][] {
  const { data, n, d } = X;
  const out: number[][] = [];
  const sh = shift ? Float64Array.from(shift) : null;
  const sc = scale ? Float64Array.from(scale) : null;
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(d);
    const off = i * d;
    for (let j = 0; j < d; j++) {
      let v = data[off + j]!;
      if (inverse) {
        if (sc) v *= sc[j]!;
        if (sh) v += sh[j]!;
      } else {
        if (sh) v -= sh[j]!;
        if (sc) v /= sc[j]!;
      }
      row[j] = v;
    }
    out[i] = row;
  }
  return out;
}

/** Options of {@link affineTransform}. */
export interface AffineOptions {
  /** `x * scale + shift` instead of `(x - shift) / scale`. */
  inverse: boolean;
  /** X is the input of `inverseTransform` (only its width is checked, as scikit-learn's check_array). */
  inverseInput?: boolean;
}

/**
 * One pass over plain rows of numbers: the output rows, or null at the first thing the general
 * path must handle (a non-array row, a wrong width, a non-number or an infinite value), so that
 * its errors are the usual ones.
 */
function affineFast(
  X: unknown,
  d: number,
  shift: ArrayLike<number> | null,
  scale: ArrayLike<number> | null,
  inverse: boolean,
): number[][] | null {
  if (!Array.isArray(X) || X.length === 0) return null;
  const sh = shift ? Float64Array.from(shift) : new Float64Array(d);
  const sc = scale ? Float64Array.from(scale) : new Float64Array(d).fill(1);
  const out: number[][] = [];
  for (let i = 0; i < X.length; i++) {
    const r: unknown = X[i];
    if (!Array.isArray(r) || r.length !== d) return null;
    const row = new Array<number>(d);
    for (let j = 0; j < d; j++) {
      const v: unknown = r[j];
      // numbers only, NaN allowed, Infinity not (assertAllFinite's test)
      if (typeof v !== 'number' || (v - v !== 0 && v === v)) return null;
      let y = v;
      if (inverse) {
        if (scale) y *= sc[j]!;
        if (shift) y += sh[j]!;
      } else {
        if (shift) y -= sh[j]!;
        if (scale) y /= sc[j]!;
      }
      row[j] = y;
    }
    out.push(row);
  }
  return out;
}

/**
 * A scaler's `transform` or `inverseTransform`: validates X like scikit-learn (feature names,
 * allow-nan, number of features) and applies the affine map column by column.
 */
export function affineTransform(
  est: { nFeaturesIn_?: number; featureNamesIn_?: string[] },
  X: unknown,
  shift: ArrayLike<number> | null,
  scale: ArrayLike<number> | null,
  options: AffineOptions,
): number[][] {
  const d = est.nFeaturesIn_!;
  const fast = affineFast(X, d, shift, scale, options.inverse);
  if (fast) {
    if (!options.inverseInput) checkFeatureNames(est, undefined, false); // warns if fitted on records
    return fast;
  }
  const Xd: Dense = validateNumeric(est, X, { reset: false, checkFitted: !options.inverseInput });
  if (options.inverseInput) checkWidth(est, Xd.d);
  return affineRows(Xd, shift, scale, options.inverse);
}
