/**
 * The estimator protocol of scikeras-ts: scikit-learn's `BaseEstimator` contract (params object,
 * `getParams`/`setParams` with `a__b` keys, `clone`), the error classes and warnings, and the input
 * validation helpers (`checkArray`, `checkXY`, `takeRows`, ...).
 *
 * @packageDocumentation
 * @module \@scikeras/estimator-core
 */
export {
  ScikerasError,
  ValueError,
  InvalidParameterError,
  NotFittedError,
  NotImplementedError,
  RuntimeError,
  TimeoutError,
  TerminatedWorkerError,
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
  type SettableParams,
} from './BaseEstimator';
export type { NestedParams } from './NestedParams';
export { isEstimator, type EstimatorLike } from './isEstimator';
export { clone, type CloneOptions } from './clone';
export { checkIsFitted, isFitted, type CheckIsFittedOptions } from './checkIsFitted';
export { isClassifier } from './isClassifier';
export { isRegressor } from './isRegressor';
export type {
  Label,
  TypedArray,
  Array2D,
  ArrayND,
  ShapedArray,
  NestedArray,
  TensorLike,
  XLike,
  YLike,
} from './types';
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
export { matrixToRows } from './matrixToRows';
export { toArrayND, dimMessage, type ToArrayNDOptions } from './toArrayND';
export { isRecordArray, recordKeys, recordsToRows, type DataRecord } from './records';
export {
  getFeatureNames,
  featureNamesToRead,
  checkFeatureNames,
  checkFeatureNamesIn,
} from './featureNames';
export { checkNFeatures } from './checkNFeatures';
export { isTypedArray, isArray2D, isArrayND, isMatrix, isTensorLike } from './internal/guards';
export { closestMatch, editDistance } from './internal/closestMatch';
export { splitParamKey, paramsWithPrefix, unprefixedParams } from './prefixedParams';
export {
  ParamConstraint,
  Interval,
  Options,
  StrOptions,
  InstanceOf,
  HasMethods,
  hidden,
  makeConstraint,
  joinConstraints,
  type ConstraintSpec,
  type NumberKind,
} from './paramConstraints';
export {
  validateParameterConstraints,
  type ParameterConstraints,
} from './validateParameterConstraints';
export { RandomState, checkRandomState, type RandomStateLike } from './RandomState';
export {
  pyRepr,
  pyStr,
  pyNumStr,
  pyList,
  pyTuple,
  pySet,
  npArrayStr,
  pyShape,
  typeName,
} from './repr';
export { estimatorNameOf } from './registry/estimatorNameOf';
export {
  setOutputConfig,
  getOutputConfig,
  safeSetOutput,
  wrapTransformOutput,
  type TransformOutput,
  type OutputConfig,
  type ResolvedOutputConfig,
} from './setOutput';
export {
  transformInto,
  hasTransformInto,
  type TransformsInto,
  type WindowWriter,
} from './transformInto';
export {
  registerEstimator,
  getEstimatorClass,
  registeredEstimatorName,
  registeredEstimatorModule,
  registeredEstimatorNames,
  type RegisterEstimatorOptions,
} from './registry/registerEstimator';
export {
  registerFunction,
  unregisterFunction,
  registerFunctionNamespace,
  getRegisteredFunction,
  registeredFunctionName,
  registeredFunctionModule,
  registeredFunctionNames,
  missingFunction,
  type RegisteredFunction,
  type RegisterFunctionOptions,
} from './registry/registerFunction';
export { moduleUrl, packageModuleUrl, optionalPackageModuleUrl } from './registry/moduleUrl';
export {
  registerCodecType,
  type CodecType,
  type CodecMode,
  type EncodeContext,
  type DecodeContext,
  type Json,
} from './codec/CodecType';
export { corruptedError, describePath } from './codec/codecMessages';
export {
  encodeValue,
  fittedKeys,
  type EncodeOptions,
  type EncodedValue,
} from './codec/encodeValue';
export { decodeValue, type DecodeOptions } from './codec/decodeValue';
export {
  toTravelSpec,
  fromTravelSpec,
  type TravelSpec,
  type ToTravelSpecOptions,
} from './codec/TravelSpec';
export {
  registerTravelEnvironment,
  type TravelEnvironment,
} from './codec/registerTravelEnvironment';
export { toBase64, fromBase64 } from './codec/base64';
