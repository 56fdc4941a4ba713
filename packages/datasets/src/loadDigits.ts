// Port of scikit-learn's sklearn/datasets/_base.py load_digits (BSD-3-Clause).
import type { DigitsBunch, LoadOptions, Loaded } from './Bunch';
import { digits } from './data/digits';
import { finishLoad, LOAD_CONSTRAINTS, LOAD_DEFAULTS, splitTable } from './internal/loadDataset';
import { int, validateParams } from './internal/validateParams';

// 'pixel_0_0', ..., 'pixel_7_7', row by row
const FEATURE_NAMES = Array.from({ length: 64 }, (_, k) => `pixel_${Math.floor(k / 8)}_${k % 8}`);

/** The options of {@link loadDigits}. */
export interface LoadDigitsOptions extends LoadOptions {
  /**
   * Keep the samples of the digits `0 .. nClass - 1` only.
   * @defaultValue 10
   */
  nClass?: number;
}

/**
 * Loads the optical recognition of handwritten digits data set (classification): 1797 images
 * of 8x8 pixels with values 0 to 16, about 180 per digit (the test set of the UCI data set),
 * embedded in the package exactly as scikit-learn ships it.
 *
 * @param options - `nClass` (keep the digits below it), `returnXy`, `asFrame`
 * @returns the bunch `{ data, target, featureNames, targetNames, images, DESCR }` (with `frame`
 *   when `asFrame`), or `[data, target]` with `returnXy`
 * @throws InvalidParameterError when `nClass` is not an int in [1, 10] or an option not a boolean
 * @throws TypeError for an unknown option
 * @example
 * ```ts
 * const { data, target, images } = loadDigits();
 * [data.length, data[0].length]; // [1797, 64]
 * images[0][2]; // the third pixel row of the first image
 * const [X, y] = loadDigits({ nClass: 2, returnXy: true }); // the 360 zeros and ones
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.datasets.load_digits.html
 */
export function loadDigits<const O extends LoadDigitsOptions = Record<never, never>>(
  options?: O,
): Loaded<DigitsBunch, O> {
  const opts = validateParams('loadDigits', { ...LOAD_DEFAULTS, nClass: 10 }, options, {
    ...LOAD_CONSTRAINTS,
    nClass: [int(1, 10, 'both')],
  });
  let { X, y } = splitTable(digits);
  if (opts.nClass < 10) {
    const keep = y.map((t, i) => (t < opts.nClass ? i : -1)).filter((i) => i >= 0);
    X = keep.map((i) => X[i]!);
    y = keep.map((i) => y[i]!);
  }
  const rest = {
    targetNames: Array.from({ length: 10 }, (_, i) => i),
    images: X.map((row) => Array.from({ length: 8 }, (_, r) => row.slice(8 * r, 8 * r + 8))),
    DESCR: digits.descr,
  };
  return finishLoad(X, y, [...FEATURE_NAMES], rest, opts) as Loaded<DigitsBunch, O>;
}
