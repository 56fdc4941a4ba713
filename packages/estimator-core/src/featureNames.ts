// Port of scikit-learn's sklearn/base.py _check_feature_names and sklearn/utils/validation.py
// _check_feature_names_in (BSD-3-Clause), for arrays of records.
import { estimatorName } from './checkArray';
import { ValueError } from './errors';
import { isRecordArray, recordKeys } from './records';
import { warn } from './warnings';

interface WithFeatureNames {
  featureNamesIn_?: string[];
  nFeaturesIn_?: number;
}

/**
 * The feature names of `X` (scikit-learn's `_get_feature_names`): the keys of an array of
 * records, `undefined` for every other form (plain rows, typed arrays, Matrix, tensors).
 *
 * @param X - the input
 * @returns the column names, or undefined when X has none
 * @example
 * ```ts
 * getFeatureNames([{ age: 31, city: 'Oslo' }]); // ['age', 'city']
 * getFeatureNames([[31, 0]]); // undefined
 * ```
 */
export function getFeatureNames(X: unknown): string[] | undefined {
  if (!isRecordArray(X)) return undefined;
  const keys = recordKeys(X);
  return keys.length > 0 ? keys : undefined;
}

/**
 * The columns to read from `X` for an estimator: `X`'s own feature names, except that records
 * holding exactly the fitted names (in any key order) are read in the fitted order.
 *
 * @param estimator - the estimator (with or without `featureNamesIn_`)
 * @param X - the input
 * @returns the column names in read order, or undefined when X has none
 * @example
 * ```ts
 * // fitted on [{ a, b }]: records written { b, a } are read as [a, b]
 * featureNamesToRead(scaler, [{ b: 2, a: 1 }]); // ['a', 'b']
 * ```
 * @remarks scikit-learn requires a DataFrame's columns in the fitted order; the key order of a
 * JavaScript object is incidental (integer-like keys always come first), so records are
 * matched by name.
 */
export function featureNamesToRead(estimator: object, X: unknown): string[] | undefined {
  const names = getFeatureNames(X);
  const fitted = (estimator as WithFeatureNames).featureNamesIn_;
  if (names === undefined || fitted === undefined || names.length !== fitted.length) return names;
  const set = new Set(names);
  return fitted.every((f) => set.has(f)) ? [...fitted] : names;
}

function listNames(names: string[]): string {
  let out = '';
  for (let i = 0; i < names.length; i++) {
    if (i >= 5) {
      out += '- ...\n';
      break;
    }
    out += `- ${names[i]}\n`;
  }
  return out;
}

/**
 * Records (`reset`) or checks the feature names an estimator was fitted on
 * (`featureNamesIn_`), scikit-learn's `_check_feature_names`.
 *
 * @param estimator - the estimator, which gets or holds `featureNamesIn_`
 * @param names - the feature names of the X at hand (see {@link getFeatureNames}), or undefined
 * @param reset - true in `fit` (record, or delete when X has none), false afterwards (check)
 * @throws ValueError "The feature names should match those that were passed during fit.\n..."
 * @example
 * ```ts
 * checkFeatureNames(this, getFeatureNames(X), true); // in fit
 * ```
 * @remarks Warns (UserWarning) when only one of fit and X had names, as scikit-learn does.
 */
export function checkFeatureNames(
  estimator: object,
  names: readonly string[] | undefined,
  reset: boolean,
): void {
  const est = estimator as WithFeatureNames;
  if (reset) {
    if (names !== undefined) est.featureNamesIn_ = [...names];
    else delete est.featureNamesIn_;
    return;
  }
  const fitted = est.featureNamesIn_;
  if (fitted === undefined && names === undefined) return;
  const who = estimatorName(estimator);
  if (fitted === undefined) {
    warn(`X has feature names, but ${who} was fitted without feature names`);
    return;
  }
  if (names === undefined) {
    warn(`X does not have valid feature names, but ${who} was fitted with feature names`);
    return;
  }
  if (fitted.length === names.length && fitted.every((f, i) => f === names[i])) return;
  const fittedSet = new Set(fitted);
  const xSet = new Set(names);
  const unexpected = [...xSet].filter((n) => !fittedSet.has(n)).sort();
  const missing = [...fittedSet].filter((n) => !xSet.has(n)).sort();
  let message = 'The feature names should match those that were passed during fit.\n';
  if (unexpected.length > 0)
    message += 'Feature names unseen at fit time:\n' + listNames(unexpected);
  if (missing.length > 0)
    message += 'Feature names seen at fit time, yet now missing:\n' + listNames(missing);
  if (unexpected.length === 0 && missing.length === 0)
    message += 'Feature names must be in the same order as they were in fit.\n';
  throw new ValueError(message);
}

/**
 * The input feature names for `getFeatureNamesOut` (scikit-learn's `_check_feature_names_in`):
 * `inputFeatures` when given (checked against `featureNamesIn_` and `nFeaturesIn_`), else
 * `featureNamesIn_`, else `['x0', 'x1', ...]`.
 *
 * @param estimator - a fitted estimator
 * @param inputFeatures - names given by the caller, or undefined
 * @param generateNames - generate `x0, x1, ...` when there are no names @defaultValue true
 * @returns the names, or undefined when none exist and `generateNames` is false
 * @throws ValueError "inputFeatures is not equal to featureNamesIn_"
 * @throws ValueError "inputFeatures should have length equal to number of features (3), got 2"
 * @throws ValueError "Unable to generate feature names without nFeaturesIn_"
 * @example
 * ```ts
 * checkFeatureNamesIn({ nFeaturesIn_: 2 }); // ['x0', 'x1']
 * ```
 */
export function checkFeatureNamesIn(
  estimator: object,
  inputFeatures?: readonly string[] | null,
  generateNames = true,
): string[] | undefined {
  const est = estimator as WithFeatureNames;
  const fitted = est.featureNamesIn_;
  const n = est.nFeaturesIn_;
  if (inputFeatures !== undefined && inputFeatures !== null) {
    const given = Array.from(inputFeatures, String);
    if (
      fitted !== undefined &&
      (fitted.length !== given.length || fitted.some((f, i) => f !== given[i]))
    ) {
      throw new ValueError('inputFeatures is not equal to featureNamesIn_');
    }
    if (n !== undefined && given.length !== n) {
      throw new ValueError(
        `inputFeatures should have length equal to number of features (${n}), got ${given.length}`,
      );
    }
    return given;
  }
  if (fitted !== undefined) return [...fitted];
  if (!generateNames) return undefined;
  if (n === undefined)
    throw new ValueError('Unable to generate feature names without nFeaturesIn_');
  return Array.from({ length: n }, (_, i) => `x${i}`);
}
