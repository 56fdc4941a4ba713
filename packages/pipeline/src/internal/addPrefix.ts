// Port of scikit-learn's sklearn/compose/_column_transformer.py _add_prefix_for_feature_names_out
// (BSD-3-Clause).
import { ValueError, pyList } from '@scikeras/estimator-core';

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
