/**
 * A data set embedded in the package by `scripts/embedData.cjs` (see there for the format):
 * an `nRows x nCols` table of numbers (the features, then the target), and scikit-learn's
 * description of it.
 */
export interface EmbeddedDataset {
  nRows: number;
  nCols: number;
  /** Column j holds integers scaled by `10 ** decimals[j]`. */
  decimals: number[];
  /** `[index, value]` of the few values stored exactly instead of in `values`. */
  exceptions: [number, number][];
  /** One character per value (all below 32) and per run of 2-33 zeros. */
  small?: boolean;
  /** The class names of scikit-learn's CSV header (iris, breast cancer, wine). */
  targetNames?: string[];
  /** The encoded table, row-major. */
  values: string;
  /** scikit-learn's DESCR (the `.rst` file, verbatim). */
  descr: string;
}
