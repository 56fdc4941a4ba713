export { RandomState, checkRandomState, type RandomStateLike } from './RandomState';
export { BaseCrossValidator, type CrossValidator, type Split } from './BaseCrossValidator';
export { KFold, type KFoldParams } from './KFold';
export { StratifiedKFold, type StratifiedKFoldParams } from './StratifiedKFold';
export { GroupKFold, type GroupKFoldParams } from './GroupKFold';
export { LeaveOneOut } from './LeaveOneOut';
export { PredefinedSplit, type PredefinedSplitParams } from './PredefinedSplit';
export { RepeatedKFold, RepeatedSplits, type RepeatedKFoldParams } from './RepeatedKFold';
export {
  RepeatedStratifiedKFold,
  type RepeatedStratifiedKFoldParams,
} from './RepeatedStratifiedKFold';
export { ShuffleSplit, type ShuffleSplitParams } from './ShuffleSplit';
export {
  StratifiedShuffleSplit,
  type StratifiedShuffleSplitParams,
} from './StratifiedShuffleSplit';
export { checkCv, type CvLike } from './checkCv';
export { trainTestSplit, type TrainTestSplitOptions } from './trainTestSplit';
export { ParameterGrid, type ParamGridSpec } from './ParameterGrid';
export { ParameterSampler, type ParamDistributions } from './ParameterSampler';
export { uniform, loguniform, randint, isDistribution, type Distribution } from './distributions';
export {
  crossValidate,
  type CrossValidateOptions,
  type CrossValidateResult,
} from './crossValidate';
export { crossValScore, type CrossValScoreOptions } from './crossValScore';
export { crossValPredict, type CrossValPredictOptions } from './crossValPredict';
export { BaseSearchCV, type BaseSearchCVParams } from './BaseSearchCV';
export { GridSearchCV, type GridSearchCVParams } from './GridSearchCV';
export { RandomizedSearchCV, type RandomizedSearchCVParams } from './RandomizedSearchCV';
export type { FitTask, TaskContextSpec, TaskResult } from './FitTask';
export type { Executor, Job } from './Executor';
export { SequentialExecutor } from './SequentialExecutor';
export { WorkerPoolExecutor, type WorkerPoolExecutorOptions } from './WorkerPoolExecutor';
export { makeExecutor } from './makeExecutor';
export { runTask, type LiveTaskContext } from './runTask';
export {
  toTravelSpec,
  fromTravelSpec,
  encodeTravelValue,
  decodeTravelValue,
  type TravelSpec,
  type TravelAddress,
} from './travel';
export {
  ProgressReporter,
  type ProgressEvent,
  type OnProgress,
  type ProgressReporterOptions,
} from './ProgressReporter';
export type { Scoring } from './internal/scoring';
