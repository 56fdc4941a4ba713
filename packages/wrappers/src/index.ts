/**
 * The Keras wrappers: `BaseWrapper`, `KerasClassifier`, `KerasRegressor` (scikeras's API for
 * TensorFlow.js models), the `trainer` param, backends, save and load.
 *
 * @packageDocumentation
 * @module \@scikeras/wrappers
 */
export {
  BaseWrapper,
  type BaseWrapperParams,
  type BuildContext,
  type BuildFn,
  type CallbackSpec,
  type FitOptions,
  type PredictOptions,
  type ScoreOptions,
  type KerasData,
  type KerasOutput,
  type WrapperArgs,
} from './BaseWrapper';
export type { BuildContextBase, NoParams } from './BuildContext';
export {
  ROUTING_PREFIXES,
  type RoutingPrefix,
  type RoutedParamKeys,
  type ModelRoutedParams,
} from './WrapperParams';
export {
  routeWrapperParams,
  FIT_KWARGS,
  PREDICT_KWARGS,
  COMPILE_KWARGS,
  type RoutedParams,
} from './RoutedParams';
export { BASE_WRAPPER_CONSTRAINTS } from './wrapperConstraints';
export {
  KerasClassifier,
  type KerasClassifierParams,
  type ClassifierPartialFitOptions,
  type ClassifierPrediction,
  type ClassifierProbabilities,
} from './KerasClassifier';
export {
  KerasRegressor,
  type KerasRegressorParams,
  type RegressorPrediction,
} from './KerasRegressor';
export { KerasTransformer, type KerasTransformerParams } from './KerasTransformer';
export { IdentityTransformer, type Transformer } from './IdentityTransformer';
export { routeParams } from './routeParams';
export { autoLoss, AUTO_LOSS, type AutoLossTask } from './autoLoss';
export { unflattenParams, isBuildable, type UnflattenOptions } from './unflattenParams';
export { lossName } from './lossName';
export { registerLoss, type LossClass } from './registerLoss';
export { metricName } from './metricName';
export { resolveOptimizer, checkOptimizer, type OptimizerSpec } from './resolveOptimizer';
export {
  compileKwargsFrom,
  resolveLoss,
  resolveMetrics,
  tfjsLossName,
  tfjsMetricName,
  kerasMetricName,
  type CompileKwargs,
  type LossFn,
  type LossObject,
  type LossSpec,
  type MetricSpec,
} from './compileKwargs';
export { withRandomState, resolveSeed, type RandomSource } from './internal/withRandomState';
export type { Array2D, ArrayND, Label, Params } from '@scikeras/estimator-core';
// a subclass of a wrapper registers itself with estimator-core's registry
export { registerEstimator, type RegisterEstimatorOptions } from '@scikeras/estimator-core';
export { computeSampleWeight, type ClassWeight } from './internal/computeSampleWeight';
// the `trainer` param's types; the engine itself is @scikeras/tfjs-trainer's
export type { Trainer, TrainerFitArgs } from '@scikeras/tfjs-trainer';
export type { TrainerSpec } from './internal/resolveTrainer';
export { useBackend, setBackendImporter, type BackendName } from './useBackend';
export {
  saveEstimator,
  type EstimatorSaveTarget,
  type EstimatorArtifact,
  type EstimatorManifest,
  type SavedBuffer,
} from './saveEstimator';
export {
  loadEstimator,
  type EstimatorLoadSource,
  type EstimatorRegistry,
  type LoadEstimatorOptions,
} from './loadEstimator';
export {
  registerCallback,
  unregisterCallback,
  type CallbackClass,
  type RegisterCallbackOptions,
} from './registerCallback';
export {
  registerModel,
  unregisterModel,
  getRegisteredModel,
  registeredModelName,
  registeredModelModule,
  registeredModelNames,
  type RegisteredFunction,
  type RegisterModelOptions,
} from './ModelRegistry';
