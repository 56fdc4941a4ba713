// Port of scikit-learn's sklearn/datasets/_base.py load_diabetes (1.2, with `scaled`; BSD-3-Clause).
import type { DiabetesBunch, LoadOptions, Loaded } from './Bunch';
import { diabetes } from './data/diabetes';
import { finishLoad, LOAD_CONSTRAINTS, LOAD_DEFAULTS, splitTable } from './internal/loadDataset';
import { validateParams } from './internal/validateParams';

const FEATURE_NAMES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];

/** The options of {@link loadDiabetes}. */
export interface LoadDiabetesOptions extends LoadOptions {
  /**
   * Mean-centre every feature and scale it by its standard deviation times `sqrt(nSamples)`, as
   * scikit-learn has always shipped this data set; `false` gives the raw values (ages in years,
   * `sex` as 1 or 2, ...).
   * @defaultValue true
   */
  scaled?: boolean;
}

/**
 * scikit-learn's `scale(data)` (mean 0, population std 1 per column) followed by
 * `data /= sqrt(nSamples)`.
 */
function scaleColumns(X: number[][]): void {
  const n = X.length;
  const d = X[0]!.length;
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (const row of X) sum += row[j]!;
    const mean = sum / n;
    let ss = 0;
    for (const row of X) ss += (row[j]! - mean) ** 2;
    const std = Math.sqrt(ss / n) || 1; // _handle_zeros_in_scale
    for (const row of X) row[j] = (row[j]! - mean) / std;
  }
  const root = Math.sqrt(n);
  for (const row of X) for (let j = 0; j < d; j++) row[j] = row[j]! / root;
}

/**
 * Loads the diabetes data set (regression): 442 patients, 10 baseline variables (age, sex, body
 * mass index, average blood pressure and six blood serum measurements) and a quantitative
 * measure of disease progression one year later (25 to 346), embedded in the package exactly as
 * scikit-learn ships it.
 *
 * @param options - `returnXy`, `asFrame` and `scaled` (default true: the centred and scaled
 *   features scikit-learn returns; false: the raw ones)
 * @returns the bunch `{ data, target, featureNames, DESCR }` (with `frame` when `asFrame`), or
 *   `[data, target]` with `returnXy`
 * @throws InvalidParameterError when an option is not a boolean
 * @throws TypeError for an unknown option
 * @example
 * ```ts
 * const { data, target, featureNames } = loadDiabetes();
 * [data.length, featureNames.length]; // [442, 10]
 * target[0]; // 151
 * const raw = loadDiabetes({ scaled: false, asFrame: true }).frame;
 * raw[0]; // { age: 59, sex: 2, bmi: 32.1, bp: 101, s1: 157, ..., target: 151 }
 * ```
 * @remarks The raw `sex` column holds 1 or 2 (a categorical column for encoders). scikit-learn's
 *   `data_filename`, `target_filename` and `data_module` keys are left out: the data is embedded.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.datasets.load_diabetes.html
 */
export function loadDiabetes<const O extends LoadDiabetesOptions = Record<never, never>>(
  options?: O,
): Loaded<DiabetesBunch, O> {
  const opts = validateParams('loadDiabetes', { ...LOAD_DEFAULTS, scaled: true }, options, {
    ...LOAD_CONSTRAINTS,
    scaled: ['boolean'],
  });
  const { X, y } = splitTable(diabetes);
  if (opts.scaled) scaleColumns(X);
  return finishLoad(X, y, [...FEATURE_NAMES], { DESCR: diabetes.descr }, opts) as Loaded<
    DiabetesBunch,
    O
  >;
}
