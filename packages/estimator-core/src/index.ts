export {
  ScikerasError,
  ValueError,
  InvalidParameterError,
  NotFittedError,
  NotImplementedError,
  RuntimeError,
} from './errors';
export { warn, catchWarnings, type WarningCategory, type WarningRecord } from './warnings';
export {
  BaseEstimator,
  DEFAULT_TAGS,
  collectDefaults,
  type Params,
  type EstimatorType,
  type EstimatorTags,
  type EstimatorClass,
} from './BaseEstimator';
export { isEstimator, type EstimatorLike } from './isEstimator';
export { clone, type CloneOptions } from './clone';
export { checkIsFitted, isFitted, type CheckIsFittedOptions } from './checkIsFitted';
export { isClassifier } from './isClassifier';
export { isRegressor } from './isRegressor';
export type { Label, TypedArray, Array2D, TensorLike, XLike, YLike } from './types';
export { numSamples } from './numSamples';
export {
  checkArray,
  toArray2D,
  assertAllFinite,
  estimatorName,
  type CheckArrayOptions,
  type AssertAllFiniteOptions,
} from './checkArray';
export { columnOr1d, type ColumnOr1dOptions } from './columnOr1d';
export { checkXY, checkConsistentLength, type CheckXYOptions, type CheckedY } from './checkXY';
export { takeRows } from './takeRows';
export { isRecordArray, recordKeys, recordsToRows, type DataRecord } from './records';
export {
  getFeatureNames,
  featureNamesToRead,
  checkFeatureNames,
  checkFeatureNamesIn,
} from './featureNames';
export { checkNFeatures } from './checkNFeatures';
export { isTypedArray, isArray2D, isMatrix, isTensorLike } from './internal/guards';
