// Numeric X for the scalers and friends: scikit-learn's BaseEstimator._validate_data (feature
// names, check_array with allow-nan, n_features_in_) over estimator-core's checkArray.
import {
  checkArray,
  checkFeatureNames,
  checkNFeatures,
  featureNamesToRead,
  isRecordArray,
  recordsToRows,
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
    forceAllFinite: opts.allowNan === false ? true : 'allow-nan',
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

/**
 * Row-major values as `number[][]` (one new array per row). Row lists are grown in order:
 * `new Array(n)` past 100,000 items starts as a slow dictionary in V8.
 */
export function toRows(data: ArrayLike<number>, n: number, d: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(d);
    const off = i * d;
    for (let j = 0; j < d; j++) row[j] = data[off + j]!;
    out[i] = row;
  }
  return out;
}
