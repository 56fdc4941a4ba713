// Port of scikit-learn's sklearn/pipeline.py make_pipeline (BSD-3-Clause).
import { nameEstimators } from './internal/nameEstimators';
import { trailingOptions } from './internal/trailingOptions';
import { Pipeline, type PipelineParams } from './Pipeline';
import type { StepEstimator } from './types';

/** Options of {@link makePipeline}: the Pipeline params other than `steps`. */
export type MakePipelineOptions = Pick<PipelineParams, 'memory' | 'verbose'>;

/**
 * A Pipeline of the given estimators, named after their classes in lower case
 * (`standardscaler`, `kerasclassifier`; repeated names numbered `transf-1`, `transf-2`),
 * scikit-learn's `make_pipeline`. A trailing plain object gives `memory` and `verbose`.
 *
 * @param args - the estimators (or `'passthrough'`/`null`), then optionally `{ memory, verbose }`
 * @returns the Pipeline
 * @throws TypeError for an unknown option ("makePipeline() got an unexpected option 'foo'")
 * @example
 * ```ts
 * const pipe = makePipeline(new StandardScaler(), clf, { verbose: true });
 * pipe.steps.map(([name]) => name); // ['standardscaler', 'kerasclassifier']
 * ```
 * @remarks The name is the class's registered `static estimatorName` (minifiers rename
 *   classes), else its `constructor.name`; `null` is named `'null'` (Python's `'nonetype'`).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.pipeline.make_pipeline.html
 */
export function makePipeline(
  ...args: (StepEstimator | 'passthrough' | null | MakePipelineOptions)[]
): Pipeline {
  const [steps, options] = trailingOptions<
    StepEstimator | 'passthrough' | null,
    MakePipelineOptions
  >('makePipeline', args, ['memory', 'verbose']);
  return new Pipeline({ steps: nameEstimators(steps), ...options });
}
