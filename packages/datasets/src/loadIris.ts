// Port of scikit-learn's sklearn/datasets/_base.py load_iris (BSD-3-Clause).
import type { Bunch, LoadOptions, Loaded } from './Bunch';
import { iris } from './data/iris';
import { finishLoad, LOAD_CONSTRAINTS, LOAD_DEFAULTS, splitTable } from './internal/loadDataset';
import { validateParams } from './internal/validateParams';

const FEATURE_NAMES = [
  'sepal length (cm)',
  'sepal width (cm)',
  'petal length (cm)',
  'petal width (cm)',
];

/**
 * Loads the iris data set (classification): 150 samples of 4 measurements (cm) of three iris
 * species, 50 each (Fisher, 1936), embedded in the package exactly as scikit-learn ships it.
 *
 * @param options - `returnXy` for `[data, target]`, `asFrame` for records keyed by feature name
 * @returns the bunch `{ data, target, featureNames, targetNames, DESCR }` (with `frame` when
 *   `asFrame`), or `[data, target]` with `returnXy`
 * @throws InvalidParameterError when an option is not a boolean
 * @throws TypeError for an unknown option
 * @example
 * ```ts
 * const { data, target, targetNames } = loadIris();
 * data.length; // 150
 * targetNames[target[100]]; // 'virginica'
 * const [X, y] = loadIris({ returnXy: true });
 * const { frame } = loadIris({ asFrame: true });
 * frame[0]; // { 'sepal length (cm)': 5.1, ..., 'petal width (cm)': 0.2, target: 0 }
 * ```
 * @remarks scikit-learn's `filename` and `data_module` keys are left out: the data is embedded,
 *   not read from a file.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.datasets.load_iris.html
 */
export function loadIris<const O extends LoadOptions = Record<never, never>>(
  options?: O,
): Loaded<Bunch, O> {
  const opts = validateParams('loadIris', LOAD_DEFAULTS, options, LOAD_CONSTRAINTS);
  const { X, y } = splitTable(iris);
  const rest = { targetNames: [...iris.targetNames!], DESCR: iris.descr };
  return finishLoad(X, y, [...FEATURE_NAMES], rest, opts) as Loaded<Bunch, O>;
}
