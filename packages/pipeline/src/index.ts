/**
 * `Pipeline`, `makePipeline`, `ColumnTransformer`, `makeColumnSelector`, `FeatureUnion`: scikit-learn's
 * composite estimators.
 *
 * @packageDocumentation
 * @module \@scikeras/pipeline
 */
export {
  Pipeline,
  type PipelineParams,
  type PipelineScoreOptions,
  type PipelineArgs,
  type PipelineStepParams,
  type PipelineSettableParams,
} from './Pipeline';
export { makePipeline, type MakePipelineOptions } from './makePipeline';
export { FeatureUnion, type FeatureUnionParams } from './FeatureUnion';
export { makeUnion, type MakeUnionOptions } from './makeUnion';
export { ColumnTransformer, type ColumnTransformerParams } from './ColumnTransformer';
export {
  makeColumnTransformer,
  type MakeColumnTransformerOptions,
  type TransformerColumns,
} from './makeColumnTransformer';
export {
  makeColumnSelector,
  ColumnSelector,
  type ColumnSelectorOptions,
} from './makeColumnSelector';
export { BaseComposition } from './BaseComposition';
export { andThen, isPromiseLike, mapMaybe, reduceMaybe, type MaybePromise } from './maybeAsync';
export type { ColumnDtype } from './internal/table';
export type {
  StepEstimator,
  PipelineStep,
  UnionTransformer,
  ColumnTransformerEntry,
  ColumnSpec,
  ColumnSlice,
  ColumnSelectorLike,
  Memory,
  OutputSlice,
  Passthrough,
} from './types';
