// Port of scikit-learn's sklearn/compose/_column_transformer.py make_column_transformer (BSD-3-Clause).
import { ColumnTransformer, type ColumnTransformerParams } from './ColumnTransformer';
import { nameEstimators } from './internal/nameEstimators';
import { trailingOptions } from './internal/trailingOptions';
import type { ColumnSpec, StepEstimator } from './types';

/** Options of {@link makeColumnTransformer}: the ColumnTransformer params but `transformers` and `transformerWeights`. */
export type MakeColumnTransformerOptions = Pick<
  ColumnTransformerParams,
  'remainder' | 'sparseThreshold' | 'nJobs' | 'verbose' | 'verboseFeatureNamesOut'
>;

/** One `[transformer, columns]` pair of {@link makeColumnTransformer}. */
export type TransformerColumns = readonly [
  transformer: StepEstimator | 'drop' | 'passthrough',
  columns: ColumnSpec,
];

/**
 * A ColumnTransformer of `[transformer, columns]` pairs, the transformers named after their
 * classes in lower case (`standardscaler`, `onehotencoder`), scikit-learn's
 * `make_column_transformer`. A trailing plain object gives the other params.
 *
 * @param args - `[transformer, columns]` pairs, then optionally `{ remainder, sparseThreshold, nJobs, verbose, verboseFeatureNamesOut }`
 * @returns the ColumnTransformer
 * @throws TypeError for an unknown option ("makeColumnTransformer() got an unexpected option 'transformerWeights'")
 * @example
 * ```ts
 * const ct = makeColumnTransformer([new StandardScaler(), ['age']], [new OneHotEncoder(), ['city']], { remainder: 'passthrough' });
 * ct.transformers.map(([name]) => name); // ['standardscaler', 'onehotencoder']
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.compose.make_column_transformer.html
 */
export function makeColumnTransformer(
  ...args: (TransformerColumns | MakeColumnTransformerOptions)[]
): ColumnTransformer {
  const [pairs, options] = trailingOptions<TransformerColumns, MakeColumnTransformerOptions>(
    'makeColumnTransformer',
    args,
    ['remainder', 'sparseThreshold', 'nJobs', 'verbose', 'verboseFeatureNamesOut'],
  );
  const named = nameEstimators(pairs.map(([t]) => t));
  return new ColumnTransformer({
    transformers: named.map(([name, t], i) => [name, t, pairs[i]![1]]),
    ...options,
  });
}
