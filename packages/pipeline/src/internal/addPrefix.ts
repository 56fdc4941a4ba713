// Port of scikit-learn's sklearn/utils/validation.py _check_feature_names_in and
// sklearn/compose/_column_transformer.py _add_prefix_for_feature_names_out (BSD-3-Clause).
import { ValueError } from '@scikeras/estimator-core';
import { pyList } from './format';

/**
 * The input feature names of a fitted estimator: `inputFeatures` (checked against
 * `featureNamesIn_` and `nFeaturesIn_`), else `featureNamesIn_`, else `x0, x1, ...`.
 *
 * @throws ValueError "input_features is not equal to feature_names_in_", "input_features should have length equal to number of features (3), got 2", "Unable to generate feature names without n_features_in_"
 */
export function checkFeatureNamesIn(
  estimator: object,
  inputFeatures?: readonly string[] | null,
): string[] {
  const est = estimator as { featureNamesIn_?: readonly string[]; nFeaturesIn_?: number };
  const namesIn = est.featureNamesIn_;
  const nIn = est.nFeaturesIn_;
  if (inputFeatures !== undefined && inputFeatures !== null) {
    const given = Array.from(inputFeatures);
    if (
      namesIn !== undefined &&
      (namesIn.length !== given.length || namesIn.some((n, i) => n !== given[i]))
    )
      throw new ValueError('inputFeatures is not equal to featureNamesIn_');
    if (nIn !== undefined && given.length !== nIn)
      throw new ValueError(
        `inputFeatures should have length equal to number of features (${nIn}), got ${given.length}`,
      );
    return given;
  }
  if (namesIn !== undefined) return [...namesIn];
  if (nIn === undefined)
    throw new ValueError('Unable to generate feature names without nFeaturesIn_');
  return Array.from({ length: nIn }, (_, i) => `x${i}`);
}

/**
 * Joins the feature names of several transformers: `name__feature` when `verbose`, else the
 * bare names, which must then be unique.
 *
 * @throws ValueError "Output feature names: ['a', 'b'] are not unique. Please set verboseFeatureNamesOut=true to add prefixes to feature names"
 */
export function addPrefix(
  parts: readonly [string, readonly string[]][],
  verbose: boolean,
): string[] {
  if (verbose) return parts.flatMap(([name, feats]) => feats.map((f) => `${name}__${f}`));
  const count = new Map<string, number>();
  for (const [, feats] of parts) for (const f of feats) count.set(f, (count.get(f) ?? 0) + 1);
  // Counter.most_common(6): by count, then first seen; then sorted by name
  const top = [...count]
    .map(([n, c], i) => ({ n, c, i }))
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .slice(0, 6)
    .filter((e) => e.c > 1)
    .map((e) => e.n)
    .sort();
  if (top.length > 0) {
    const shown = top.length === 6 ? `${pyList(top.slice(0, 5)).slice(0, -1)}, ...]` : pyList(top);
    throw new ValueError(
      `Output feature names: ${shown} are not unique. Please set verboseFeatureNamesOut=true to add prefixes to feature names`,
    );
  }
  return parts.flatMap(([, feats]) => [...feats]);
}
