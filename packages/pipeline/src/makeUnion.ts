// Port of scikit-learn's sklearn/pipeline.py make_union (BSD-3-Clause).
import { FeatureUnion, type FeatureUnionParams } from './FeatureUnion';
import { nameEstimators } from './internal/nameEstimators';
import { trailingOptions } from './internal/trailingOptions';
import type { StepEstimator } from './types';

/** Options of {@link makeUnion}: `nJobs`, `verbose`, `verboseFeatureNamesOut` (no weights, as in scikit-learn). */
export type MakeUnionOptions = Pick<
  FeatureUnionParams,
  'nJobs' | 'verbose' | 'verboseFeatureNamesOut'
>;

/**
 * A FeatureUnion of the given transformers, named after their classes in lower case,
 * scikit-learn's `make_union`. A trailing plain object gives `nJobs`, `verbose` and
 * `verboseFeatureNamesOut`.
 *
 * @param args - the transformers (or `'drop'`/`'passthrough'`), then optionally the options
 * @returns the FeatureUnion
 * @throws TypeError for an unknown option ("makeUnion() got an unexpected option 'transformerWeights'")
 * @example
 * ```ts
 * makeUnion(new StandardScaler(), 'passthrough').transformerList.map(([n]) => n); // ['standardscaler', 'passthrough']
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.pipeline.make_union.html
 */
export function makeUnion(
  ...args: (StepEstimator | 'drop' | 'passthrough' | MakeUnionOptions)[]
): FeatureUnion {
  const [items, options] = trailingOptions<
    StepEstimator | 'drop' | 'passthrough',
    MakeUnionOptions
  >('makeUnion', args, ['nJobs', 'verbose', 'verboseFeatureNamesOut']);
  return new FeatureUnion({ transformerList: nameEstimators(items), ...options });
}
