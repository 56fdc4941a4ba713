// Port of scikit-learn's sklearn/datasets/_base.py load_breast_cancer (BSD-3-Clause).
import type { Bunch, LoadOptions, Loaded } from './Bunch';
import { breastCancer } from './data/breastCancer';
import { finishLoad, LOAD_CONSTRAINTS, LOAD_DEFAULTS, splitTable } from './internal/loadDataset';
import { validateParams } from './internal/validateParams';

const STATS = ['radius', 'texture', 'perimeter', 'area', 'smoothness', 'compactness'];
const MORE = ['concavity', 'concave points', 'symmetry', 'fractal dimension'];
// 'mean radius', ..., 'radius error', ..., 'worst fractal dimension' (scikit-learn's order)
const FEATURE_NAMES = ['mean', 'error', 'worst'].flatMap((kind) =>
  [...STATS, ...MORE].map((s) => (kind === 'error' ? `${s} error` : `${kind} ${s}`)),
);

/**
 * Loads the breast cancer Wisconsin (diagnostic) data set (binary classification): 569 samples
 * of 30 features computed from images of a breast mass, 212 malignant (class 0) and 357 benign
 * (class 1), embedded in the package exactly as scikit-learn ships it.
 *
 * @param options - `returnXy` for `[data, target]`, `asFrame` for records keyed by feature name
 * @returns the bunch `{ data, target, featureNames, targetNames, DESCR }` (with `frame` when
 *   `asFrame`), or `[data, target]` with `returnXy`
 * @throws InvalidParameterError when an option is not a boolean
 * @throws TypeError for an unknown option
 * @example
 * ```ts
 * const { data, target, featureNames, targetNames } = loadBreastCancer();
 * [data.length, featureNames.length]; // [569, 30]
 * targetNames; // ['malignant', 'benign']
 * const [X, y] = loadBreastCancer({ returnXy: true });
 * ```
 * @remarks scikit-learn's `filename` and `data_module` keys are left out: the data is embedded,
 *   not read from a file.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.datasets.load_breast_cancer.html
 */
export function loadBreastCancer<const O extends LoadOptions = Record<never, never>>(
  options?: O,
): Loaded<Bunch, O> {
  const opts = validateParams('loadBreastCancer', LOAD_DEFAULTS, options, LOAD_CONSTRAINTS);
  const { X, y } = splitTable(breastCancer);
  const rest = { targetNames: [...breastCancer.targetNames!], DESCR: breastCancer.descr };
  return finishLoad(X, y, [...FEATURE_NAMES], rest, opts) as Loaded<Bunch, O>;
}
