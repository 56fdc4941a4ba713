// Numeric X for the scalers and friends: scikit-learn's BaseEstimator._validate_data (feature
// names, check_array with allow-nan, n_features_in_) over estimator-core's checkArray.
import {
  checkArray,
  checkFeatureNames,
  checkNFeatures,
  featureNamesToRead,
  isRecordArray,
  matrixToRows,
  recordsToRows,
  ValueError,
} from '@scikeras/estimator-core';

/** A validated numeric matrix: row-major float64 values. */
export interface Dense {
  data: Float64Array;
  n: number;
  d: number;
  /** The feature names of X (records), if any. */
  names?: string[];
}

/** Options of {@link validateNumeric}. */
export interface ValidateNumericOptions {
  /** In `fit` (nothing to check; see {@link recordInput}) or later (check them). */
  reset: boolean;
  /** Allow NaN (scikit-learn's `force_all_finite='allow-nan'`). @defaultValue true */
  allowNan?: boolean;
  /** Check feature names and the number of features (false for `inverseTransform`). @defaultValue true */
  checkFitted?: boolean;
  /** The argument's name in messages. @defaultValue 'X' */
  inputName?: string;
  /**
   * In a fit (`reset`) with NaN allowed: leave the Infinity check to the caller's first pass over
   * the buffer (`Rows.unchecked`), one pass less over X. @defaultValue false
   */
  deferInfinite?: boolean;
}

/** assertAllFinite's error for an infinite value in float64 X. */
export function infiniteInputError(): ValueError {
  return new ValueError("Input X contains infinity or a value too large for dtype('float64').");
}

function deferred(opts: ValidateNumericOptions): boolean {
  return opts.deferInfinite === true && opts.reset && opts.allowNan !== false;
}

/**
 * Validates numeric X like scikit-learn's `_validate_data(X, dtype=FLOAT_DTYPES, ...)`: the
 * feature names of records, then `checkArray`, then the number of features.
 *
 * @returns the values as row-major float64 (never the caller's array when it may be written)
 */
export function validateNumeric(est: object, X: unknown, opts: ValidateNumericOptions): Dense {
  const checkFitted = opts.checkFitted ?? true;
  const names = isRecordArray(X) ? featureNamesToRead(est, X) : undefined;
  if (checkFitted && !opts.reset) checkFeatureNames(est, names, false);
  const a = checkArray(names ? recordsToRows(X as never, names) : X, {
    forceAllFinite: opts.allowNan === false ? true : deferred(opts) ? false : 'allow-nan',
    estimator: est,
    dtype: 'float64',
    inputName: opts.inputName,
  });
  if (checkFitted && !opts.reset) checkNFeatures(est, a.shape[1], false);
  return { data: a.data as Float64Array, n: a.shape[0], d: a.shape[1], names };
}

/**
 * Records `nFeaturesIn_` and `featureNamesIn_` of the X a fit used: called once everything
 * else was validated, so that a failed fit leaves the old state alone.
 */
export function recordInput(est: object, X: { d: number; names?: string[] }): void {
  checkNFeatures(est, X.d, true);
  checkFeatureNames(est, X.names, true);
}

/**
 * Checks the width of data given to `inverseTransform` (scikit-learn relies on numpy
 * broadcasting there, which fails with a shape message; we say what is expected).
 */
export function checkWidth(est: object, d: number): void {
  checkNFeatures(est, d, false);
}

/** Row-major values as `number[][]` (estimator-core's {@link matrixToRows}). */
export const toRows = matrixToRows;

/** Validated numeric rows, read one row at a time (plain rows as given, or views of a buffer). */
export interface Rows {
  n: number;
  d: number;
  names?: string[];
  /** Row `i` (do not keep or write it). */
  row(i: number): ArrayLike<number>;
  /** The row-major values, when X was validated into (or given as) one buffer: read `data[i * d + j]`. */
  data?: Float64Array;
  /** `data` may hold Infinity: the first pass over it must throw {@link infiniteInputError} (`deferInfinite`). */
  unchecked?: boolean;
}

/**
 * Plain `number[][]` checked in one scan (numbers only, no Infinity, NaN when allowed, one
 * width), or null when the general path must handle X (and give its messages).
 */
function plainRows(X: unknown, allowNan: boolean): (readonly number[])[] | null {
  if (!Array.isArray(X) || X.length === 0) return null;
  const d = Array.isArray(X[0]) ? (X[0] as unknown[]).length : -1;
  if (d < 1) return null;
  for (let i = 0; i < X.length; i++) {
    const r: unknown = X[i];
    if (!Array.isArray(r) || r.length !== d) return null;
    for (let j = 0; j < d; j++) {
      const v: unknown = r[j];
      if (typeof v !== 'number' || (v - v !== 0 && !(allowNan && v !== v))) return null;
    }
  }
  return X as (readonly number[])[];
}

/**
 * {@link validateNumeric} for the fits that read X once or twice row by row: plain rows of
 * numbers are used as they are (no copy into a new buffer, whose fresh pages cost more than the
 * reads), other forms go through `checkArray`.
 */
export function validateRows(est: object, X: unknown, opts: ValidateNumericOptions): Rows {
  const rows = plainRows(X, opts.allowNan !== false);
  if (rows) {
    const d = rows[0]!.length;
    if ((opts.checkFitted ?? true) && !opts.reset) {
      checkFeatureNames(est, undefined, false);
      checkNFeatures(est, d, false);
    }
    return { n: rows.length, d, row: (i) => rows[i]! };
  }
  const { data, n, d, names } = validateNumeric(est, X, opts);
  const unchecked = deferred(opts);
  return { n, d, names, data, unchecked, row: (i) => data.subarray(i * d, (i + 1) * d) };
}
