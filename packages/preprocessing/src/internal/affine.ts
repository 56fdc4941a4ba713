// The scalers' transform and inverse: `(x - shift) / scale` or `x * scale + shift` per column,
// with a one-pass path for plain rows of numbers (no intermediate copy of X), into rows or into
// one Float64Array (setOutput's 'array2d').
import {
  checkFeatureNames,
  isArray2D,
  type Array2D,
  type WindowWriter,
} from '@scikeras/estimator-core';
import { checkWidth, validateNumeric, type Dense } from './dense';

/** The per-column map: null `shift`/`scale` are skipped (`withMean=false` / `withStd=false`). */
interface AffineMap {
  shift: Float64Array | null;
  scale: Float64Array | null;
  inverse: boolean;
}

function mapOf(
  shift: ArrayLike<number> | null,
  scale: ArrayLike<number> | null,
  inverse: boolean,
): AffineMap {
  return {
    shift: shift ? Float64Array.from(shift) : null,
    scale: scale ? Float64Array.from(scale) : null,
    inverse,
  };
}

/** Writes the map of `src[srcOff + j]` (j < d) to `dst[dstOff + j]`. */
function mapRow(
  m: AffineMap,
  src: ArrayLike<number>,
  srcOff: number,
  dst: { [j: number]: number },
  dstOff: number,
  d: number,
): void {
  const { shift: sh, scale: sc } = m;
  if (m.inverse) {
    for (let j = 0; j < d; j++) {
      let v = src[srcOff + j]!;
      if (sc) v *= sc[j]!;
      if (sh) v += sh[j]!;
      dst[dstOff + j] = v;
    }
  } else {
    for (let j = 0; j < d; j++) {
      let v = src[srcOff + j]!;
      if (sh) v -= sh[j]!;
      if (sc) v /= sc[j]!;
      dst[dstOff + j] = v;
    }
  }
}

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
  const m = mapOf(shift, scale, inverse);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(d);
    mapRow(m, data, i * d, row, 0, d);
    out[i] = row;
  }
  return out;
}

/** `(x - shift) / scale` over a whole buffer: the StandardScaler / RobustScaler transform, one loop. */
function centerScale(
  data: Float64Array,
  d: number,
  sh: Float64Array,
  sc: Float64Array,
): Float64Array {
  const out = new Float64Array(data.length);
  for (let off = 0; off < data.length; off += d)
    for (let j = 0; j < d; j++) out[off + j] = (data[off + j]! - sh[j]!) / sc[j]!;
  return out;
}

/** {@link affineRows} into one row-major Float64Array. */
export function affineDense(
  X: Dense,
  shift: ArrayLike<number> | null,
  scale: ArrayLike<number> | null,
  inverse: boolean,
): Float64Array {
  const { data, n, d } = X;
  const m = mapOf(shift, scale, inverse);
  if (!inverse && m.shift && m.scale) return centerScale(data, d, m.shift, m.scale);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) mapRow(m, data, i * d, out, i * d, d);
  return out;
}

/**
 * The scalers' `transformInto` hook: for an Array2D X (validated as `transform` validates it), a
 * writer of `(x - shift) / scale` into a window of a larger buffer; null for other X.
 */
export function affineWriter(
  est: object,
  X: unknown,
  shift: ArrayLike<number> | null,
  scale: ArrayLike<number> | null,
): WindowWriter | null {
  if (!isArray2D(X)) return null;
  const { data, n, d } = validateNumeric(est, X, { reset: false });
  const m = mapOf(shift, scale, false);
  const write = (out: Float64Array, offset: number, stride: number): boolean => {
    const { shift: sh, scale: sc } = m;
    for (let i = 0, s = 0, o = offset; i < n; i++, s += d, o += stride) {
      if (sh && sc) for (let j = 0; j < d; j++) out[o + j] = (data[s + j]! - sh[j]!) / sc[j]!;
      else mapRow(m, data, s, out, o, d);
    }
    return true;
  };
  return { width: d, write };
}

/** Options of {@link affineTransform}. */
export interface AffineOptions {
  /** `x * scale + shift` instead of `(x - shift) / scale`. */
  inverse: boolean;
  /** X is the input of `inverseTransform` (only its width is checked, as scikit-learn's check_array). */
  inverseInput?: boolean;
  /** Return one `{ data: Float64Array, shape }` instead of rows (setOutput's 'array2d'). */
  typed?: boolean;
}

/** Whether plain rows hold only numbers (NaN allowed, Infinity not) in rows of width `d`. */
function plainNumericRows(X: unknown, d: number): X is (readonly number[])[] {
  if (!Array.isArray(X) || X.length === 0) return false;
  for (let i = 0; i < X.length; i++) {
    const r: unknown = X[i];
    if (!Array.isArray(r) || r.length !== d) return false;
    for (let j = 0; j < d; j++) {
      const v: unknown = r[j];
      // numbers only, NaN allowed, Infinity not (assertAllFinite's test)
      if (typeof v !== 'number' || (v - v !== 0 && v === v)) return false;
    }
  }
  return true;
}

/**
 * One pass over plain rows of numbers: the output rows, or null at the first thing the general
 * path must handle (a non-array row, a wrong width, a non-number or an infinite value), so that
 * its errors are the usual ones.
 */
function affineFastRows(X: unknown, d: number, m: AffineMap): number[][] | null {
  if (!Array.isArray(X) || X.length === 0) return null;
  const out: number[][] = [];
  for (let i = 0; i < X.length; i++) {
    const r: unknown = X[i];
    if (!Array.isArray(r) || r.length !== d) return null;
    for (let j = 0; j < d; j++) {
      const v: unknown = r[j];
      if (typeof v !== 'number' || (v - v !== 0 && v === v)) return null;
    }
    const row = new Array<number>(d);
    mapRow(m, r as number[], 0, row, 0, d);
    out.push(row);
  }
  return out;
}

/**
 * A scaler's `transform` or `inverseTransform`: validates X like scikit-learn (feature names,
 * allow-nan, number of features) and applies the affine map column by column, into rows or
 * (with `typed`) one Float64Array.
 */
export function affineTransform(
  est: { nFeaturesIn_?: number; featureNamesIn_?: string[] },
  X: unknown,
  shift: ArrayLike<number> | null,
  scale: ArrayLike<number> | null,
  options: AffineOptions,
): number[][] | Array2D {
  const d = est.nFeaturesIn_!;
  const m = mapOf(shift, scale, options.inverse);
  if (options.typed && plainNumericRows(X, d)) {
    if (!options.inverseInput) checkFeatureNames(est, undefined, false); // warns if fitted on records
    const n = X.length;
    const out = new Float64Array(n * d);
    for (let i = 0; i < n; i++) mapRow(m, X[i]!, 0, out, i * d, d);
    return { data: out, shape: [n, d] };
  }
  const fast = options.typed ? null : affineFastRows(X, d, m);
  if (fast) {
    if (!options.inverseInput) checkFeatureNames(est, undefined, false); // warns if fitted on records
    return fast;
  }
  const Xd: Dense = validateNumeric(est, X, { reset: false, checkFitted: !options.inverseInput });
  if (options.inverseInput) checkWidth(est, Xd.d);
  if (options.typed)
    return { data: affineDense(Xd, shift, scale, options.inverse), shape: [Xd.n, Xd.d] };
  return affineRows(Xd, shift, scale, options.inverse);
}
