/**
 * Splitters, cross-validation (`crossValScore`, `crossValidate`, `crossValPredict`) and
 * hyperparameter search (`GridSearchCV`, `RandomizedSearchCV`) for any scikeras-ts estimator.
 *
 * @packageDocumentation
 * @module \@scikeras/model-selection
 */
export { RandomState, checkRandomState, type RandomStateLike } from './RandomState';
export {
  BaseCrossValidator,
  type CrossValidator,
  type Split,
} from './splitters/BaseCrossValidator';
export { KFold, type KFoldParams } from './splitters/KFold';
export { StratifiedKFold, type StratifiedKFoldParams } from './splitters/StratifiedKFold';
export { GroupKFold, type GroupKFoldParams } from './splitters/GroupKFold';
export { LeaveOneOut } from './splitters/LeaveOneOut';
export { PredefinedSplit, type PredefinedSplitParams } from './splitters/PredefinedSplit';
export { RepeatedKFold, RepeatedSplits, type RepeatedKFoldParams } from './splitters/RepeatedKFold';
export {
  RepeatedStratifiedKFold,
  type RepeatedStratifiedKFoldParams,
} from './splitters/RepeatedStratifiedKFold';
export { ShuffleSplit, type ShuffleSplitParams } from './splitters/ShuffleSplit';
export {
  StratifiedShuffleSplit,
  type StratifiedShuffleSplitParams,
} from './splitters/StratifiedShuffleSplit';
export { checkCv, type CvLike } from './splitters/checkCv';
export { trainTestSplit, type TrainTestSplitOptions } from './splitters/trainTestSplit';
export { ParameterGrid, type ParamGridSpec } from './search/ParameterGrid';
export { ParameterSampler, type ParamDistributions } from './search/ParameterSampler';
export {
  uniform,
  loguniform,
  randint,
  isDistribution,
  type Distribution,
} from './search/distributions';
export {
  crossValidate,
  type CrossValidateOptions,
  type CrossValidateResult,
} from './validation/crossValidate';
export { crossValScore, type CrossValScoreOptions } from './validation/crossValScore';
export { crossValPredict, type CrossValPredictOptions } from './validation/crossValPredict';
export { BaseSearchCV, type BaseSearchCVParams } from './search/BaseSearchCV';
export { GridSearchCV, type GridSearchCVParams } from './search/GridSearchCV';
export { RandomizedSearchCV, type RandomizedSearchCVParams } from './search/RandomizedSearchCV';
export type { ParamGridFor, ParamDistributionsFor, BestParams } from './search/typedParamGrid';
export type { FitTask, TaskSpec, TaskContextSpec, TaskResult } from './execution/FitTask';
export type { Executor, ExecutorRunOptions, Job } from './execution/Executor';
export { SequentialExecutor } from './execution/SequentialExecutor';
export { makeExecutor } from './execution/makeExecutor';
export { runTask, type LiveTaskContext } from './execution/runTask';
export {
  toTaskContextSpec,
  toTaskSpec,
  fromTaskContextSpec,
  fromTaskSpec,
  toTransferable,
} from './execution/jobSpec';
export {
  ProgressReporter,
  type ProgressEvent,
  type OnProgress,
  type ProgressReporterOptions,
} from './execution/ProgressReporter';
export type { Scoring } from './execution/scoring';
export type { MakeExecutorOptions } from './execution/makeExecutor';
export { toErrorRecord, fromErrorRecord, type ErrorRecord } from './execution/errorRecord';
export {
  describeTask,
  failedResult,
  timeoutFailure,
  workerDiedFailure,
} from './execution/taskFailures';
