// Port of scikit-learn's sklearn/datasets/_base.py load_wine (BSD-3-Clause).
import type { Bunch, LoadOptions, Loaded } from './Bunch';
import { wine } from './data/wine';
import { finishLoad, LOAD_CONSTRAINTS, LOAD_DEFAULTS, splitTable } from './internal/loadDataset';
import { validateParams } from './internal/validateParams';

const FEATURE_NAMES = [
  'alcohol',
  'malic_acid',
  'ash',
  'alcalinity_of_ash',
  'magnesium',
  'total_phenols',
  'flavanoids',
  'nonflavanoid_phenols',
  'proanthocyanins',
  'color_intensity',
  'hue',
  'od280/od315_of_diluted_wines',
  'proline',
];

/**
 * Loads the wine recognition data set (classification): 178 samples of 13 chemical measurements
 * of wines from three cultivars (59, 71 and 48 samples), embedded in the package exactly as
 * scikit-learn ships it.
 *
 * @param options - `returnXy` for `[data, target]`, `asFrame` for records keyed by feature name
 * @returns the bunch `{ data, target, featureNames, targetNames, DESCR }` (with `frame` when
 *   `asFrame`), or `[data, target]` with `returnXy`
 * @throws InvalidParameterError when an option is not a boolean
 * @throws TypeError for an unknown option
 * @example
 * ```ts
 * const { data, target, targetNames } = loadWine();
 * [data.length, data[0].length]; // [178, 13]
 * [10, 80, 140].map((i) => target[i]); // [0, 1, 2]
 * targetNames; // ['class_0', 'class_1', 'class_2']
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.datasets.load_wine.html
 */
export function loadWine<const O extends LoadOptions = Record<never, never>>(
  options?: O,
): Loaded<Bunch, O> {
  const opts = validateParams('loadWine', LOAD_DEFAULTS, options, LOAD_CONSTRAINTS);
  const { X, y } = splitTable(wine);
  const rest = { targetNames: [...wine.targetNames!], DESCR: wine.descr };
  return finishLoad(X, y, [...FEATURE_NAMES], rest, opts) as Loaded<Bunch, O>;
}
